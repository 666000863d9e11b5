// Why Facebook, Instagram or Threads (Meta's Graph APIs) refused or could not take a request, in words a penanggung
// jawab can act on (ConnectorError.reason of src/connectors/meta, facebook, instagram and threads). The platform's own text stays in
// the error's platformMessage for the log.
import { defineMessages } from './define-messages.ts'

export const metaMessages = defineMessages({
  'meta.credentials_missing': {
    id: 'Akun {platform} belum terhubung: hubungkan melalui login Meta dari daftar akun.',
    en: 'The {platform} account is not connected: connect it through the Meta login in the account list.',
  },
  'meta.token_expired': {
    id: 'Token {platform} sudah tidak berlaku (kata sandi diganti, peran di Halaman dicabut, atau izin aplikasi dicabut); hubungkan ulang akun.',
    en: 'The {platform} token no longer works (password changed, Page role removed or app access revoked); reconnect the account.',
  },
  'meta.permission_missing': {
    id: '{platform} menolak karena izin belum diberikan ke Warta; hubungkan ulang akun dan setujui semua izin yang diminta.',
    en: '{platform} refused because Warta lacks a permission; reconnect the account and grant every permission asked for.',
  },
  'meta.no_postable_page': {
    id: 'Login {platform} ini tidak memberi satu pun Halaman yang bisa diposting Warta. Periksa bahwa akun yang login punya peran di Halaman yang boleh membuat konten (Admin atau Editor) dan bahwa izin pages_manage_posts dicentang di jendela login, lalu hubungkan lagi.',
    en: 'This {platform} login gives no Page Warta can post on. Check that the account that logged in has a role on the Page that may create content (Admin or Editor) and that the pages_manage_posts permission was ticked in the login window, then connect again.',
  },
  'meta.page_not_granted': {
    id: 'Login {platform} ini tidak (lagi) memberi akses untuk memposting di Halaman {page}; periksa peran di Halaman itu lalu hubungkan ulang akun.',
    en: 'This {platform} login does not (any longer) allow posting on the Page {page}; check the role on that Page, then reconnect the account.',
  },
  'meta.page_not_chosen': {
    id: 'Login {platform} ini mengelola beberapa Halaman: pilih Halaman untuk akun ini.',
    en: 'This {platform} login manages several Pages: choose the Page for this account.',
  },
  'meta.rate_limited': {
    id: '{platform} membatasi jumlah permintaan; Warta mencoba lagi setelah {retryAt:shortDatetime}.',
    en: '{platform} is limiting requests; Warta tries again after {retryAt:shortDatetime}.',
  },
  'meta.publishing_limit_reached': {
    id: 'Batas unggahan {platform} dalam 24 jam sudah tercapai ({used} dari {total}); Warta mencoba lagi setelah {retryAt:shortDatetime}.',
    en: 'The {platform} 24-hour publishing limit is reached ({used} of {total}); Warta tries again after {retryAt:shortDatetime}.',
  },
  'meta.publishing_limit_hit': {
    id: 'Instagram menyatakan batas unggahan 24 jam sudah tercapai; Warta mencoba lagi setelah {retryAt:shortDatetime}.',
    en: 'Instagram says the 24-hour publishing limit is reached; Warta tries again after {retryAt:shortDatetime}.',
  },
  'meta.policy_blocked': {
    id: '{platform} memblokir tindakan ini karena dianggap melanggar Standar Komunitas atau terlihat seperti spam.',
    en: '{platform} blocked this action as against its Community Standards or as looking like spam.',
  },
  'meta.duplicate_post': {
    id: '{platform} menolak unggahan yang sama persis dengan unggahan sebelumnya.',
    en: '{platform} refused a post identical to an earlier one.',
  },
  'meta.invalid_request': {
    id: '{platform} menolak permintaan ini sebagai tidak sah; periksa isi dan lampirannya.',
    en: '{platform} refused this request as invalid; check its content and attachments.',
  },
  'meta.not_found': {
    id: 'Yang dituju sudah tidak ada di {platform} atau tidak dapat diakses oleh akun ini.',
    en: 'What this points to no longer exists on {platform} or this account cannot reach it.',
  },
  'meta.media_fetch_failed': {
    id: '{platform} tidak dapat mengunduh berkas media dari alamat publiknya; pastikan alamat media Warta dapat dibuka dari internet.',
    en: '{platform} could not download the media file from its public address; make sure Warta’s media address is reachable from the internet.',
  },
  'meta.media_unsupported': {
    id: 'Format atau ukuran media tidak diterima {platform}.',
    en: '{platform} does not accept this media format or size.',
  },
  'meta.public_url_required': {
    id: '{platform} mengunduh sendiri setiap gambar dan video, jadi media perlu alamat publik; atur alamat media publik Warta.',
    en: '{platform} downloads each image and video itself, so media needs a public address; set up Warta’s public media address.',
  },
  'meta.media_required': {
    id: 'Instagram tidak menerima unggahan tanpa gambar atau video.',
    en: 'Instagram does not take a post without an image or video.',
  },
  'meta.container_failed': {
    id: '{platform} gagal memproses media ({status}); periksa format dan ukuran berkasnya.',
    en: '{platform} failed to process the media ({status}); check the file’s format and size.',
  },
  'meta.container_pending': {
    id: '{platform} masih memproses media; Warta mencoba lagi nanti.',
    en: '{platform} is still processing the media; Warta tries again later.',
  },
  'meta.container_not_found': {
    id: '{platform} belum menemukan media yang baru disiapkan, jadi belum ada yang terbit; Warta mencoba lagi nanti.',
    en: '{platform} has not found the media just prepared yet, so nothing was published; Warta tries again later.',
  },
  'meta.unavailable': {
    id: '{platform} sedang tidak dapat dihubungi; Warta mencoba lagi nanti.',
    en: '{platform} cannot be reached right now; Warta tries again later.',
  },
  'meta.unknown_outcome': {
    id: '{platform} tidak menjawab setelah menerima permintaan; Warta memeriksa akun sebelum mengirim ulang.',
    en: '{platform} did not answer after receiving the request; Warta checks the account before sending it again.',
  },
  'meta.refused': {
    id: '{platform} menolak permintaan ini.',
    en: '{platform} refused this request.',
  },
})
