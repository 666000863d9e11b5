// First-run setup and creating an instansi (the wizard and `warta user create-instansi`).
import { defineMessages } from './define-messages.ts'

export const setupMessages = defineMessages({
  'setup.slug_invalid': {
    id: 'Slug hanya boleh huruf kecil, angka dan tanda hubung, misalnya "diskominfo-kota".',
    en: 'A slug may only contain lower-case letters, digits and hyphens, for example "diskominfo-kota".',
  },
  'setup.slug_invalid_field': { id: 'Format slug tidak valid.', en: 'Not a valid slug.' },
  'setup.slug_taken': {
    id: 'Slug {slug} sudah dipakai instansi lain.',
    en: 'The slug {slug} is already used by another instansi.',
  },
  'setup.already_used': { id: 'Sudah dipakai.', en: 'Already in use.' },
  'setup.already_done': {
    id: 'Warta sudah disiapkan. Masuk dengan akun admin yang ada, atau minta admin membuatkan akun.',
    en: 'Warta is already set up. Sign in with an existing admin account, or ask an admin to create an account for you.',
  },
})
