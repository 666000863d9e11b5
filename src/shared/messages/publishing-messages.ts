// The publishing engine: what happened to each variant, in words, and the notices it sends.
import { defineMessages } from './define-messages.ts'

export const publishingMessages = defineMessages({
  'publishing.error.rate_limited': {
    id: 'Platform membatasi jumlah permintaan; unggahan dicoba lagi setelah jeda yang diminta platform.',
    en: 'The platform limited requests; the post is tried again after the wait the platform asked for.',
  },
  'publishing.error.unavailable': {
    id: 'Platform sedang tidak dapat dihubungi; unggahan dicoba lagi nanti.',
    en: 'The platform could not be reached; the post is tried again later.',
  },
  'publishing.error.auth_expired': {
    id: 'Akses ke akun ini tidak berlaku lagi; penanggung jawab perlu menghubungkan ulang akun.',
    en: 'Access to this account no longer works; the penanggung jawab needs to reconnect it.',
  },
  'publishing.error.rejected': {
    id: 'Platform menolak unggahan ini.',
    en: 'The platform refused this post.',
  },
  'publishing.error.unknown_outcome': {
    id: 'Platform mungkin sudah menerima unggahan; Warta memeriksa akun sebelum mencoba lagi.',
    en: 'The platform may have accepted the post; Warta checks the account before trying again.',
  },
  'publishing.error.lease_expired': {
    id: 'Proses pengirim berhenti saat mengunggah; Warta memeriksa akun sebelum mencoba lagi.',
    en: 'The worker stopped while publishing; Warta checks the account before trying again.',
  },
  'publishing.error.media_missing': {
    id: 'Berkas media unggahan ini tidak ditemukan lagi; lampirkan ulang medianya lalu ajukan kembali.',
    en: 'A media file of this post can no longer be found; attach the media again and resubmit.',
  },
  'publishing.error.internal': {
    id: 'Terjadi kesalahan di Warta saat mengunggah; Warta memeriksa akun sebelum mencoba lagi.',
    en: 'Something went wrong in Warta while publishing; Warta checks the account before trying again.',
  },
  'publishing.notice.reconnect_title': {
    id: 'Akun perlu dihubungkan ulang',
    en: 'An account needs reconnecting',
  },
  'publishing.notice.reconnect_body': {
    id: 'Unggahan gagal karena akses ke akun tidak berlaku lagi. Hubungkan ulang akun, lalu kirim ulang unggahan.',
    en: 'A post failed because access to the account no longer works. Reconnect the account, then send the post again.',
  },
  'publishing.retry.not_retryable': {
    id: 'Unggahan ke akun ini tidak dapat dikirim ulang: hanya unggahan yang gagal yang dapat dikirim ulang.',
    en: 'This post cannot be sent again to this account: only a failed one can be.',
  },
  'publishing.retry.needs_reconnect': {
    id: 'Akun ini perlu dihubungkan ulang sebelum unggahan dikirim ulang.',
    en: 'This account needs reconnecting before the post is sent again.',
  },
  'publishing.cancel.not_cancellable': {
    id: 'Unggahan ini tidak dapat dibatalkan: hanya unggahan yang belum terbit yang dapat dibatalkan.',
    en: 'This post cannot be cancelled: only a post not yet published can be.',
  },
})
