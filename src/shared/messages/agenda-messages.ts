// The digital agenda: agenda items, fan-out to units and accounts, working a task, and the board.
import { defineMessages } from './define-messages.ts'

export const agendaMessages = defineMessages({
  'agenda.not_found': { id: 'Agenda tidak ditemukan.', en: 'Agenda item not found.' },
  'agenda.task_not_found': { id: 'Tugas amplifikasi tidak ditemukan.', en: 'Amplification task not found.' },
  'agenda.invalid': {
    id: 'Periksa isian agenda ({count:number} masalah).',
    en: 'Check the agenda item ({count:number} problems).',
  },
  'agenda.title_required': {
    id: 'Tulis judul narasi (paling panjang 300 karakter).',
    en: 'Write the title of the narrative (at most 300 characters).',
  },
  'agenda.key_messages_required': {
    id: 'Tulis paling sedikit satu pesan kunci.',
    en: 'Write at least one key message.',
  },
  'agenda.deadline_past': {
    id: 'Tenggat harus di masa depan.',
    en: 'The deadline must be in the future.',
  },
  'agenda.unit_not_allowed': {
    id: 'Anda tidak mengelola agenda untuk unit kerja ini.',
    en: 'You do not run the agenda for this unit.',
  },
  'agenda.media_not_found': {
    id: 'Berkas media ini tidak ada di pustaka media instansi Anda.',
    en: "This media file is not in your agency's media library.",
  },
  'agenda.central_post_not_found': {
    id: 'Unggahan pusat ini tidak ditemukan.',
    en: 'This central post was not found.',
  },
  'agenda.target_not_allowed': {
    id: 'Tugas hanya dapat diberikan ke unit kerja dan akun aktif dalam lingkup Anda.',
    en: 'Tasks can only go to active units and accounts within your scope.',
  },
  'agenda.closed': {
    id: 'Agenda ini sudah ditutup.',
    en: 'This agenda item is closed.',
  },
  'agenda.already_closed': { id: 'Agenda ini sudah ditutup.', en: 'This agenda item is already closed.' },
  'agenda.not_closed': { id: 'Agenda ini masih terbuka.', en: 'This agenda item is still open.' },
  'agenda.task_has_post': {
    id: 'Tugas ini sudah punya unggahan yang sedang berjalan; lanjutkan unggahan itu.',
    en: 'This task already has a post under way; continue that post.',
  },
  'agenda.no_central_post': {
    id: 'Belum ada unggahan pusat yang terbit untuk di-repost; pilih Adaptasi.',
    en: 'There is no published central post to repost yet; choose Adapt.',
  },
  'agenda.no_accounts': {
    id: 'Unit kerja ini belum punya akun aktif yang dapat Anda pakai untuk mengunggah.',
    en: 'This unit has no active account you may post to.',
  },

  'notifications.agenda_task.title': {
    id: 'Tugas amplifikasi: {title}',
    en: 'Amplification task: {title}',
  },
  'notifications.agenda_task.body': {
    id: '{by} meminta {target} mengamplifikasi "{title}" paling lambat {deadline:datetime}.',
    en: '{by} asks {target} to amplify "{title}" by {deadline:datetime}.',
  },

  'access.action.agenda.manage': {
    id: 'mengelola agenda digital dan tugas amplifikasi',
    en: 'run the digital agenda and its amplification tasks',
  },
  'audit.action.agenda_item.create': { id: 'Agenda dibuat', en: 'Agenda item created' },
  'audit.action.agenda_item.update': { id: 'Agenda diubah', en: 'Agenda item changed' },
  'audit.action.agenda_item.close': { id: 'Agenda ditutup', en: 'Agenda item closed' },
  'audit.action.agenda_item.reopen': { id: 'Agenda dibuka kembali', en: 'Agenda item reopened' },
  'audit.action.agenda_item.assign': {
    id: 'Tugas amplifikasi dibagikan',
    en: 'Amplification tasks handed out',
  },
  'audit.action.agenda_task.start': {
    id: 'Tugas amplifikasi dikerjakan',
    en: 'Amplification task started',
  },
  'audit.object.agenda_item': { id: 'Agenda', en: 'Agenda item' },
  'audit.object.agenda_task': { id: 'Tugas amplifikasi', en: 'Amplification task' },
})
