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
