// Messages shared by every area: generic validation, authentication gates and server errors.
import { defineMessages } from './define-messages.ts'

export const commonMessages = defineMessages({
  // A text from outside the catalogue, kept verbatim: the framework's own message for a malformed request.
  'common.text': { id: '{text}', en: '{text}' },
  'common.internal': {
    id: 'Terjadi kesalahan di server. Coba lagi; bila berulang, hubungi admin.',
    en: 'Something went wrong on the server. Try again; if it keeps happening, contact your admin.',
  },
  'common.not_found': { id: 'Data tidak ditemukan.', en: 'Not found.' },
  'common.route_not_found': {
    id: 'Tidak ada rute {method} {path}.',
    en: 'There is no route {method} {path}.',
  },
  'common.forbidden_action': {
    id: 'Anda tidak berwenang untuk tindakan ini ({action}).',
    en: 'You are not allowed to do this ({action}).',
  },
  'common.unauthenticated': { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  'common.check_fields': { id: 'Periksa isian: {summary}', en: 'Check the fields: {summary}' },
  'common.body_too_large': {
    id: 'Data yang dikirim terlalu besar untuk permintaan ini (paling banyak {kilobytes:number} KB).',
    en: 'The data sent is too large for this request (at most {kilobytes:number} KB).',
  },
  'common.metrics_token': {
    id: 'Metrik memerlukan token (Authorization: Bearer <WARTA_METRICS_TOKEN>).',
    en: 'Metrics need the token (Authorization: Bearer <WARTA_METRICS_TOKEN>).',
  },
  'common.invalid_json': {
    id: 'Data yang dikirim bukan JSON yang sah.',
    en: 'The data sent is not valid JSON.',
  },
  'common.unsupported_media_type': {
    id: 'Jenis data "{type}" tidak diterima di sini; kirim JSON.',
    en: 'Data of type "{type}" is not accepted here; send JSON.',
  },

  'validation.required': { id: 'Wajib diisi.', en: 'Required.' },
  'validation.invalid': { id: 'Isian tidak valid.', en: 'This value is not valid.' },
  'validation.too_short': { id: 'Paling sedikit {minimum} karakter.', en: 'At least {minimum} characters.' },
  'validation.too_long': { id: 'Paling banyak {maximum} karakter.', en: 'At most {maximum} characters.' },
  'validation.too_few': { id: 'Paling sedikit {minimum} butir.', en: 'At least {minimum} items.' },
  'validation.too_many': { id: 'Paling banyak {maximum} butir.', en: 'At most {maximum} items.' },
  'validation.too_small': { id: 'Paling kecil {minimum}.', en: 'At least {minimum}.' },
  'validation.too_big': { id: 'Paling besar {maximum}.', en: 'At most {maximum}.' },
  'validation.choose_one': { id: 'Pilih salah satu: {options}.', en: 'Choose one of: {options}.' },
  'validation.date': { id: 'Tanggal harus berbentuk TTTT-BB-HH.', en: 'Dates are written YYYY-MM-DD.' },
  'validation.datetime': { id: 'Waktu tidak dikenali.', en: 'This time is not recognised.' },
  'validation.uuid': { id: 'Pengenal tidak valid.', en: 'This identifier is not valid.' },
  'validation.email': {
    id: 'Tulis alamat e-mail lengkap, misalnya nama@instansi.go.id.',
    en: 'Enter a complete e-mail address, for example name@agency.go.id.',
  },
  'validation.url': {
    id: 'Tulis alamat lengkap yang diawali https://.',
    en: 'Enter a full address starting with https://.',
  },
  'validation.choose_unit': { id: 'Pilih unit.', en: 'Choose a unit.' },
  'validation.slug': {
    id: 'Hanya huruf kecil, angka dan tanda hubung (misalnya diskominfo-kota).',
    en: 'Only lower-case letters, digits and hyphens (for example diskominfo-kota).',
  },
  'validation.unit_code': {
    id: 'Kode unit hanya huruf, angka, titik, garis bawah dan tanda hubung.',
    en: 'A unit code has only letters, digits, dots, underscores and hyphens.',
  },
  'validation.unknown_field': { id: 'Isian "{field}" tidak dikenal.', en: 'Unknown field "{field}".' },
  'validation.text_control_chars': {
    id: 'Teks berisi karakter yang tidak dapat disimpan (NUL atau surrogate tunggal). Ketik ulang teksnya.',
    en: 'The text contains characters that cannot be stored (NUL or a lone surrogate). Type the text again.',
  },
})
