// The hoax knowledge base: claims, their facts and labels, the CSV import, and `warta check --instansi`.
import { defineMessages } from './define-messages.ts'

export const hoaxMessages = defineMessages({
  'hoax.not_found': { id: 'Klaim hoaks tidak ditemukan.', en: 'Hoax claim not found.' },
  'hoax.invalid': {
    id: 'Periksa isian klaim hoaks ({count:number} masalah).',
    en: 'Check the hoax claim ({count:number} problems).',
  },
  'hoax.claim_required': {
    id: 'Tulis klaim seperti yang beredar (paling panjang 2.000 karakter).',
    en: 'Write the claim as it circulates (at most 2,000 characters).',
  },
  'hoax.facts_required': {
    id: 'Tulis fakta atau klarifikasi instansi (paling panjang 5.000 karakter).',
    en: "Write the agency's facts or clarification (at most 5,000 characters).",
  },
  'hoax.label_unknown': {
    id: 'Label "{value}" tidak dikenal; isi [HOAKS], [DISINFORMASI] atau [MISINFORMASI].',
    en: 'Unknown label "{value}"; write [HOAKS], [DISINFORMASI] or [MISINFORMASI].',
  },
  'hoax.source_url': {
    id: 'Alamat sumber "{value}" harus berupa tautan http:// atau https://.',
    en: 'The source address "{value}" must be an http:// or https:// link.',
  },
  'hoax.too_many': {
    id: 'Paling banyak {maximum:number} isian.',
    en: 'At most {maximum:number} entries.',
  },
  'hoax.text_too_long': {
    id: 'Paling panjang {maximum:number} karakter per isian.',
    en: 'At most {maximum:number} characters per entry.',
  },
  'hoax.dates_order': {
    id: 'Tanggal klarifikasi tidak boleh sebelum tanggal klaim pertama muncul.',
    en: 'The clarification date cannot be before the date the claim was first seen.',
  },
  'hoax.unit_unknown': {
    id: 'Unit kerja ini tidak ada di instansi Anda.',
    en: 'This unit does not exist in your agency.',
  },
  'hoax.already_archived': {
    id: 'Klaim ini sudah diarsipkan.',
    en: 'This claim is already archived.',
  },
  'hoax.not_archived': { id: 'Klaim ini tidak diarsipkan.', en: 'This claim is not archived.' },

  // CSV import: what to fix in one cell (the header and file problems reuse the account import's messages).
  'hoax.import_has_errors': {
    id: 'Berkas belum disimpan: {count:number} baris perlu diperbaiki dulu.',
    en: 'Nothing was saved: {count:number} rows need fixing first.',
  },
  'hoax.import_no_rows': {
    id: 'Berkas CSV hanya berisi baris judul; tidak ada klaim untuk diimpor.',
    en: 'The CSV file holds only the header row; there are no claims to import.',
  },
  'hoax.import_too_many_rows': {
    id: 'Paling banyak {maximum:number} baris per impor; bagi berkasnya.',
    en: 'At most {maximum:number} rows per import; split the file.',
  },
  'hoax.csv_id_unknown': {
    id: 'Tidak ada klaim dengan id "{value}" di instansi ini; kosongkan kolom id untuk klaim baru.',
    en: 'No claim of this agency has the id "{value}"; leave the id column empty for a new claim.',
  },
  'hoax.csv_duplicate_row': {
    id: 'Klaim yang sama sudah ada di baris {row:number} berkas ini.',
    en: 'The same claim is already in row {row:number} of this file.',
  },
  'hoax.csv_source': {
    id: 'Sumber "{value}" tidak terbaca; tulis satu sumber per baris sebagai "Judul | https://…".',
    en: 'The source "{value}" cannot be read; write one source per line as "Title | https://…".',
  },
  'hoax.csv_status': {
    id: 'Status "{value}" tidak dikenal; isi "aktif" atau "diarsipkan".',
    en: 'Unknown status "{value}"; write "aktif" (active) or "diarsipkan" (archived).',
  },

  // `warta check --instansi`
  'cli.check_instansi_missing': {
    id: '{command}: --instansi perlu kode singkat instansi.',
    en: '{command}: --instansi needs the agency’s short code.',
  },
  'cli.check_instansi_unknown': {
    id: '{command}: tidak ada instansi dengan kode singkat "{slug}" di basis data ini.',
    en: '{command}: there is no agency with the short code "{slug}" in this database.',
  },
  'cli.check_no_database': {
    id: '{command}: --instansi perlu basis data: setel DATABASE_URL, atau jalankan di folder yang berisi data Warta ({folder}).',
    en: '{command}: --instansi needs a database: set DATABASE_URL, or run it in the folder holding Warta’s data ({folder}).',
  },
  'cli.check_instansi_and_claims': {
    id: '{command}: memakai berkas --claims; basis pengetahuan hoaks instansi tidak dibaca.',
    en: '{command}: using the --claims file; the agency’s hoax knowledge base is not read.',
  },
  'cli.check_instansi_empty': {
    id: '{command}: basis pengetahuan hoaks {slug} belum berisi klaim aktif; pemeriksaan hoaks tidak menemukan apa pun.',
    en: '{command}: the hoax knowledge base of {slug} holds no active claims yet; the hoax check finds nothing.',
  },
})
