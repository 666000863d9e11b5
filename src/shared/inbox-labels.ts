// The language engine's labels an inbox item carries (src/nlp classify), named in the shared vocabulary so the web
// app's forms (saved replies, routing rules) offer the same choices the server accepts. The engine's own lists are
// the source; features/routing/routing-rule-input.ts fails to compile if these drift from them. A leaf module.

export const INBOX_INTENTS = [
  'pertanyaan',
  'keluhan',
  'aspirasi',
  'apresiasi',
  'permohonan_informasi',
  'lainnya',
] as const
export type InboxIntent = (typeof INBOX_INTENTS)[number]

export const INBOX_SENTIMENTS = ['positif', 'netral', 'negatif'] as const
export type InboxSentiment = (typeof INBOX_SENTIMENTS)[number]
