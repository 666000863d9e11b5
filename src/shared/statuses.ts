// Status values stored in the database and shown in the web app. A leaf module: it imports nothing.

export const ACCOUNT_STATUSES = ['active', 'dormant'] as const
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number]

export const VERIFICATION_STATUSES = ['unverified', 'pending', 'verified'] as const
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number]

/**
 * Kinds of a day in the working-day calendar: `holiday` (libur nasional), `cuti_bersama`, `regional_holiday`
 * (libur daerah, set by the instansi) and `working_day` (a replacement working day, or a national day removed).
 */
export const CALENDAR_DAY_KINDS = ['holiday', 'cuti_bersama', 'regional_holiday', 'working_day'] as const
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number]

/**
 * An official account's connection to its platform (its health): `not_connected` until first connected,
 * `needs_reconnect` once the platform refused its credentials (auth_expired), `disconnected` by a person.
 */
export const CONNECTION_STATES = ['not_connected', 'connected', 'needs_reconnect', 'disconnected'] as const
export type ConnectionStateName = (typeof CONNECTION_STATES)[number]

/**
 * The post's own state (issue #7 item 6): written as a draft, sent for review, returned with requested changes,
 * approved, then scheduled and published by the engine, or expired (not approved before its time) or cancelled.
 */
export const POST_STATUSES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'failed',
  'expired',
  'cancelled',
] as const
export type PostStatus = (typeof POST_STATUSES)[number]

/** States in which the author may still change the post (a submitted post is frozen until it comes back). */
export const EDITABLE_POST_STATUSES: readonly PostStatus[] = ['draft', 'changes_requested']

/**
 * The publishing state of one variant, the (post, account) row: `unconfirmed` when the platform may have
 * accepted it (ConnectorError `unknown_outcome`) and it must be reconciled, never sent again blindly.
 */
export const VARIANT_STATUSES = [
  'pending',
  'scheduled',
  'publishing',
  'published',
  'failed',
  'unconfirmed',
  'expired',
  'cancelled',
] as const
export type VariantStatus = (typeof VARIANT_STATUSES)[number]

/** The variant states the published registry lists: what went out, what may have, and what could not. */
export const PUBLISHED_REGISTRY_STATUSES = [
  'published',
  'unconfirmed',
  'failed',
] as const satisfies readonly VariantStatus[]
export type PublishedRegistryStatus = (typeof PUBLISHED_REGISTRY_STATUSES)[number]

/** `berita` (news) needs the 5W+1H checklist; `informasi` (announcements, service information) does not. */
export const POST_KINDS = ['berita', 'informasi'] as const
export type PostKind = (typeof POST_KINDS)[number]

/** The 5W+1H of a news post: apa, siapa, kapan, di mana, mengapa, bagaimana. */
export const FIVE_W_ONE_H = ['apa', 'siapa', 'kapan', 'dimana', 'mengapa', 'bagaimana'] as const
export type FiveWOneHKey = (typeof FIVE_W_ONE_H)[number]

/**
 * An inbox item's state (issue #9): `new` until someone acts on it, `open` while it is being worked (assigned,
 * noted, drafting), `answered` once a reply went out (the citizen may answer again: a new item re-opens the thread),
 * `closed` when nothing more is owed.
 */
export const INBOX_STATUSES = ['new', 'open', 'answered', 'closed'] as const
export type InboxStatus = (typeof INBOX_STATUSES)[number]

/**
 * Our reply to an inbox item: `pending` waits for the penanggung jawab, `sending` is stored before the platform is
 * called, `sent` is on the platform, `failed` was refused or not taken (retry), `unconfirmed` may be on the platform
 * (a person checks before retrying), `rejected` the penanggung jawab said no.
 */
export const INBOX_REPLY_STATUSES = [
  'pending',
  'sending',
  'sent',
  'failed',
  'unconfirmed',
  'rejected',
] as const
export type InboxReplyStatus = (typeof INBOX_REPLY_STATUSES)[number]

/** What an inbox item is on its platform (the connector's Interaction kind). */
export const INBOX_ITEM_KINDS = ['comment', 'reply', 'mention', 'quote', 'direct_message'] as const
export type InboxItemKind = (typeof INBOX_ITEM_KINDS)[number]
