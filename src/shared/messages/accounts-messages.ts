// The official account registry: the account form, the choice of penanggung jawab and pengelola, and the CSV
// import (its rows' problems, the preview and the job that applies it).
import { defineMessages } from './define-messages.ts'

export const accountsMessages = defineMessages({
  'accounts.choose_platform': { id: 'Pilih platform.', en: 'Choose a platform.' },
  'accounts.choose_penanggung_jawab': {
    id: 'Pilih penanggung jawab.',
    en: 'Choose the person responsible (penanggung jawab).',
  },
  'accounts.choose_pengelola': {
    id: 'Pilih pengguna pengelola.',
    en: 'Choose the user who manages the account (pengelola).',
  },
  'accounts.surat_tugas_number_required': {
    id: 'Isi nomor surat tugas.',
    en: 'Enter the number of the assignment letter (surat tugas).',
  },
  'accounts.surat_tugas_date_required': {
    id: 'Isi tanggal surat tugas.',
    en: 'Enter the date of the assignment letter (surat tugas).',
  },
  'accounts.csv_empty': { id: 'Berkas CSV kosong.', en: 'The CSV file is empty.' },

  // The account and its fields.
  'accounts.not_found': { id: 'Akun resmi tidak ditemukan.', en: 'Official account not found.' },
  'accounts.invalid': {
    id: 'Periksa isian akun: {count:number} isian perlu diperbaiki.',
    en: 'Check the account: {count:number} fields need fixing.',
  },
  'accounts.duplicate': {
    id: 'Akun {platform} "{handle}" sudah terdaftar di instansi ini.',
    en: 'The {platform} account "{handle}" is already registered in this agency.',
  },
  'accounts.duplicate_field': { id: 'Sudah terdaftar.', en: 'Already registered.' },
  'accounts.platform_unknown': {
    id: 'Platform "{platform}" tidak dikenal; pilih salah satu: {options:list}.',
    en: 'Unknown platform "{platform}"; choose one of: {options:list}.',
  },
  'accounts.unit_not_found': {
    id: 'Unit tidak ditemukan di instansi ini.',
    en: 'This unit does not exist in this agency.',
  },
  'accounts.unit_archived': {
    id: 'Unit ini sudah diarsipkan; pilih unit yang aktif.',
    en: 'This unit is archived; choose an active unit.',
  },
  'accounts.user_not_found': {
    id: 'Pilih pengguna instansi ini.',
    en: 'Choose a user of this agency.',
  },
  'accounts.user_disabled': {
    id: '{name} sudah dinonaktifkan; pilih orang lain.',
    en: '{name} has been disabled; choose someone else.',
  },
  'accounts.penanggung_jawab_not_eligible': {
    id: '{name} tidak memegang peran Penanggung jawab di unit akun ini atau unit di atasnya.',
    en: '{name} does not hold the Penanggung jawab role on the account’s unit or a unit above it.',
  },
  'accounts.pengelola_not_eligible': {
    id: '{name} tidak memegang peran Pengelola di unit akun ini atau unit di atasnya.',
    en: '{name} does not hold the Pengelola role on the account’s unit or a unit above it.',
  },
  'accounts.pengelola_twice': {
    id: 'Pengelola yang sama tercantum dua kali.',
    en: 'The same pengelola is listed twice.',
  },
  'accounts.date_in_future': {
    id: 'Tanggal tidak boleh di masa depan.',
    en: 'The date cannot be in the future.',
  },
  'accounts.handle_required': {
    id: 'Isi nama akun (handle) atau alamatnya.',
    en: 'Enter the handle or the address of the account.',
  },
  'accounts.handle_invalid.x': {
    id: 'Nama akun X "{handle}" tidak valid: 1–15 karakter: huruf, angka, garis bawah.',
    en: 'The X handle "{handle}" is not valid: 1–15 characters: letters, digits, underscores.',
  },
  'accounts.handle_invalid.instagram': {
    id: 'Nama akun Instagram "{handle}" tidak valid: 1–30 karakter: huruf, angka, titik, garis bawah; tidak diawali/diakhiri titik, tanpa dua titik berurutan.',
    en: 'The Instagram handle "{handle}" is not valid: 1–30 characters: letters, digits, dots, underscores; no dot at the start or end, no two dots in a row.',
  },
  'accounts.handle_invalid.threads': {
    id: 'Nama akun Threads "{handle}" tidak valid: sama dengan Instagram, 1–30 karakter huruf, angka, titik, garis bawah.',
    en: 'The Threads handle "{handle}" is not valid: as on Instagram, 1–30 letters, digits, dots, underscores.',
  },
  'accounts.handle_invalid.facebook': {
    id: 'Nama halaman Facebook "{handle}" tidak valid: 5–50 karakter: huruf, angka, titik.',
    en: 'The Facebook page name "{handle}" is not valid: 5–50 characters: letters, digits, dots.',
  },
  'accounts.handle_invalid.tiktok': {
    id: 'Nama akun TikTok "{handle}" tidak valid: 2–24 karakter: huruf, angka, titik, garis bawah; tidak diakhiri titik.',
    en: 'The TikTok handle "{handle}" is not valid: 2–24 characters: letters, digits, dots, underscores; not ending in a dot.',
  },
  'accounts.handle_invalid.youtube': {
    id: 'Nama akun YouTube "{handle}" tidak valid: 3–30 karakter: huruf, angka, titik, garis bawah, tanda hubung.',
    en: 'The YouTube handle "{handle}" is not valid: 3–30 characters: letters, digits, dots, underscores, hyphens.',
  },
  'accounts.handle_invalid.bluesky': {
    id: 'Nama akun Bluesky "{handle}" tidak valid: tulis nama domain, misalnya humas.bsky.social atau humas.kotabandung.go.id.',
    en: 'The Bluesky handle "{handle}" is not valid: write a domain name, for example humas.bsky.social or humas.kotabandung.go.id.',
  },
  'accounts.handle_invalid.mastodon': {
    id: 'Nama akun Mastodon "{handle}" tidak valid: tulis nama@server, misalnya humas@mastodon.social.',
    en: 'The Mastodon handle "{handle}" is not valid: write name@server, for example humas@mastodon.social.',
  },
  'accounts.handle_invalid.telegram': {
    id: 'Nama akun Telegram "{handle}" tidak valid: 5–32 karakter: huruf, angka, garis bawah; diawali huruf.',
    en: 'The Telegram handle "{handle}" is not valid: 5–32 characters: letters, digits, underscores; starting with a letter.',
  },
  'accounts.handle_invalid.sandbox': {
    id: 'Nama akun Sandbox "{handle}" tidak valid: 1–30 karakter: huruf, angka, titik, garis bawah.',
    en: 'The Sandbox handle "{handle}" is not valid: 1–30 characters: letters, digits, dots, underscores.',
  },
  'accounts.handle_invalid.whatsapp': {
    id: 'Nomor WhatsApp "{handle}" tidak valid; tulis misalnya +62 812 3456 7890 atau 0812 3456 7890.',
    en: 'The WhatsApp number "{handle}" is not valid; write for example +62 812 3456 7890 or 0812 3456 7890.',
  },
  'accounts.address_other_platform': {
    id: 'Alamat ini milik {other}, bukan {platform}; pilih platform yang benar.',
    en: 'This address belongs to {other}, not {platform}; choose the right platform.',
  },
  'accounts.address_no_handle': {
    id: 'Nama akun tidak dapat dibaca dari alamat "{address}"; tulis nama akunnya, misalnya humaskota.',
    en: 'No handle can be read from the address "{address}"; write the handle, for example humaskota.',
  },
  'accounts.url_invalid': {
    id: 'Alamat akun bukan URL yang valid; tulis misalnya https://www.instagram.com/humas/.',
    en: 'The account address is not a valid URL; write for example https://www.instagram.com/humas/.',
  },
  'accounts.url_not_https': {
    id: 'Alamat akun harus diawali https://.',
    en: 'The account address must start with https://.',
  },
  'accounts.url_other_handle': {
    id: 'Alamat ini menunjuk akun "{found}", bukan "{handle}"; samakan nama akun dan alamatnya.',
    en: 'This address points to the account "{found}", not "{handle}"; make the handle and the address agree.',
  },
  'accounts.import_forbidden': {
    id: 'Anda tidak berwenang mengimpor akun resmi.',
    en: 'You are not allowed to import official accounts.',
  },

  // CSV rows: what to fix in one cell (or in the header, row 1).
  'accounts.csv_unreadable': {
    id: 'Berkas CSV tidak dapat dibaca di baris {line}: periksa tanda kutip (").',
    en: 'The CSV file cannot be read at row {line}: check the quotation marks (").',
  },
  'accounts.csv_no_header': {
    id: 'Berkas CSV kosong; baris pertama harus berisi nama kolom.',
    en: 'The CSV file is empty; its first row must hold the column names.',
  },
  'accounts.csv_header_invalid': {
    id: 'Baris judul berkas CSV perlu diperbaiki ({count:number} masalah); unduh templat untuk melihat kolom yang dipakai.',
    en: 'The header row of the CSV file needs fixing ({count:number} problems); download the template to see the columns used.',
  },
  'accounts.csv_no_rows': {
    id: 'Berkas CSV hanya berisi baris judul; tidak ada akun untuk diimpor.',
    en: 'The CSV file holds only the header row; there are no accounts to import.',
  },
  'accounts.csv_unknown_column': {
    id: 'Kolom "{column}" tidak dikenal. Unduh templat untuk melihat kolom yang dipakai.',
    en: 'Unknown column "{column}". Download the template to see the columns used.',
  },
  'accounts.csv_missing_column': {
    id: 'Kolom wajib "{column}" tidak ada di baris judul.',
    en: 'The required column "{column}" is missing from the header row.',
  },
  'accounts.csv_duplicate_column': {
    id: 'Kolom "{column}" tercantum dua kali di baris judul.',
    en: 'The column "{column}" appears twice in the header row.',
  },
  'accounts.csv_unit_code_required': {
    id: 'Isi kode unit pemilik akun.',
    en: 'Enter the code of the unit that owns the account.',
  },
  'accounts.csv_unit_code_unknown': {
    id: 'Kode unit "{code}" tidak ada di instansi ini; lihat kode di halaman Unit kerja.',
    en: 'There is no unit with code "{code}" in this agency; see the codes on the Units page.',
  },
  'accounts.csv_email_required': {
    id: 'Isi e-mail penanggung jawab akun.',
    en: 'Enter the e-mail of the account’s penanggung jawab.',
  },
  'accounts.csv_email_unknown': {
    id: 'Tidak ada pengguna dengan e-mail "{email}" di instansi ini; buat penggunanya dulu.',
    en: 'No user of this agency has the e-mail "{email}"; create the user first.',
  },
  'accounts.csv_pengelola_email_required': {
    id: 'Isi e-mail pengelola untuk surat tugas ini.',
    en: 'Enter the pengelola’s e-mail for this assignment letter.',
  },
  'accounts.csv_pengelola_packed': {
    id: 'Tulis tiap pengelola di kolom pengelola_1_email, pengelola_1_nomor_surat_tugas, pengelola_1_tanggal_surat_tugas (atau email|nomor|TTTT-BB-HH di kolom pengelola): "{entry}" tidak terbaca.',
    en: 'Write each pengelola in the columns pengelola_1_email, pengelola_1_nomor_surat_tugas, pengelola_1_tanggal_surat_tugas (or email|number|YYYY-MM-DD in the pengelola column): "{entry}" cannot be read.',
  },
  'accounts.csv_boolean': { id: 'Isi "ya" atau "tidak".', en: 'Write "ya" (yes) or "tidak" (no).' },
  'accounts.csv_choice': {
    id: '"{value}" tidak dikenal; isi salah satu: {options:list}.',
    en: '"{value}" is not known; write one of: {options:list}.',
  },
  'accounts.csv_date': {
    id: 'Tanggal "{value}" tidak dikenali; tulis TTTT-BB-HH (2026-01-31) atau HH/BB/TTTT (31/01/2026).',
    en: 'The date "{value}" is not recognised; write YYYY-MM-DD (2026-01-31) or DD/MM/YYYY (31/01/2026).',
  },
  'accounts.csv_duplicate_row': {
    id: 'Akun yang sama sudah ada di baris {row} berkas ini; hapus salah satunya.',
    en: 'The same account is already in row {row} of this file; remove one of them.',
  },
  'accounts.csv_unit_forbidden': {
    id: 'Anda tidak berwenang mengelola akun di unit ini.',
    en: 'You are not allowed to manage accounts of this unit.',
  },
  'accounts.csv_account_elsewhere': {
    id: 'Akun ini sudah terdaftar di unit yang tidak Anda kelola; minta admin unit tersebut memindahkannya.',
    en: 'This account is registered on a unit you do not manage; ask that unit’s admin to move it.',
  },

  // The import as a whole.
  'accounts.import_not_found': { id: 'Impor tidak ditemukan.', en: 'Import not found.' },
  'accounts.import_not_ready': {
    id: 'Impor ini tidak dapat dijalankan: pemeriksaannya belum selesai, atau sudah dijalankan.',
    en: 'This import cannot be run: its check has not finished, or it has run already.',
  },
  'accounts.import_nothing_to_do': {
    id: 'Tidak ada akun yang akan dibuat atau diubah oleh impor ini.',
    en: 'This import would create or change no account.',
  },
  'accounts.import_actor_gone': {
    id: 'Pengguna yang memulai impor ini sudah dinonaktifkan; impor dihentikan.',
    en: 'The user who started this import has been disabled; the import was stopped.',
  },
  'accounts.import_failed': {
    id: 'Impor berhenti karena kesalahan di server; baris yang sudah tersimpan tetap tersimpan. Coba impor lagi.',
    en: 'The import stopped because of a server error; rows already saved stay saved. Import again.',
  },
})
