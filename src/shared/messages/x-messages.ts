// Why X refused or could not take a request, in words a penanggung jawab can act on (ConnectorError.reason of
// src/connectors/x). The platform's own code and text stay in the error's platformCode / platformMessage.
import { defineMessages } from './define-messages.ts'

export const xMessages = defineMessages({
  'x.credentials_missing': {
    id: 'Akun X belum terhubung: hubungkan akun melalui tombol "Hubungkan dengan X".',
    en: 'The X account is not connected: connect it through "Connect with X".',
  },
  'x.token_expired': {
    id: 'Izin X untuk akun ini sudah tidak berlaku atau dicabut; hubungkan ulang akun X.',
    en: 'The X authorisation for this account has expired or was revoked; reconnect the X account.',
  },
  'x.scope_missing': {
    id: 'Izin yang diberikan ke Warta di X tidak cukup untuk tindakan ini; hubungkan ulang akun X dan setujui semua izin.',
    en: 'The permissions given to Warta on X are not enough for this action; reconnect the X account and accept every permission.',
  },
  'x.app_forbidden': {
    id: 'Aplikasi X milik kantor belum diizinkan memakai API ini (aplikasi harus ada di dalam Project di X Developer Console).',
    en: "The office's X app may not use this API yet (the app must belong to a Project in the X Developer Console).",
  },
  'x.not_permitted': {
    id: 'X tidak mengizinkan tindakan ini untuk akun ini.',
    en: 'X does not allow this action for this account.',
  },
  'x.hide_not_own_conversation': {
    id: 'X hanya mengizinkan menyembunyikan balasan di percakapan yang dimulai oleh akun ini.',
    en: 'X only allows hiding replies in conversations this account started.',
  },
  'x.duplicate_content': {
    id: 'X menolak unggahan yang isinya sama persis dengan unggahan akun ini sebelumnya; ubah teksnya.',
    en: "X refuses a post identical to one of this account's earlier posts; change the text.",
  },
  'x.credits_depleted': {
    id: 'Kredit API X milik kantor sudah habis; isi ulang kredit di X Developer Console, lalu coba lagi.',
    en: "The office's X API credits are used up; top them up in the X Developer Console, then try again.",
  },
  'x.request_invalid': {
    id: 'X menolak permintaan ini sebagai tidak sah; periksa teks dan medianya.',
    en: 'X refused this request as invalid; check the text and the media.',
  },
  'x.post_not_found': {
    id: 'Unggahan itu tidak ada lagi di X (mungkin sudah dihapus).',
    en: 'That post no longer exists on X (it may have been deleted).',
  },
  'x.media_rejected': {
    id: 'X menolak media ini: {detail}.',
    en: 'X refused this media: {detail}.',
  },
  'x.media_mix': {
    id: 'X menerima paling banyak 4 gambar atau 1 video per unggahan, tidak keduanya.',
    en: 'X takes at most 4 images or 1 video per post, not both.',
  },
  'x.rate_limited': {
    id: 'X membatasi jumlah permintaan; Warta mencoba lagi setelah {retryAt:shortDatetime}.',
    en: 'X is limiting requests; Warta tries again after {retryAt:shortDatetime}.',
  },
  'x.unavailable': {
    id: 'X sedang tidak dapat dihubungi; Warta mencoba lagi nanti.',
    en: 'X cannot be reached right now; Warta tries again later.',
  },
  'x.unknown_outcome': {
    id: 'X tidak menjawab setelah menerima permintaan; Warta memeriksa akun sebelum mengirim ulang.',
    en: 'X did not answer after receiving the request; Warta checks the account before sending it again.',
  },
})
