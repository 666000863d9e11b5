// Why YouTube refused or could not take a request, in words a penanggung jawab can act on (ConnectorError.reason
// of src/connectors/youtube). The platform's own reason stays in the error's platformCode / platformMessage.
import { defineMessages } from './define-messages.ts'

export const youtubeMessages = defineMessages({
  'youtube.auth_expired': {
    id: 'Izin YouTube sudah tidak berlaku (token dicabut, kedaluwarsa, atau aplikasi Google masih berstatus "Testing" sehingga izin habis setelah 7 hari); hubungkan ulang akun.',
    en: 'The YouTube permission no longer works (revoked, expired, or the Google app is still in "Testing", where permission ends after 7 days); reconnect the account.',
  },
  'youtube.scope_missing': {
    id: 'Izin YouTube yang diberikan tidak mencakup tindakan ini; hubungkan ulang akun dan setujui semua izin yang diminta.',
    en: 'The YouTube permission granted does not cover this action; reconnect the account and accept every permission asked for.',
  },
  'youtube.quota_exceeded': {
    id: 'Kuota harian YouTube API untuk Warta sudah habis; Warta mencoba lagi setelah {retryAt:shortDatetime} (tengah malam waktu Pasifik).',
    en: "Warta's daily YouTube API quota is used up; Warta tries again after {retryAt:shortDatetime} (midnight Pacific time).",
  },
  'youtube.upload_limit': {
    id: 'Kanal ini sudah mencapai batas unggah video YouTube hari ini; Warta mencoba lagi setelah {retryAt:shortDatetime}.',
    en: 'This channel reached its YouTube upload limit for today; Warta tries again after {retryAt:shortDatetime}.',
  },
  'youtube.rate_limited': {
    id: 'YouTube membatasi jumlah permintaan; Warta mencoba lagi setelah {retryAt:shortDatetime}.',
    en: 'YouTube is limiting requests; Warta tries again after {retryAt:shortDatetime}.',
  },
  'youtube.forbidden': {
    id: 'YouTube menolak tindakan ini untuk kanal ini (misalnya bukan video atau komentar milik kanal).',
    en: "YouTube refused this action for this channel (for example, it is not the channel's video or comment).",
  },
  'youtube.comments_disabled': {
    id: 'Komentar pada video ini dinonaktifkan di YouTube.',
    en: 'Comments are turned off on this YouTube video.',
  },
  'youtube.channel_missing': {
    id: 'Akun Google ini belum memiliki kanal YouTube; buat kanal terlebih dahulu, lalu hubungkan ulang.',
    en: 'This Google account has no YouTube channel yet; create one, then reconnect.',
  },
  'youtube.invalid_metadata': {
    id: 'YouTube menolak judul atau deskripsi video (judul paling banyak 100 karakter, deskripsi 5.000 byte, tanpa tanda < atau >).',
    en: 'YouTube refused the video title or description (title at most 100 characters, description 5,000 bytes, no < or >).',
  },
  'youtube.video_rejected': {
    id: 'YouTube tidak menerima berkas video ini (format atau ukurannya tidak didukung).',
    en: 'YouTube did not accept this video file (its format or size is not supported).',
  },
  'youtube.not_found': {
    id: 'Video atau komentar itu tidak ada lagi di YouTube.',
    en: 'That video or comment no longer exists on YouTube.',
  },
  'youtube.request_refused': {
    id: 'YouTube menolak permintaan ini.',
    en: 'YouTube refused this request.',
  },
  'youtube.unavailable': {
    id: 'YouTube sedang tidak dapat dihubungi; Warta mencoba lagi nanti.',
    en: 'YouTube cannot be reached right now; Warta tries again later.',
  },
  'youtube.unknown_outcome': {
    id: 'YouTube tidak menjawab setelah unggahan dimulai; Warta memeriksa daftar unggahan kanal sebelum mengirim ulang.',
    en: "YouTube did not answer after the upload began; Warta checks the channel's uploads before sending it again.",
  },
  'youtube.video_required': {
    id: 'YouTube hanya menerima video: lampirkan satu berkas video (teks menjadi judul dan deskripsi).',
    en: 'YouTube takes videos only: attach one video file (the text becomes its title and description).',
  },
  'youtube.one_video_only': {
    id: 'Satu unggahan YouTube berisi tepat satu video, tanpa gambar.',
    en: 'One YouTube upload carries exactly one video and no images.',
  },
  'youtube.title_missing': {
    id: 'Video YouTube memerlukan judul: baris pertama teks tidak boleh kosong.',
    en: 'A YouTube video needs a title: the first line of the text may not be empty.',
  },
  'youtube.description_too_long': {
    id: 'Deskripsi terlalu panjang untuk YouTube: {bytes} byte, paling banyak {maximum}.',
    en: 'The description is too long for YouTube: {bytes} bytes, at most {maximum}.',
  },
  'youtube.angle_brackets': {
    id: 'YouTube tidak menerima tanda < atau > pada judul dan deskripsi; hapus tanda itu dari teks.',
    en: 'YouTube does not accept < or > in a title or description; remove them from the text.',
  },
  'youtube.not_own_video': {
    id: 'Video itu bukan milik kanal ini, jadi Warta tidak dapat menghapusnya.',
    en: "That video is not this channel's, so Warta cannot delete it.",
  },
  'youtube.cursor_invalid': {
    id: 'Posisi baca komentar YouTube tidak dikenali; Warta membaca ulang dari yang terbaru.',
    en: 'The YouTube comment reading position was not recognised; Warta reads again from the newest.',
  },
})
