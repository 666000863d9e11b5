// The permission rules: who may hold which duty, and what each role may do.
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
})
