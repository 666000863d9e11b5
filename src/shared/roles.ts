// The roles of product.md, with their names in both languages. A leaf module: it imports nothing.

export const ROLES = [
  'admin',
  'penanggung_jawab',
  'pengelola',
  'analis',
  'ppid',
  'pimpinan',
  'auditor',
] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

/** Roles whose holders must use a second factor (product.md: admin and approvers). */
export const TWO_FACTOR_ROLES: readonly Role[] = ['admin', 'penanggung_jawab']

export const ROLE_LABELS: Readonly<Record<'id' | 'en', Readonly<Record<Role, string>>>> = {
  id: {
    admin: 'Admin',
    penanggung_jawab: 'Penanggung jawab',
    pengelola: 'Pengelola',
    analis: 'Analis',
    ppid: 'PPID',
    pimpinan: 'Pimpinan',
    auditor: 'Auditor',
  },
  en: {
    admin: 'Administrator',
    penanggung_jawab: 'Penanggung jawab (accountable official)',
    pengelola: 'Pengelola (operator)',
    analis: 'Analyst',
    ppid: 'PPID (information officer)',
    pimpinan: 'Pimpinan (leadership)',
    auditor: 'Auditor',
  },
}
