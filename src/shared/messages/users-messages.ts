// User administration: users, their roles on units, resets, and the CLI's user commands.
import { defineMessages } from './define-messages.ts'

export const usersMessages = defineMessages({
  'users.not_found': { id: 'Pengguna tidak ditemukan.', en: 'User not found.' },
  'users.forbidden_on_user': {
    id: 'Anda tidak berwenang untuk tindakan ini ({action}) pada pengguna tersebut.',
    en: 'You are not allowed to do this ({action}) to that user.',
  },
  'users.list_forbidden': {
    id: 'Anda tidak berwenang melihat daftar pengguna (user.read).',
    en: 'You are not allowed to see the list of users (user.read).',
  },
  'users.email_unavailable': {
    id: 'E-mail {email} tidak dapat dipakai: satu alamat e-mail hanya dapat masuk ke satu akun Warta. Bila orang ini sudah terdaftar, cari namanya di daftar pengguna; bila tidak, pakai alamat e-mail dinasnya yang lain atau hubungi pengelola server Warta.',
    en: 'The e-mail {email} cannot be used: one e-mail address signs in to one Warta account only. If this person is already registered, look for them in the list of users; if not, use another official address of theirs or ask whoever runs the Warta server.',
  },
  'users.email_unavailable_field': {
    id: 'Alamat ini tidak dapat dipakai.',
    en: 'This address cannot be used.',
  },
  'users.grant_unit_unavailable': {
    id: 'Unit untuk peran tidak ditemukan atau sudah diarsipkan.',
    en: 'The unit for the role does not exist or is archived.',
  },
  'users.cannot_disable_self': {
    id: 'Anda tidak dapat menonaktifkan akun Anda sendiri.',
    en: 'You cannot disable your own account.',
  },
  'users.not_for_own_account': { id: 'Tidak untuk akun sendiri.', en: 'Not for your own account.' },
  'users.reset_own_password': {
    id: 'Untuk akun sendiri, gunakan Ganti kata sandi di halaman profil.',
    en: 'For your own account, use Change password on your profile page.',
  },
  'users.reset_own_two_factor': {
    id: 'Tidak dapat mengatur ulang verifikasi dua langkah akun sendiri.',
    en: 'You cannot reset two-step verification of your own account.',
  },
  'users.role_unknown': { id: 'Peran {role} tidak dikenal.', en: 'Unknown role {role}.' },
  'users.role_unknown_field': { id: 'Peran tidak dikenal.', en: 'Unknown role.' },
  'users.unit_archived': {
    id: 'Unit sudah diarsipkan; pilih unit yang aktif.',
    en: 'The unit is archived; choose an active unit.',
  },
  'users.unit_archived_field': { id: 'Unit diarsipkan.', en: 'Unit archived.' },
  'users.role_already_held': {
    id: 'Pengguna sudah memiliki peran ini pada unit tersebut.',
    en: 'The user already holds this role on that unit.',
  },
  'users.grant_not_found': { id: 'Peran tidak ditemukan.', en: 'Role not found.' },
  'users.cannot_revoke_own_admin': {
    id: 'Anda tidak dapat mencabut peran admin Anda sendiri; minta admin lain melakukannya.',
    en: 'You cannot revoke your own admin role; ask another admin to do it.',
  },
  'users.instansi_slug_not_found': {
    id: "Instansi '{slug}' tidak ditemukan.",
    en: "Instansi '{slug}' not found.",
  },
  'users.unit_code_not_found': {
    id: "Unit dengan kode '{code}' tidak ditemukan di instansi {slug}.",
    en: "No unit with code '{code}' in instansi {slug}.",
  },
})
