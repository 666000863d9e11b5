// Role ids are stable API values; people read them in their language.
import type { MessageKey, Translate } from '../i18n/i18n.tsx'

export const ROLE_IDS = [
  'admin',
  'penanggung_jawab',
  'pengelola',
  'analis',
  'ppid',
  'pimpinan',
  'auditor',
] as const

export function roleLabel(t: Translate, role: string): string {
  return (ROLE_IDS as readonly string[]).includes(role) ? t(`role.${role}` as MessageKey) : role
}
