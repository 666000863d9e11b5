// The vocabulary of the home page's "what needs attention", shared by the API and the web app. A leaf module.

/** The getting-started steps of a new instansi, in the order they are shown. */
export const CHECKLIST_STEPS = ['units', 'naming', 'accounts', 'users', 'two_factor'] as const
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number]

/** What can be wrong with an official account; each is a count with a list behind it. */
export const ATTENTION_ITEMS = [
  'naming',
  'platform_two_factor',
  'surat_tugas',
  'credential_rotation',
] as const
export type AttentionItem = (typeof ATTENTION_ITEMS)[number]

export function isAttentionItem(value: string): value is AttentionItem {
  return (ATTENTION_ITEMS as readonly string[]).includes(value)
}
