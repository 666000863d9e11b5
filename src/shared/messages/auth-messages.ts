// Sign-in, sessions, tokens and the gates a session must pass.
import { defineMessages } from './define-messages.ts'

export const authMessages = defineMessages({
  'auth.token_invalid': {
    id: 'Token API tidak valid, sudah dicabut, atau kedaluwarsa.',
    en: 'The API token is not valid, was revoked, or has expired.',
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
    id: 'Kata sandi Anda diatur ulang oleh admin. Ganti kata sandi dulu sebelum melanjutkan.',
    en: 'An admin reset your password. Change it before you continue.',
  },
})
