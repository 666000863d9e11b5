// The inbox's URL: the tab, the filters and the open item. Only well-formed values are kept, so a hand-edited or
// saved link never breaks the page; the same string is what a saved view stores.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The language engine's labels (src/nlp/types.ts INTENT_LABELS, SENTIMENT_LABELS), as the API stores them. */
export const INBOX_INTENTS = [
  'pertanyaan',
  'keluhan',
  'aspirasi',
  'apresiasi',
  'permohonan_informasi',
  'lainnya',
] as const
export const INBOX_SENTIMENTS = ['positif', 'netral', 'negatif'] as const

export const INBOX_TABS = ['waiting', 'answered', 'closed'] as const
export type InboxTab = (typeof INBOX_TABS)[number]

export interface InboxSearch {
  tab?: InboxTab
  q?: string
  assigned?: 'me' | 'unassigned'
  hoax?: 'true'
  pending?: 'true'
  platform?: string
  intent?: string
  sentiment?: string
  label?: string
  unit?: string
  item?: string
}

const FILTER_KEYS = [
  'tab',
  'q',
  'assigned',
  'hoax',
  'pending',
  'platform',
  'intent',
  'sentiment',
  'label',
  'unit',
] as const

const text = (value: unknown, max = 100): string | undefined =>
  typeof value === 'string' && value.trim().length > 0 ? value.slice(0, max) : undefined

export function validateInboxSearch(search: Record<string, unknown>): InboxSearch {
  const out: InboxSearch = {}
  if (typeof search.tab === 'string' && (INBOX_TABS as readonly string[]).includes(search.tab))
    out.tab = search.tab as InboxTab
  const q = text(search.q, 200)
  if (q) out.q = q
  if (search.assigned === 'me' || search.assigned === 'unassigned') out.assigned = search.assigned
  if (search.hoax === 'true' || search.hoax === true) out.hoax = 'true'
  if (search.pending === 'true' || search.pending === true) out.pending = 'true'
  for (const key of ['platform', 'intent', 'sentiment', 'label'] as const) {
    const value = text(search[key], 60)
    if (value) out[key] = value
  }
  if (typeof search.unit === 'string' && UUID.test(search.unit)) out.unit = search.unit
  if (typeof search.item === 'string' && UUID.test(search.item)) out.item = search.item
  return out
}

const TAB_STATUSES: Record<InboxTab, string> = {
  waiting: 'new,open',
  answered: 'answered',
  closed: 'closed',
}

/** The filters (not the open item) as the API's query. */
export function inboxApiQuery(search: InboxSearch): URLSearchParams {
  const params = new URLSearchParams()
  params.set('status', TAB_STATUSES[search.tab ?? 'waiting'])
  if (search.q) params.set('q', search.q)
  if (search.assigned) params.set('assigned', search.assigned)
  if (search.hoax) params.set('hoax', 'true')
  if (search.pending) params.set('pendingReply', 'true')
  if (search.platform) params.set('platform', search.platform)
  if (search.intent) params.set('intent', search.intent)
  if (search.sentiment) params.set('sentiment', search.sentiment)
  if (search.label) params.set('label', search.label)
  if (search.unit) params.set('unitId', search.unit)
  return params
}

/** The filters as a saved view keeps them (the page's own URL words). */
export function viewQueryOf(search: InboxSearch): string {
  const params = new URLSearchParams()
  for (const key of FILTER_KEYS) {
    const value = search[key]
    if (value) params.set(key, value)
  }
  return params.toString()
}

export function searchOfView(query: string): InboxSearch {
  return validateInboxSearch(Object.fromEntries(new URLSearchParams(query)))
}
