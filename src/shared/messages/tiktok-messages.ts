// Why TikTok refused or could not take a request, in words a penanggung jawab can act on (ConnectorError.reason
// of src/connectors/tiktok). The platform's own code and text stay in the error's platformCode / platformMessage.
import { defineMessages } from './define-messages.ts'

export const tiktokMessages = defineMessages({
  'tiktok.credentials_missing': {
    id: 'Akun TikTok belum terhubung: hubungkan akun melalui tombol "Hubungkan dengan TikTok".',
    en: 'The TikTok account is not connected: connect it through "Connect with TikTok".',
  },
  'tiktok.token_expired': {
    id: 'Izin TikTok untuk akun ini sudah tidak berlaku atau dicabut; hubungkan ulang akun.',
    en: "TikTok's permission for this account has expired or was revoked; reconnect the account.",
  },
  'tiktok.scope_missing': {
    id: 'Akun TikTok ini belum memberi izin yang diperlukan ({scope}); hubungkan ulang dan setujui semua izin.',
    en: 'This TikTok account has not granted a permission Warta needs ({scope}); reconnect and approve every permission.',
  },
  'tiktok.rate_limited': {
    id: 'TikTok membatasi jumlah permintaan; Warta mencoba lagi setelah {retryAt:shortDatetime}.',
    en: 'TikTok is limiting requests; Warta tries again after {retryAt:shortDatetime}.',
  },
  'tiktok.daily_post_cap': {
    id: 'Batas unggahan harian TikTok untuk akun ini tercapai; Warta mencoba lagi setelah {retryAt:shortDatetime}.',
    en: "TikTok's daily post cap for this account is reached; Warta tries again after {retryAt:shortDatetime}.",
  },
  'tiktok.too_many_pending': {
    id: 'Terlalu banyak unggahan TikTok yang belum selesai diproses; Warta mencoba lagi setelah {retryAt:shortDatetime}.',
    en: 'Too many TikTok posts are still pending; Warta tries again after {retryAt:shortDatetime}.',
  },
  'tiktok.user_cap_reached': {
    id: 'Aplikasi TikTok Warta mencapai batas pengguna harian; semua akun TikTok menunggu sampai {retryAt:shortDatetime}.',
    en: "Warta's TikTok app reached its daily user cap; every TikTok account waits until {retryAt:shortDatetime}.",
  },
  'tiktok.banned_from_posting': {
    id: 'TikTok melarang akun ini mengunggah untuk sementara; periksa pemberitahuan di aplikasi TikTok.',
    en: 'TikTok has barred this account from posting for now; check the notices in the TikTok app.',
  },
  'tiktok.unaudited_private_only': {
    id: 'Aplikasi TikTok Warta belum lolos audit TikTok, jadi hanya dapat mengunggah sebagai pribadi (SELF_ONLY).',
    en: "Warta's TikTok app has not passed TikTok's audit yet, so it can only post privately (SELF_ONLY).",
  },
  'tiktok.url_not_verified': {
    id: 'TikTok tidak mau mengambil media dari alamat Warta: domain media belum diverifikasi di portal pengembang TikTok.',
    en: "TikTok will not fetch media from Warta's address: the media domain is not verified in the TikTok developer portal.",
  },
  'tiktok.privacy_mismatch': {
    id: 'Tingkat privasi unggahan tidak diizinkan untuk akun TikTok ini.',
    en: 'The privacy level of the post is not allowed for this TikTok account.',
  },
  'tiktok.media_required': {
    id: 'TikTok hanya menerima unggahan dengan video atau foto; tambahkan satu video atau foto.',
    en: 'TikTok only takes posts with a video or photos; add one video or some photos.',
  },
  'tiktok.mixed_media': {
    id: 'TikTok menerima satu video saja atau foto saja dalam satu unggahan, tidak campuran.',
    en: 'TikTok takes either one video or photos in a post, not both.',
  },
  'tiktok.photo_needs_public_url': {
    id: 'Foto untuk TikTok harus dapat diunduh dari alamat publik Warta (domain terverifikasi); atur alamat media publik.',
    en: "Photos for TikTok must be downloadable from Warta's public address (a verified domain); set the public media address.",
  },
  'tiktok.photo_type_unsupported': {
    id: 'TikTok tidak menerima foto berjenis {mimeType}; gunakan JPEG atau WebP.',
    en: 'TikTok does not take photos of type {mimeType}; use JPEG or WebP.',
  },
  'tiktok.media_pull_failed': {
    id: 'TikTok gagal mengunduh media dari alamat Warta; pastikan alamat media publik dapat dijangkau.',
    en: "TikTok could not download the media from Warta's address; make sure the public media address is reachable.",
  },
  'tiktok.media_check_failed': {
    id: 'TikTok menolak media ini ({check}); periksa format, durasi dan ukuran video atau foto.',
    en: 'TikTok refused this media ({check}); check the format, duration and size of the video or photo.',
  },
  'tiktok.content_refused': {
    id: 'TikTok menolak unggahan ini karena dianggap berisiko spam atau melanggar aturan.',
    en: 'TikTok refused this post as spam risk or against its rules.',
  },
  'tiktok.invalid_request': {
    id: 'TikTok menolak permintaan ini; lihat pesan platform di catatan untuk rinciannya.',
    en: 'TikTok refused this request; the platform message in the log has the details.',
  },
  'tiktok.unavailable': {
    id: 'TikTok sedang tidak dapat dihubungi; Warta mencoba lagi nanti.',
    en: 'TikTok cannot be reached right now; Warta tries again later.',
  },
  'tiktok.unknown_outcome': {
    id: 'TikTok belum memastikan unggahan ini; Warta memeriksa akun sebelum mengirim ulang.',
    en: 'TikTok has not confirmed this post; Warta checks the account before sending it again.',
  },
})
