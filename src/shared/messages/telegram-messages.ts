// Why Telegram refused or could not take a request, in words a penanggung jawab can act on (ConnectorError.reason
// of src/connectors/telegram). The Bot API's own description stays in the error's platformMessage for the log.
import { defineMessages } from './define-messages.ts'

export const telegramMessages = defineMessages({
  'telegram.credentials_missing': {
    id: 'Kanal Telegram belum terhubung: masukkan token bot dari @BotFather dan nama kanal (@nama) atau ID-nya.',
    en: 'The Telegram channel is not connected: enter the bot token from @BotFather and the channel (@name) or its id.',
  },
  'telegram.token_revoked': {
    id: 'Token bot Telegram tidak berlaku lagi (dicabut atau diganti di @BotFather); hubungkan ulang dengan token baru.',
    en: 'The Telegram bot token no longer works (revoked or replaced in @BotFather); reconnect with the new token.',
  },
  'telegram.bot_removed': {
    id: 'Bot Warta dikeluarkan dari kanal atau grup diskusi, atau diblokir; tambahkan lagi bot sebagai admin lalu hubungkan ulang.',
    en: 'The Warta bot was removed from the channel or discussion group, or blocked; add the bot as admin again and reconnect.',
  },
  'telegram.bot_not_admin': {
    id: 'Bot belum menjadi admin kanal dengan hak "Kirim pesan" (dan "Hapus pesan" untuk menghapus); atur haknya di pengaturan kanal.',
    en: 'The bot is not a channel admin with the "Post messages" right (and "Delete messages" to delete); set its rights in the channel settings.',
  },
  'telegram.chat_not_found': {
    id: 'Kanal atau grup Telegram itu tidak ditemukan; periksa nama kanal (@nama) atau ID-nya, dan pastikan bot sudah ditambahkan.',
    en: 'That Telegram channel or group was not found; check the channel name (@name) or id, and that the bot was added.',
  },
  'telegram.rate_limited': {
    id: 'Telegram membatasi jumlah pesan; Warta mencoba lagi setelah {retryAt:shortDatetime}.',
    en: 'Telegram is limiting messages; Warta tries again after {retryAt:shortDatetime}.',
  },
  'telegram.unavailable': {
    id: 'Telegram sedang tidak dapat dihubungi; Warta mencoba lagi nanti.',
    en: 'Telegram cannot be reached right now; Warta tries again later.',
  },
  'telegram.unknown_outcome': {
    id: 'Telegram tidak menjawab setelah menerima permintaan; Warta memeriksa kanal sebelum mengirim ulang.',
    en: 'Telegram did not answer after receiving the request; Warta checks the channel before sending it again.',
  },
  'telegram.text_too_long': {
    id: 'Teks terlalu panjang untuk Telegram: paling banyak {maximum} karakter.',
    en: 'The text is too long for Telegram: at most {maximum} characters.',
  },
  'telegram.caption_too_long': {
    id: 'Keterangan foto atau video di Telegram paling banyak {maximum} karakter; teks ini {length} karakter. Persingkat teks atau kirim tanpa media.',
    en: 'A photo or video caption on Telegram is at most {maximum} characters; this text has {length}. Shorten it or post without media.',
  },
  'telegram.media_refused': {
    id: 'Telegram menolak berkas media ini (jenis, ukuran atau dimensi); foto paling besar 10 MB, berkas lain 50 MB.',
    en: 'Telegram refused this media file (type, size or dimensions); photos up to 10 MB, other files 50 MB.',
  },
  'telegram.mixed_media': {
    id: 'Telegram mengirim beberapa foto dan video sebagai satu album; album berisi 2 sampai 10 berkas.',
    en: 'Telegram sends several photos and videos as one album; an album holds 2 to 10 files.',
  },
  'telegram.message_not_found': {
    id: 'Pesan itu tidak ada lagi di Telegram (mungkin sudah dihapus).',
    en: 'That message no longer exists on Telegram (it may have been deleted).',
  },
  'telegram.delete_too_old': {
    id: 'Telegram hanya mengizinkan bot menghapus pesan yang berumur kurang dari 48 jam; hapus pesan ini langsung di aplikasi Telegram.',
    en: 'Telegram only lets a bot delete messages less than 48 hours old; delete this one in the Telegram app itself.',
  },
  'telegram.webhook_active': {
    id: 'Bot ini sedang memakai webhook di aplikasi lain, jadi Warta tidak dapat membaca pembaruannya; gunakan bot khusus untuk Warta.',
    en: 'This bot has a webhook set by another application, so Warta cannot read its updates; use a bot dedicated to Warta.',
  },
  'telegram.request_refused': {
    id: 'Telegram menolak permintaan ini; lihat pesan platform di catatan untuk rinciannya.',
    en: 'Telegram refused this request; the platform message in the log has the details.',
  },
  'telegram.not_a_message_id': {
    id: 'Itu bukan pengenal pesan Telegram yang dikenal Warta.',
    en: 'That is not a Telegram message id Warta knows.',
  },
})
