// Approval chains, approval decisions and notifications.
import { defineMessages } from './define-messages.ts'

export const approvalsMessages = defineMessages({
  'approvals.unknown_approver': {
    id: 'Pengguna ini tidak ada atau tidak aktif di instansi ini.',
    en: 'This user does not exist or is not active in this agency.',
  },
  'approvals.chain_invalid': {
    id: 'Periksa alur persetujuan: 1–3 tahap, tiap tahap satu peran atau pengguna yang disebut.',
    en: 'Check the approval chain: 1–3 steps, each a role or named users.',
  },
  'approvals.role_cannot_approve': {
    id: 'Peran {role:role} tidak dapat menyetujui unggahan; pilih penanggung jawab, admin atau pimpinan.',
    en: 'The {role:role} role cannot approve posts; choose penanggung jawab, admin or pimpinan.',
  },
  'approvals.no_chain': {
    id: 'Unit atau akun ini belum punya alur persetujuan sendiri.',
    en: 'This unit or account has no approval chain of its own.',
  },
  'approvals.refused.own_post': {
    id: 'Anda tidak dapat menyetujui unggahan yang Anda tulis sendiri.',
    en: 'You cannot approve a post you wrote yourself.',
  },
  'approvals.refused.not_pending': {
    id: 'Unggahan ini tidak sedang menunggu persetujuan.',
    en: 'This post is not waiting for approval.',
  },
  'approvals.refused.not_an_approver': {
    id: 'Anda bukan penyetuju dalam alur persetujuan unggahan ini.',
    en: 'You are not an approver in this post’s approval chain.',
  },
  'approvals.refused.not_current_step': {
    id: 'Giliran Anda belum tiba: tahap sebelumnya belum selesai.',
    en: 'It is not your turn yet: an earlier step is not finished.',
  },
  'approvals.refused.already_decided': {
    id: 'Anda sudah memberi keputusan pada tahap ini.',
    en: 'You have already decided at this step.',
  },
  'approvals.refused.comment_required': {
    id: 'Tulis alasan atau perbaikan yang diminta.',
    en: 'Write the reason or the changes you ask for.',
  },

  'notifications.approval_requested.title': {
    id: 'Menunggu persetujuan Anda: {title}',
    en: 'Waiting for your approval: {title}',
  },
  'notifications.approval_requested.body': {
    id: '{author} mengajukan "{title}" untuk {account}, dijadwalkan {at:datetime}.',
    en: '{author} submitted "{title}" for {account}, scheduled {at:datetime}.',
  },
  'notifications.approval_approved.title': { id: 'Disetujui: {title}', en: 'Approved: {title}' },
  'notifications.approval_approved.body': {
    id: '"{title}" disetujui oleh {by}.',
    en: '"{title}" was approved by {by}.',
  },
  'notifications.approval_rejected.title': { id: 'Ditolak: {title}', en: 'Rejected: {title}' },
  'notifications.approval_rejected.body': {
    id: '{by} menolak "{title}": {comment}',
    en: '{by} rejected "{title}": {comment}',
  },
  'notifications.approval_changes_requested.title': {
    id: 'Perlu perbaikan: {title}',
    en: 'Changes requested: {title}',
  },
  'notifications.approval_changes_requested.body': {
    id: '{by} meminta perbaikan pada "{title}": {comment}',
    en: '{by} asked for changes to "{title}": {comment}',
  },
  'notifications.approval_expired.title': { id: 'Kedaluwarsa: {title}', en: 'Expired: {title}' },
  'notifications.approval_expired.body': {
    id: '"{title}" tidak disetujui sebelum waktu tayangnya dan tidak akan diunggah.',
    en: '"{title}" was not approved before its scheduled time and will not be published.',
  },
  'notifications.crisis_approver.title': {
    id: 'Anda ditetapkan sebagai penyetuju jalur cepat krisis',
    en: 'You were made a crisis fast-track approver',
  },
  'notifications.crisis_approver.body': {
    id: '{by} menetapkan Anda sebagai penyetuju jalur cepat krisis untuk {owner}. Dalam mode krisis Anda dapat menyetujui unggahan seorang diri; setiap penggunaannya dicatat di log audit.',
    en: '{by} made you a crisis fast-track approver for {owner}. In crisis mode you may approve posts alone; every use is flagged in the audit log.',
  },
  'notifications.approval_blocked.title': {
    id: 'Tidak ada yang dapat menyetujui: {title}',
    en: 'Nobody can approve: {title}',
  },
  'notifications.approval_blocked.body': {
    id: 'Langkah {step} rantai persetujuan "{title}" ({account}) tidak punya penyetuju aktif. Tetapkan penyetuju di Rantai persetujuan sebelum waktu tayang, atau unggahan kedaluwarsa.',
    en: 'Step {step} of the approval chain of "{title}" ({account}) has no active approver. Assign one in Approval chains before the scheduled time, or the post expires.',
  },
  'notifications.digest_subject': {
    id: 'Ringkasan Warta: {count} pemberitahuan',
    en: 'Warta digest: {count} notifications',
  },
  'notifications.digest_intro': {
    id: 'Halo {name}, ini {count} pemberitahuan untuk Anda sejak ringkasan terakhir:',
    en: 'Hello {name}, here are {count} notifications for you since the last digest:',
  },
  'notifications.mail_footer': {
    id: 'Pesan ini dikirim otomatis oleh Warta. Atur pengiriman e-mail pemberitahuan di halaman Profil.',
    en: 'This message was sent automatically by Warta. Choose how notifications are e-mailed on your Profile page.',
  },
})
