// Sign-in, sessions, tokens and the gates a session must pass.
import { defineMessages } from './define-messages.ts'

export const authMessages = defineMessages({
  'auth.token_invalid': {
    id: 'Token API tidak valid, sudah dicabut, atau kedaluwarsa.',
    en: 'The API token is not valid, was revoked, or has expired.',
  },
  'auth.token_not_for_security_settings': {
    id: 'Token API tidak dapat membuka pengaturan keamanan akun (kata sandi, verifikasi dua langkah, sesi, token). Masuk lewat peramban untuk mengubahnya.',
    en: 'An API token cannot open the account’s security settings (password, two-step verification, sessions, tokens). Sign in with a browser to change them.',
  },
  'auth.two_factor_browser_only': {
    id: 'Verifikasi dua langkah hanya untuk sesi peramban.',
    en: 'Two-step verification is only for browser sessions.',
  },
  'auth.token_name_required': {
    id: 'Beri nama token, misalnya "skrip laporan".',
    en: 'Name the token, for example "report script".',
  },
  'auth.csrf_failed': {
    id: 'Token keamanan (CSRF) tidak ada atau tidak cocok. Muat ulang halaman lalu coba lagi.',
    en: 'The security token (CSRF) is missing or does not match. Reload the page and try again.',
  },
  'auth.enrol_two_factor': {
    id: 'Peran Anda mewajibkan verifikasi dua langkah. Aktifkan dulu di halaman profil (pindai kode QR dengan aplikasi autentikator).',
    en: 'Your role requires two-step verification. Turn it on first on your profile page (scan the QR code with an authenticator app).',
  },
  'auth.verify_two_factor': {
    id: 'Masukkan kode dari aplikasi autentikator untuk menyelesaikan proses masuk.',
    en: 'Enter the code from your authenticator app to finish signing in.',
  },
  'auth.password_change_required': {
    id: 'Kata sandi Anda dibuat atau diatur ulang oleh admin. Ganti kata sandi dulu sebelum melanjutkan.',
    en: 'An admin set or reset your password. Change it before you continue.',
  },

  'auth.wrong_credentials': {
    id: 'E-mail atau kata sandi salah. Periksa kembali lalu coba lagi.',
    en: 'Wrong e-mail or password. Check them and try again.',
  },
  'auth.account_locked': {
    id: 'Akun dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi setelah pukul {until:time} ({minutes} menit lagi), atau minta admin mengatur ulang kata sandi Anda.',
    en: 'The account is locked for a while after too many failed sign-in attempts. Try again after {until:time} ({minutes} minutes from now), or ask an admin to reset your password.',
  },
  'auth.address_throttled': {
    id: 'Terlalu banyak percobaan masuk yang gagal dari alamat jaringan ini. Coba lagi setelah pukul {retryAt:time} ({minutes} menit lagi).',
    en: 'Too many failed sign-in attempts from this network address. Try again after {retryAt:time} ({minutes} minutes from now).',
  },
  'auth.second_factor_needed': {
    id: 'Masukkan kode 6 angka dari aplikasi autentikator, atau salah satu kode pemulihan.',
    en: 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.',
  },
  'auth.second_factor_wrong_at_login': {
    id: 'Kode verifikasi salah atau sudah dipakai. Periksa jam di ponsel Anda lalu coba lagi.',
    en: 'The verification code is wrong or was already used. Check the clock on your phone and try again.',
  },
  'auth.second_factor_wrong': {
    id: 'Kode verifikasi salah.',
    en: 'The verification code is wrong.',
  },
  'auth.second_factor_wrong_or_used': {
    id: 'Kode verifikasi salah atau sudah dipakai.',
    en: 'The verification code is wrong or was already used.',
  },
  'auth.code_mismatch': { id: 'Kode tidak cocok.', en: 'The code does not match.' },
  'auth.sso_disabled': {
    id: 'Masuk dengan SSO tidak diaktifkan di server ini.',
    en: 'Single sign-on is not turned on for this server.',
  },
  'auth.password_wrong': { id: 'Kata sandi salah.', en: 'Wrong password.' },
  'auth.current_password_wrong': {
    id: 'Kata sandi saat ini salah.',
    en: 'Your current password is wrong.',
  },
  'auth.new_password_same': {
    id: 'Kata sandi baru harus berbeda dari yang lama.',
    en: 'The new password must differ from the old one.',
  },
  'auth.differ_from_old_password': {
    id: 'Harus berbeda dari kata sandi lama.',
    en: 'Must differ from the old password.',
  },
  'auth.password_too_short': {
    id: 'Kata sandi minimal {minimum} karakter.',
    en: 'The password needs at least {minimum} characters.',
  },
  'auth.password_too_long': {
    id: 'Kata sandi maksimal {maximum} karakter.',
    en: 'The password may have at most {maximum} characters.',
  },
  'auth.password_is_email': {
    id: 'Kata sandi tidak boleh sama dengan alamat e-mail.',
    en: 'The password must not be your e-mail address.',
  },
  'auth.password_too_simple': {
    id: 'Kata sandi terlalu mudah ditebak: gunakan lebih banyak karakter yang berbeda.',
    en: 'The password is too easy to guess: use more different characters.',
  },
  'auth.password_personal': {
    id: 'Kata sandi tidak boleh memuat atau hanya terdiri dari nama Anda, alamat e-mail Anda, atau nama instansi.',
    en: 'The password must not contain, or consist only of, your name, your e-mail address or the name of the instansi.',
  },
  'auth.password_weak': {
    id: 'Kata sandi terlalu mudah ditebak. Tambahkan beberapa kata yang tidak umum.',
    en: 'The password is too easy to guess. Add a few uncommon words.',
  },
  'auth.password_warning.straight_row': {
    id: 'Baris lurus tombol keyboard mudah ditebak.',
    en: 'Straight rows of keys on your keyboard are easy to guess.',
  },
  'auth.password_warning.key_pattern': {
    id: 'Pola keyboard yang pendek mudah ditebak.',
    en: 'Short keyboard patterns are easy to guess.',
  },
  'auth.password_warning.simple_repeat': {
    id: 'Karakter berulang seperti "aaa" mudah ditebak.',
    en: 'Repeated characters like "aaa" are easy to guess.',
  },
  'auth.password_warning.extended_repeat': {
    id: 'Pola berulang seperti "abcabcabc" mudah ditebak.',
    en: 'Repeated patterns like "abcabcabc" are easy to guess.',
  },
  'auth.password_warning.sequences': {
    id: 'Urutan umum seperti "abc" atau "123" mudah ditebak.',
    en: 'Common sequences like "abc" or "123" are easy to guess.',
  },
  'auth.password_warning.recent_years': {
    id: 'Tahun-tahun terakhir mudah ditebak.',
    en: 'Recent years are easy to guess.',
  },
  'auth.password_warning.dates': { id: 'Tanggal mudah ditebak.', en: 'Dates are easy to guess.' },
  'auth.password_warning.top_ten': {
    id: 'Ini salah satu kata sandi yang paling sering dipakai.',
    en: 'This is one of the most used passwords.',
  },
  'auth.password_warning.top_hundred': {
    id: 'Ini kata sandi yang sering dipakai.',
    en: 'This is a frequently used password.',
  },
  'auth.password_warning.common': {
    id: 'Ini kata sandi yang umum dipakai.',
    en: 'This is a commonly used password.',
  },
  'auth.password_warning.similar_to_common': {
    id: 'Ini mirip kata sandi yang umum dipakai.',
    en: 'This is similar to a commonly used password.',
  },
  'auth.password_warning.word_by_itself': {
    id: 'Satu kata saja mudah ditebak.',
    en: 'A single word is easy to guess.',
  },
  'auth.password_warning.names_by_themselves': {
    id: 'Nama atau nama keluarga saja mudah ditebak.',
    en: 'A name or surname on its own is easy to guess.',
  },
  'auth.password_warning.common_names': {
    id: 'Nama dan nama keluarga yang umum mudah ditebak.',
    en: 'Common names and surnames are easy to guess.',
  },
  'auth.password_warning.user_inputs': {
    id: 'Memuat data pribadi: nama, e-mail, atau nama instansi.',
    en: 'Contains personal data: a name, an e-mail address or the name of the instansi.',
  },
  'auth.password_warning.pwned': {
    id: 'Kata sandi ini pernah bocor di Internet.',
    en: 'This password has been exposed in a data breach on the Internet.',
  },
  'auth.password_suggestion.l33t': {
    id: 'Hindari penggantian huruf yang mudah diduga, seperti "@" untuk "a".',
    en: 'Avoid predictable substitutions like "@" for "a".',
  },
  'auth.password_suggestion.reverse_words': {
    id: 'Hindari kata umum yang dieja terbalik.',
    en: 'Avoid reversed spellings of common words.',
  },
  'auth.password_suggestion.all_uppercase': {
    id: 'Gunakan huruf kapital pada sebagian huruf saja, bukan semuanya.',
    en: 'Capitalise some, but not all, letters.',
  },
  'auth.password_suggestion.capitalization': {
    id: 'Gunakan huruf kapital selain di huruf pertama.',
    en: 'Capitalise more than the first letter.',
  },
  'auth.password_suggestion.dates': {
    id: 'Hindari tanggal dan tahun yang berhubungan dengan Anda.',
    en: 'Avoid dates and years that are associated with you.',
  },
  'auth.password_suggestion.recent_years': {
    id: 'Hindari tahun-tahun terakhir.',
    en: 'Avoid recent years.',
  },
  'auth.password_suggestion.associated_years': {
    id: 'Hindari tahun yang berhubungan dengan Anda.',
    en: 'Avoid years that are associated with you.',
  },
  'auth.password_suggestion.sequences': {
    id: 'Hindari urutan karakter yang umum.',
    en: 'Avoid common character sequences.',
  },
  'auth.password_suggestion.repeated': {
    id: 'Hindari kata dan karakter yang berulang.',
    en: 'Avoid repeated words and characters.',
  },
  'auth.password_suggestion.longer_keyboard_pattern': {
    id: 'Gunakan pola keyboard yang lebih panjang dan ubah arah beberapa kali.',
    en: 'Use longer keyboard patterns and change direction several times.',
  },
  'auth.password_suggestion.another_word': {
    id: 'Tambahkan kata lain yang kurang umum.',
    en: 'Add another, less common word.',
  },
  'auth.password_suggestion.use_words': {
    id: 'Gunakan beberapa kata, tetapi hindari frasa yang umum.',
    en: 'Use several words, but avoid common phrases.',
  },
  'auth.password_suggestion.no_need': {
    id: 'Simbol, angka dan huruf kapital tidak wajib: beberapa kata yang tidak umum sudah kuat.',
    en: 'Symbols, digits and capitals are not required: a few uncommon words are strong.',
  },
  'auth.password_suggestion.pwned': {
    id: 'Jangan pakai kata sandi ini di mana pun.',
    en: 'Do not use this password anywhere.',
  },
  'auth.password_reset_unavailable': {
    id: 'Atur ulang kata sandi lewat e-mail tidak tersedia di server ini. Minta admin instansi Anda mengatur ulang kata sandi.',
    en: 'Password reset by e-mail is not available on this server. Ask an admin of your instansi to reset your password.',
  },
  'auth.reset_throttled': {
    id: 'Terlalu banyak permintaan atur ulang kata sandi dari alamat jaringan ini. Coba lagi setelah pukul {retryAt:time} ({minutes} menit lagi).',
    en: 'Too many password reset requests from this network address. Try again after {retryAt:time} ({minutes} minutes from now).',
  },
  'auth.reset_link_invalid': {
    id: 'Tautan atur ulang kata sandi ini tidak berlaku: sudah dipakai, sudah kedaluwarsa, atau tidak lengkap tersalin. Minta tautan baru.',
    en: 'This password reset link is not valid: it was used, it expired, or it was not copied whole. Ask for a new link.',
  },
  'auth.reset_link_invalid_field': {
    id: 'Tautan tidak berlaku; minta tautan baru.',
    en: 'The link is not valid; ask for a new one.',
  },
  'auth.reset_mail_subject': {
    id: 'Atur ulang kata sandi Warta',
    en: 'Reset your Warta password',
  },
  'auth.reset_mail_body': {
    id: 'Halo {name},\n\nSeseorang (semoga Anda) meminta atur ulang kata sandi akun Warta Anda di {instansi}. Buka tautan ini untuk membuat kata sandi baru:\n\n{link}\n\nTautan hanya berlaku sekali dan selama {minutes} menit. Setelah kata sandi diganti, semua sesi dan token API Anda diakhiri.\n\nBila Anda tidak memintanya, abaikan e-mail ini: kata sandi Anda tidak berubah. Bila permintaan ini berulang, beri tahu admin instansi Anda.\n\n— Warta',
    en: 'Hello {name},\n\nSomeone (hopefully you) asked to reset the password of your Warta account at {instansi}. Open this link to choose a new password:\n\n{link}\n\nThe link works once and for {minutes} minutes. Once the password is changed, all your sessions and API tokens end.\n\nIf you did not ask for this, ignore this e-mail: your password has not changed. If it keeps happening, tell an admin of your instansi.\n\n— Warta',
  },
  'auth.session_not_found': {
    id: 'Sesi tidak ditemukan atau sudah berakhir.',
    en: 'The session does not exist or has already ended.',
  },
  'auth.token_cannot_create_token': {
    id: 'Token API tidak dapat membuat token lain. Gunakan sesi peramban.',
    en: 'An API token cannot create other tokens. Use a browser session.',
  },
  'auth.token_expiry_in_past': {
    id: 'Tanggal kedaluwarsa harus di masa depan.',
    en: 'The expiry date must be in the future.',
  },
  'auth.must_be_in_future': { id: 'Harus di masa depan.', en: 'Must be in the future.' },
  'auth.token_role_not_yours': {
    id: 'Peran {role:role} pada unit tersebut bukan milik Anda; token hanya boleh memuat peran Anda sendiri.',
    en: 'The role {role:role} on that unit is not yours; a token may only carry your own roles.',
  },
  'auth.only_your_roles': { id: 'Hanya peran milik Anda.', en: 'Only roles you hold.' },
  'auth.token_needs_role': {
    id: 'Pilih minimal satu peran untuk token ini.',
    en: 'Choose at least one role for this token.',
  },
  'auth.at_least_one_role': { id: 'Minimal satu peran.', en: 'At least one role.' },
  'auth.token_not_found': {
    id: 'Token tidak ditemukan atau sudah dicabut.',
    en: 'The token does not exist or was already revoked.',
  },
  'auth.two_factor_on_change_device': {
    id: 'Verifikasi dua langkah sudah aktif. Nonaktifkan dulu bila ingin mengganti perangkat.',
    en: 'Two-step verification is already on. Turn it off first if you want to change devices.',
  },
  'auth.two_factor_already_on': {
    id: 'Verifikasi dua langkah sudah aktif.',
    en: 'Two-step verification is already on.',
  },
  'auth.two_factor_not_on': {
    id: 'Verifikasi dua langkah belum aktif.',
    en: 'Two-step verification is not on yet.',
  },
  'auth.enrolment_not_started': {
    id: 'Mulai pendaftaran dulu (pindai kode QR), lalu masukkan kodenya.',
    en: 'Start the enrolment first (scan the QR code), then enter its code.',
  },
  'auth.enrolment_code_wrong': {
    id: 'Kode tidak cocok atau sudah dipakai. Pastikan jam ponsel tepat lalu masukkan kode yang sedang tampil.',
    en: 'The code does not match or was already used. Make sure your phone’s clock is right, then enter the code shown now.',
  },
  'auth.code_wrong_wait_next': {
    id: 'Kode tidak cocok atau sudah dipakai; tunggu kode berikutnya.',
    en: 'The code does not match or was already used; wait for the next code.',
  },
  'auth.two_factor_mandatory': {
    id: 'Peran admin dan penanggung jawab wajib memakai verifikasi dua langkah; tidak dapat dinonaktifkan.',
    en: 'The admin and penanggung jawab roles must use two-step verification; it cannot be turned off.',
  },
})
