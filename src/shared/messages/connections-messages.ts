// Connecting official accounts to their platforms, their health, and the connectors' reasons for a refusal.
import { defineMessages } from './define-messages.ts'

export const connectionsMessages = defineMessages({
  'connections.platform_unsupported': {
    id: 'Warta belum bisa terhubung ke {platform}.',
    en: 'Warta cannot connect to {platform} yet.',
  },
  'connections.not_connected': {
    id: 'Akun ini belum terhubung ke platformnya; hubungkan dulu.',
    en: 'This account is not connected to its platform; connect it first.',
  },
  'connections.credentials_required': {
    id: 'Isi kredensial akun {platform} untuk menghubungkannya.',
    en: 'Give the {platform} account credentials to connect it.',
  },
  'connections.credentials_refused': {
    id: 'Platform menolak kredensial ini: {reason}',
    en: 'The platform refused these credentials: {reason}',
  },
  'connections.platform_unreachable': {
    id: 'Platform sedang tidak dapat dihubungi; coba lagi sebentar lagi.',
    en: 'The platform cannot be reached right now; try again shortly.',
  },
  'connections.credentials_unreadable': {
    id: 'Kredensial akun ini tidak dapat dibuka dengan kunci deployment saat ini; jalankan "warta keys rotate" dengan rahasia lama, atau hubungkan ulang.',
    en: 'The credentials of this account cannot be opened with the current deployment key; run "warta keys rotate" with the previous secret, or reconnect.',
  },
  // The kinds of ConnectorError, as the account's health shows them.
  'connections.error.auth_expired': {
    id: 'Sesi akun kedaluwarsa atau izinnya dicabut; hubungkan ulang.',
    en: 'The account session expired or its access was revoked; reconnect it.',
  },
  'connections.error.rate_limited': {
    id: 'Platform membatasi jumlah permintaan; Warta menunggu lalu mencoba lagi.',
    en: 'The platform limited the number of requests; Warta waits and tries again.',
  },
  'connections.error.rejected': {
    id: 'Platform menolak konten atau tindakan ini.',
    en: 'The platform refused this content or action.',
  },
  'connections.error.unavailable': {
    id: 'Platform tidak tersedia sementara; Warta mencoba lagi nanti.',
    en: 'The platform was temporarily unavailable; Warta tries again later.',
  },
  'connections.error.unknown_outcome': {
    id: 'Platform tidak menjawab setelah menerima permintaan; Warta memeriksa apakah unggahan sudah tayang.',
    en: 'The platform did not answer after taking the request; Warta checks whether the post went out.',
  },
  // The sandbox network's fault settings.
  'sandbox.latency_order': {
    id: 'Latensi terkecil tidak boleh lebih besar dari latensi terbesar.',
    en: 'The smallest latency must not be larger than the largest.',
  },
  'sandbox.rates_total': {
    id: 'Jumlah peluang gagal (503) dan batas waktu (504) paling banyak 1.',
    en: 'The chances of failure (503) and timeout (504) add up to at most 1.',
  },
  // Reasons a connector gives for `rejected`.
  'connectors.text_too_long': {
    id: 'Teks terlalu panjang untuk {platform}: {length} dari paling banyak {maximum}.',
    en: 'The text is too long for {platform}: {length} of at most {maximum}.',
  },
  'connectors.too_many_images': {
    id: '{platform} menerima paling banyak {maximum} gambar per unggahan.',
    en: '{platform} takes at most {maximum} images per post.',
  },
  'connectors.video_unsupported': {
    id: '{platform} tidak menerima video melalui Warta.',
    en: '{platform} does not take video through Warta.',
  },
  'connectors.alt_text_required': {
    id: 'Setiap gambar perlu teks alternatif.',
    en: 'Every image needs alternative text.',
  },
  'connectors.capability_missing': {
    id: '{platform} tidak mendukung tindakan ini: {action}.',
    en: '{platform} does not support this action: {action}.',
  },
  'connectors.not_found': {
    id: 'Yang dituju tidak ada lagi di platform.',
    en: 'What this points to no longer exists on the platform.',
  },
  'connectors.refused': {
    id: 'Platform menolak permintaan ini.',
    en: 'The platform refused this request.',
  },
  'connectors.text_empty': {
    id: 'Teks tidak boleh kosong.',
    en: 'The text must not be empty.',
  },
  'connections.oauth.not_offered': {
    id: '{platform} tidak dihubungkan lewat OAuth di Warta.',
    en: '{platform} is not connected through OAuth in Warta.',
  },
  'connections.oauth.not_configured': {
    id: 'Aplikasi {platform} belum didaftarkan untuk Warta ini: admin server perlu mengisi {variable}_CLIENT_ID dan {variable}_CLIENT_SECRET.',
    en: 'No {platform} app is registered for this Warta yet: the server admin needs to set {variable}_CLIENT_ID and {variable}_CLIENT_SECRET.',
  },
  'connections.oauth.choice_not_found': {
    id: 'Pilihan Halaman ini tidak ada lagi (sudah dipakai, atau akun sudah dihubungkan lagi); hubungkan ulang akun bila perlu.',
    en: 'This Page choice no longer exists (it was used, or the account was connected again); reconnect the account if needed.',
  },
  'connections.oauth.choice_foreign': {
    id: 'Pilihan Halaman ini dimulai oleh pengguna lain; hubungkan sendiri lewat {platform} untuk memilih Halaman.',
    en: 'Another user started this Page choice; connect through {platform} yourself to choose a Page.',
  },
  'connections.oauth.choice_expired': {
    id: 'Waktu memilih Halaman ({minutes} menit) sudah habis; hubungkan lagi lewat {platform}.',
    en: 'The time to choose a Page ({minutes} minutes) has run out; connect through {platform} again.',
  },
  'connections.oauth.choice_unknown': {
    id: 'Halaman itu tidak ada di antara Halaman yang diberikan login {platform} ini; pilih salah satu dari daftar.',
    en: 'That Page is not among the Pages this {platform} login gave; choose one from the list.',
  },
  'connections.oauth.account_in_use': {
    id: 'Halaman ini sudah terhubung ke akun {handle} di Warta: satu Halaman hanya untuk satu akun. Putuskan akun itu dulu, atau pilih Halaman lain.',
    en: 'This Page is already connected to the account {handle} in Warta: one Page, one account. Disconnect that account first, or choose another Page.',
  },
  'connections.notice.expiring_title': {
    id: 'Akses akun {handle} ({platform}) akan berakhir',
    en: 'Access to {handle} ({platform}) is ending',
  },
  'connections.notice.expiring_body_7d': {
    id: 'Akses Warta ke akun {handle} di {platform} berakhir dalam 7 hari. Hubungkan ulang akun sebelum itu agar unggahan terjadwal tetap terkirim.',
    en: "Warta's access to {handle} on {platform} ends in 7 days. Reconnect the account before then so scheduled posts still go out.",
  },
  'connections.notice.expiring_body_1d': {
    id: 'Akses Warta ke akun {handle} di {platform} berakhir besok. Hubungkan ulang akun hari ini agar unggahan terjadwal tetap terkirim.',
    en: "Warta's access to {handle} on {platform} ends tomorrow. Reconnect the account today so scheduled posts still go out.",
  },
  'connections.notice.reconnect_title': {
    id: 'Akun {handle} ({platform}) perlu dihubungkan ulang',
    en: '{handle} ({platform}) needs to be reconnected',
  },
  'connections.notice.reconnect_body': {
    id: '{platform} menolak akses Warta ke akun {handle}. Hubungkan ulang akun {handle} di Akun resmi (tombol Hubungkan ulang); sampai itu Warta tidak dapat menerbitkan atau membaca apa pun di akun ini.',
    en: "{platform} refused Warta's access to {handle}. Reconnect {handle} under Official accounts (the Reconnect button); until then Warta can neither publish nor read anything on this account.",
  },
  'connections.notice.reconnect_body_waiting': {
    id: '{platform} menolak akses Warta ke akun {handle}. Hubungkan ulang akun {handle} di Akun resmi (tombol Hubungkan ulang). Unggahan terjadwal yang menunggu dan tidak akan terbit sampai akun dihubungkan ulang: {scheduled:number}.',
    en: "{platform} refused Warta's access to {handle}. Reconnect {handle} under Official accounts (the Reconnect button). Scheduled posts waiting that will not be published until it is reconnected: {scheduled:number}.",
  },
})
