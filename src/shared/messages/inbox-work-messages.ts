// Working the inbox: the list, a thread, replies (and their approval), moderation, notes and assignment.
import { defineMessages } from './define-messages.ts'

export const inboxWorkMessages = defineMessages({
  'inbox.item_not_found': { id: 'Pesan masuk tidak ditemukan.', en: 'Inbox item not found.' },
  'inbox.reply_not_found': { id: 'Balasan tidak ditemukan.', en: 'Reply not found.' },
  'inbox.unit_not_found': { id: 'Unit tujuan tidak ditemukan.', en: 'The target unit was not found.' },
  'inbox.assignee_not_found': {
    id: 'Petugas yang dipilih tidak ditemukan atau nonaktif.',
    en: 'The chosen person was not found or is disabled.',
  },
  'inbox.assignee_out_of_scope': {
    id: '{name} tidak dapat melihat kotak masuk unit ini; pilih petugas unit tersebut.',
    en: "{name} cannot see this unit's inbox; choose someone of that unit.",
  },
  'inbox.bad_cursor': {
    id: 'Penanda halaman tidak valid; muat ulang daftar.',
    en: 'The page marker is invalid; reload the list.',
  },
  'inbox.item_deleted': {
    id: 'Pesan ini sudah dihapus di platform.',
    en: 'This item was deleted on the platform.',
  },
  'inbox.action_not_supported': {
    id: 'Platform {platform} tidak mengizinkan tindakan ini ({action}).',
    en: 'The {platform} platform does not allow this action ({action}).',
  },
  'inbox.reply_empty': { id: 'Tulis balasan terlebih dahulu.', en: 'Write a reply first.' },
  'inbox.reply_too_long': {
    id: 'Balasan {length} karakter; batas platform {maximum}.',
    en: 'The reply is {length} characters; the platform allows {maximum}.',
  },
  'inbox.replied_since_opened': {
    id: '{name} sudah membalas percakapan ini ({at}) sejak Anda membukanya. Tetap kirim?',
    en: '{name} already replied to this thread ({at}) since you opened it. Send anyway?',
  },
  'inbox.reply_not_pending': {
    id: 'Balasan ini sudah diputuskan.',
    en: 'This reply was already decided.',
  },
  'inbox.reply_own_approval': {
    id: 'Anda tidak dapat menyetujui balasan Anda sendiri.',
    en: 'You cannot approve your own reply.',
  },
  'inbox.reply_failed_auth_expired': {
    id: 'Balasan tidak terkirim: sambungan akun perlu diperbarui.',
    en: 'The reply was not sent: the account needs to be reconnected.',
  },
  'inbox.reply_failed_rate_limited': {
    id: 'Balasan tidak terkirim: batas platform tercapai, coba lagi nanti.',
    en: "The reply was not sent: the platform's limit was reached, try again later.",
  },
  'inbox.reply_failed_rejected': {
    id: 'Balasan ditolak oleh platform.',
    en: 'The platform refused the reply.',
  },
  'inbox.reply_failed_unavailable': {
    id: 'Balasan tidak terkirim: platform tidak dapat dihubungi, coba lagi.',
    en: 'The reply was not sent: the platform could not be reached, try again.',
  },
  'inbox.reply_failed_unknown_outcome': {
    id: 'Tidak pasti apakah balasan terkirim; periksa percakapan di platform sebelum mengirim ulang.',
    en: 'It is unclear whether the reply was sent; check the thread on the platform before sending again.',
  },
  'inbox.reply_not_retriable': {
    id: 'Hanya balasan yang gagal atau belum pasti yang dapat dikirim ulang.',
    en: 'Only a failed or unconfirmed reply can be sent again.',
  },
  'inbox.retry_item_deleted': {
    id: 'Pesan warga ini sudah dihapus di platform; balasan tidak dapat dikirim ulang.',
    en: "The citizen's message was deleted on the platform; the reply cannot be sent again.",
  },
  'inbox.retry_item_closed': {
    id: 'Pesan ini sudah ditutup; buka kembali dulu bila balasan masih perlu dikirim.',
    en: 'This item is closed; reopen it first if the reply still needs to go out.',
  },
  'inbox.retry_unconfirmed_unchecked': {
    id: 'Periksa dulu percakapan di platform: kirim ulang hanya bila balasan memang belum ada di sana.',
    en: 'Check the thread on the platform first: send again only if the reply is really not there.',
  },
  'inbox.reply_not_found_on_platform': {
    id: 'Pengiriman terputus dan balasan tidak ditemukan di percakapan; periksa platform sebelum mengirim ulang.',
    en: 'Sending was cut off and the reply was not found in the thread; check the platform before sending again.',
  },
  'inbox.reply_lost_outcome': {
    id: 'Pengiriman terputus dan platform tidak dapat dibaca; periksa percakapan di platform sebelum mengirim ulang.',
    en: 'Sending was cut off and the platform could not be read; check the thread there before sending again.',
  },
  'notifications.reply_awaiting_approval.title': {
    id: 'Balasan menunggu persetujuan Anda',
    en: 'A reply waits for your approval',
  },
  'notifications.reply_awaiting_approval.body': {
    id: '{author} membalas {citizen}: "{text}". Setujui atau tolak di kotak masuk.',
    en: '{author} replied to {citizen}: "{text}". Approve or refuse it in the inbox.',
  },
  'notifications.reply_approved.title': { id: 'Balasan Anda disetujui', en: 'Your reply was approved' },
  'notifications.reply_approved.body': {
    id: '{by} menyetujui balasan Anda untuk {citizen}: "{text}". Balasan dikirim sekarang.',
    en: '{by} approved your reply to {citizen}: "{text}". It is being sent now.',
  },
  'notifications.reply_rejected.title': { id: 'Balasan Anda ditolak', en: 'Your reply was refused' },
  'notifications.reply_rejected.body': {
    id: '{by} menolak balasan Anda untuk {citizen}: "{text}". Balasan tidak dikirim.',
    en: '{by} refused your reply to {citizen}: "{text}". It was not sent.',
  },
  'inbox.moderation_failed_auth_expired': {
    id: 'Tidak berhasil: sambungan akun perlu diperbarui.',
    en: 'Not done: the account needs to be reconnected.',
  },
  'inbox.moderation_failed_rate_limited': {
    id: 'Tidak berhasil: batas platform tercapai, coba lagi nanti.',
    en: "Not done: the platform's limit was reached, try again later.",
  },
  'inbox.moderation_failed_rejected': {
    id: 'Platform menolak tindakan ini.',
    en: 'The platform refused this action.',
  },
  'inbox.moderation_failed_unavailable': {
    id: 'Tidak berhasil: platform tidak dapat dihubungi, coba lagi.',
    en: 'Not done: the platform could not be reached, try again.',
  },
  'inbox.moderation_failed_unknown_outcome': {
    id: 'Tidak pasti apakah tindakan berhasil; periksa di platform.',
    en: 'It is unclear whether it was done; check on the platform.',
  },
  'inbox.note_length': {
    id: 'Catatan harus berisi 1–{maximum} karakter.',
    en: 'A note must be 1–{maximum} characters.',
  },
})
