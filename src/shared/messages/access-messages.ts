// The permission rules: what each role may do (abilities are listed from the permission table, see
// src/shared/role-guide.ts), who may hold which duty, and the rules on granting roles.
import { defineMessages } from './define-messages.ts'

export const accessMessages = defineMessages({
  'access.penanggung_jawab_ineligible': {
    id: 'Penanggung jawab akun harus memegang peran {role:role} pada unit akun ini atau unit di atasnya.',
    en: "An account's penanggung jawab must hold the {role:role} role on the account's unit or a unit above it.",
  },
  'access.pengelola_ineligible': {
    id: 'Pengelola akun harus memegang peran {role:role} atau {alternative:role} pada unit akun ini atau unit di atasnya.',
    en: "An account's pengelola must hold the {role:role} or {alternative:role} role on the account's unit or a unit above it.",
  },
  'access.no_self_grant': {
    id: 'Anda tidak dapat memberi peran kepada diri sendiri; minta admin lain melakukannya.',
    en: 'You cannot grant a role to yourself; ask another admin to do it.',
  },
  'access.roles_exclusive': {
    id: 'Peran {role:role} tidak boleh dipegang bersama peran {other:role} oleh orang yang sama (pemisahan tugas: auditor memeriksa pekerjaan admin).',
    en: 'The {role:role} role may not be held together with the {other:role} role by the same person (separation of duties: the auditor checks what the admin does).',
  },
  'access.roles_exclusive_field': {
    id: 'Tidak boleh bersama peran {other:role}.',
    en: 'Not together with the {other:role} role.',
  },
  'access.role_scope': {
    id: 'Peran berlaku pada unit tempat ia diberikan dan semua unit di bawahnya. Tidak seorang pun dapat memberi peran kepada dirinya sendiri.',
    en: 'A role holds on the unit it is granted on and every unit below it. Nobody can grant a role to themselves.',
  },

  'access.role.admin': {
    id: 'Administrator sistem Humas: mengatur unit kerja, pengguna dan peran, akun resmi, pola nama, kalender, dan pengaturan instansi. Tidak dapat memberi peran kepada diri sendiri dan tidak boleh sekaligus menjadi auditor. Wajib verifikasi dua langkah.',
    en: 'Humas system administrator: manages units, users and roles, official accounts, naming patterns, the calendar and the instansi settings. Cannot grant roles to themselves and may not also be an auditor. Two-step verification is required.',
  },
  'access.role.penanggung_jawab': {
    id: 'Pejabat yang bertanggung jawab atas akun resmi unitnya: menyetujui unggahan dan balasan, mengelola akun. Hanya pemegang peran ini pada unit akun atau unit di atasnya yang dapat ditunjuk sebagai penanggung jawab akun. Wajib verifikasi dua langkah.',
    en: "The official accountable for their units' official accounts: approves posts and replies, manages the accounts. Only holders of this role on the account's unit or a unit above it can be named an account's penanggung jawab. Two-step verification is required.",
  },
  'access.role.pengelola': {
    id: 'Operator media sosial: menyusun unggahan dan menjawab kotak masuk. Dapat ditunjuk sebagai pengelola akun resmi unitnya, dengan surat tugas.',
    en: "Social-media operator: drafts posts and answers the inbox. Can be appointed pengelola of their unit's official accounts, with a surat tugas (assignment letter).",
  },
  'access.role.analis': {
    id: 'Analis pemantauan: topik pemantauan, dasbor, peringatan dan laporan.',
    en: 'Monitoring analyst: listening topics, dashboards, alerts and reports.',
  },
  'access.role.ppid': {
    id: 'Pejabat Pengelola Informasi dan Dokumentasi: permohonan informasi publik dan tenggat hukumnya (UU 14/2008).',
    en: 'Information officer: public information requests and their legal deadlines (UU 14/2008).',
  },
  'access.role.pimpinan': {
    id: 'Pimpinan: melihat unggahan, dasbor dan laporan; tidak mengubah apa pun.',
    en: 'Leadership: sees posts, dashboards and reports; changes nothing.',
  },
  'access.role.auditor': {
    id: 'Inspektorat: membaca dan mengekspor log audit, melihat pengguna dan laporan; tidak mengubah apa pun. Tidak boleh sekaligus memegang peran admin.',
    en: 'Inspectorate: reads and exports the audit log, sees users and reports; changes nothing. May not also hold the admin role.',
  },

  'access.action.unit.read': { id: 'melihat unit kerja', en: 'see the units' },
  'access.action.unit.manage': { id: 'mengatur unit kerja', en: 'manage the units' },
  'access.action.user.read': {
    id: 'melihat pengguna, peran dan alamat e-mail mereka',
    en: 'see users, their roles and e-mail addresses',
  },
  'access.action.user.manage': { id: 'mengatur pengguna dan peran', en: 'manage users and roles' },
  'access.action.account.read': { id: 'melihat akun resmi', en: 'see the official accounts' },
  'access.action.account.manage': { id: 'mengelola akun resmi', en: 'manage the official accounts' },
  'access.action.naming.manage': { id: 'mengatur pola nama akun', en: 'set account naming patterns' },
  'access.action.calendar.read': { id: 'melihat kalender hari kerja', en: 'see the working-day calendar' },
  'access.action.calendar.manage': {
    id: 'mengubah kalender hari kerja',
    en: 'change the working-day calendar',
  },
  'access.action.audit.read': { id: 'membaca log audit', en: 'read the audit log' },
  'access.action.audit.export': { id: 'mengekspor log audit', en: 'export the audit log' },
  'access.action.settings.manage': { id: 'mengubah pengaturan instansi', en: 'change the instansi settings' },
  'access.action.hoax.manage': {
    id: 'mengelola basis pengetahuan hoaks',
    en: 'manage the hoax knowledge base',
  },
  'access.action.post.read': { id: 'melihat unggahan', en: 'see posts' },
  'access.action.post.create': { id: 'menyusun unggahan', en: 'draft posts' },
  'access.action.post.approve': { id: 'menyetujui unggahan', en: 'approve posts' },
  'access.action.approval.manage': {
    id: 'mengatur alur persetujuan unggahan',
    en: 'set up the approval chains of posts',
  },
  'access.action.inbox.read': { id: 'membaca kotak masuk', en: 'read the inbox' },
  'access.action.inbox.reply': { id: 'menjawab kotak masuk', en: 'answer the inbox' },
  'access.action.listening.manage': { id: 'mengatur pemantauan', en: 'manage listening' },
  'access.action.report.read': { id: 'melihat dasbor dan laporan', en: 'see dashboards and reports' },
  'access.action.saved_reply.manage': {
    id: 'mengelola jawaban baku kotak masuk',
    en: 'manage the saved replies of the inbox',
  },
  'access.action.routing.manage': {
    id: 'mengatur aturan perutean kotak masuk',
    en: 'set the routing rules of the inbox',
  },
  'access.action.ppid.manage': {
    id: 'menangani permohonan informasi (PPID)',
    en: 'handle information requests (PPID)',
  },
})
