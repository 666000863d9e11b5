// Why a Mastodon instance refused or could not take a request, in words a penanggung jawab can act on
// (ConnectorError.reason of src/connectors/mastodon). The instance's own text stays in the error's platformMessage.
import { defineMessages } from './define-messages.ts'

export const mastodonMessages = defineMessages({
  'mastodon.credentials_missing': {
    id: 'Akun Mastodon belum terhubung: masukkan alamat server (instance) dan token akses (Preferensi → Pengembangan → Aplikasi baru di Mastodon).',
    en: 'The Mastodon account is not connected: enter the instance address and an access token (Preferences → Development → New application in Mastodon).',
  },
  'mastodon.token_invalid': {
    id: 'Token akses Mastodon tidak berlaku atau sudah dicabut; buat token baru dan hubungkan ulang akun.',
    en: 'The Mastodon access token is invalid or was revoked; create a new token and reconnect the account.',
  },
  'mastodon.scope_missing': {
    id: 'Token akses Mastodon tidak punya izin (scope) untuk tindakan ini; buat token dengan scope read, write:statuses, write:media dan hubungkan ulang.',
    en: 'The Mastodon access token lacks the scope for this action; create a token with read, write:statuses, write:media and reconnect.',
  },
  'mastodon.account_disabled': {
    id: 'Server Mastodon menolak akun ini (akun dinonaktifkan, dibekukan, atau e-mail belum dikonfirmasi); periksa akun di server tersebut.',
    en: 'The Mastodon instance refuses this account (disabled, suspended, or e-mail not confirmed); check the account on that instance.',
  },
  'mastodon.forbidden': {
    id: 'Server Mastodon tidak mengizinkan tindakan ini untuk akun ini.',
    en: 'The Mastodon instance does not allow this action for this account.',
  },
  'mastodon.rate_limited': {
    id: 'Server Mastodon membatasi jumlah permintaan; Warta mencoba lagi setelah {retryAt:shortDatetime}.',
    en: 'The Mastodon instance is limiting requests; Warta tries again after {retryAt:shortDatetime}.',
  },
  'mastodon.unavailable': {
    id: 'Server Mastodon sedang tidak dapat dihubungi; Warta mencoba lagi nanti.',
    en: 'The Mastodon instance cannot be reached right now; Warta tries again later.',
  },
  'mastodon.unknown_outcome': {
    id: 'Server Mastodon tidak menjawab setelah menerima permintaan; Warta memeriksa akun sebelum mengirim ulang.',
    en: 'The Mastodon instance did not answer after receiving the request; Warta checks the account before sending it again.',
  },
  'mastodon.status_not_found': {
    id: 'Kiriman Mastodon ini tidak ditemukan (mungkin sudah dihapus).',
    en: 'This Mastodon post was not found (it may have been deleted).',
  },
  'mastodon.text_too_long': {
    id: 'Teks terlalu panjang untuk Mastodon: {length} karakter (setiap tautan dihitung 23), paling banyak {maximum}.',
    en: 'The text is too long for Mastodon: {length} characters (each link counts as 23), at most {maximum}.',
  },
  'mastodon.text_over_limit': {
    id: 'Teks melebihi batas {maximum} karakter server Mastodon ini; persingkat teksnya.',
    en: 'The text is over the {maximum}-character limit of this Mastodon instance; shorten it.',
  },
  'mastodon.validation_failed': {
    id: 'Server Mastodon menolak kiriman ini: {reason}',
    en: 'The Mastodon instance refused this post: {reason}',
  },
  'mastodon.media_mixed': {
    id: 'Mastodon menerima paling banyak {maximum} gambar atau satu video per kiriman, tidak keduanya.',
    en: 'Mastodon takes at most {maximum} images or one video per post, not both.',
  },
  'mastodon.media_too_large': {
    id: 'Berkas media terlalu besar untuk server Mastodon ini.',
    en: 'The media file is too large for this Mastodon instance.',
  },
  'mastodon.media_processing': {
    id: 'Server Mastodon belum selesai memproses media; Warta mencoba lagi nanti.',
    en: 'The Mastodon instance has not finished processing the media; Warta tries again later.',
  },
  'mastodon.moderation_unsupported': {
    id: 'Mastodon tidak bisa menyembunyikan atau menghapus balasan orang lain; gunakan blokir, bisukan, atau laporkan di Mastodon.',
    en: "Mastodon cannot hide or delete other people's replies; use block, mute or report in Mastodon.",
  },
})
