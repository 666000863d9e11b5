// Why Bluesky refused or could not take a request, in words a penanggung jawab can act on (ConnectorError.reason
// of src/connectors/bluesky). The platform's own text stays in the error's platformMessage for the log.
import { defineMessages } from './define-messages.ts'

export const blueskyMessages = defineMessages({
  'bluesky.credentials_missing': {
    id: 'Akun Bluesky belum terhubung: masukkan nama akun dan app password (Pengaturan → Privasi dan keamanan → App passwords di Bluesky).',
    en: 'The Bluesky account is not connected: enter its handle and an app password (Settings → Privacy and security → App passwords in Bluesky).',
  },
  'bluesky.session_expired': {
    id: 'Sesi Bluesky sudah tidak berlaku atau app password dicabut; hubungkan ulang akun dengan app password baru.',
    en: 'The Bluesky session no longer works or the app password was revoked; reconnect the account with a new app password.',
  },
  'bluesky.rate_limited': {
    id: 'Bluesky membatasi jumlah permintaan; Warta mencoba lagi setelah {retryAt:shortDatetime}.',
    en: 'Bluesky is limiting requests; Warta tries again after {retryAt:shortDatetime}.',
  },
  'bluesky.unavailable': {
    id: 'Bluesky sedang tidak dapat dihubungi; Warta mencoba lagi nanti.',
    en: 'Bluesky cannot be reached right now; Warta tries again later.',
  },
  'bluesky.unknown_outcome': {
    id: 'Bluesky tidak menjawab setelah menerima permintaan; Warta memeriksa akun sebelum mengirim ulang.',
    en: 'Bluesky did not answer after receiving the request; Warta checks the account before sending it again.',
  },
  'bluesky.text_too_long': {
    id: 'Teks terlalu panjang untuk Bluesky: {length} karakter, paling banyak {maximum}.',
    en: 'The text is too long for Bluesky: {length} characters, at most {maximum}.',
  },
  'bluesky.text_over_limit': {
    id: 'Teks melebihi batas {maximum} karakter Bluesky; persingkat teksnya.',
    en: 'The text is over the Bluesky limit of {maximum} characters; shorten it.',
  },
  'bluesky.text_too_many_bytes': {
    id: 'Teks terlalu besar untuk Bluesky: {bytes} byte, paling banyak {maximum}.',
    en: 'The text is too large for Bluesky: {bytes} bytes, at most {maximum}.',
  },
  'bluesky.too_many_images': {
    id: 'Bluesky menerima paling banyak {maximum} gambar per unggahan; unggahan ini punya {count}.',
    en: 'Bluesky takes at most {maximum} images per post; this post has {count}.',
  },
  'bluesky.video_unsupported': {
    id: 'Warta belum dapat mengunggah video ke Bluesky; unggah gambar saja.',
    en: 'Warta cannot upload video to Bluesky yet; post images only.',
  },
  'bluesky.alt_text_missing': {
    id: 'Setiap gambar untuk Bluesky perlu teks alternatif (deskripsi gambar bagi pembaca layar).',
    en: 'Every image for Bluesky needs alt text (a description of the image for screen readers).',
  },
  'bluesky.image_too_large': {
    id: 'Gambar terlalu besar untuk Bluesky: paling besar {maximum} byte per gambar.',
    en: 'An image is too large for Bluesky: at most {maximum} bytes per image.',
  },
  'bluesky.image_type_unsupported': {
    id: 'Bluesky tidak menerima gambar berjenis {mimeType}; gunakan JPEG, PNG, WebP atau GIF.',
    en: 'Bluesky does not take images of type {mimeType}; use JPEG, PNG, WebP or GIF.',
  },
  'bluesky.request_refused': {
    id: 'Bluesky menolak permintaan ini; lihat pesan platform di catatan untuk rinciannya.',
    en: 'Bluesky refused this request; the platform message in the log has the details.',
  },
  'bluesky.post_not_found': {
    id: 'Unggahan itu tidak ada lagi di Bluesky (mungkin sudah dihapus).',
    en: 'That post no longer exists on Bluesky (it may have been deleted).',
  },
  'bluesky.not_own_post': {
    id: 'Unggahan itu bukan milik akun ini, jadi akun ini tidak dapat mengubahnya.',
    en: 'That post does not belong to this account, so this account cannot change it.',
  },
  'bluesky.hide_outside_own_thread': {
    id: 'Bluesky hanya mengizinkan menyembunyikan balasan di utas yang dimulai akun ini.',
    en: 'Bluesky only lets an account hide replies in threads it started.',
  },
  'bluesky.delete_reply_unsupported': {
    id: 'Bluesky tidak mengizinkan menghapus balasan orang lain; sembunyikan balasan itu.',
    en: "Bluesky does not allow deleting other people's replies; hide the reply instead.",
  },
})
