// The publishing state machine of one variant (the (post, account) row), pure: every move the engine, the
// approval flow or a person may make, and why. The engine asks `transition` before it writes a status, so a
// variant can never go from `unconfirmed` to `publishing` (publishing again blindly) or leave `published`.
import type { VariantStatus } from '../../shared/statuses.ts'

/** Why a variant moves; stored nowhere, but it names each allowed edge so tests and logs speak of it. */
export const TRANSITION_REASONS = [
  'scheduled',
  'claimed',
  'accepted',
  'retry_later',
  'rate_limited',
  'attempts_exhausted',
  'auth_expired',
  'rejected',
  'unknown_outcome',
  'lease_expired',
  'reconciled_found',
  'reconciled_absent',
  'expired',
  'cancelled',
  'retry_requested',
] as const
export type TransitionReason = (typeof TRANSITION_REASONS)[number]

type Edge = readonly [from: VariantStatus, to: VariantStatus, reason: TransitionReason]

/** Every allowed transition; anything else is refused. */
export const VARIANT_TRANSITIONS: readonly Edge[] = [
  // The approval flow (or scheduleVariantsNow) hands a variant to the engine.
  ['pending', 'scheduled', 'scheduled'],
  // A publish job claimed it; committed before the platform is called.
  ['scheduled', 'publishing', 'claimed'],
  ['publishing', 'published', 'accepted'],
  // The platform did not take the request: try again later (with backoff), or after the rate-limit window.
  ['publishing', 'scheduled', 'retry_later'],
  ['publishing', 'scheduled', 'rate_limited'],
  ['publishing', 'failed', 'attempts_exhausted'],
  ['publishing', 'failed', 'auth_expired'],
  ['publishing', 'failed', 'rejected'],
  // The platform may have taken it: reconcile, never send again blindly.
  ['publishing', 'unconfirmed', 'unknown_outcome'],
  ['publishing', 'unconfirmed', 'lease_expired'],
  ['unconfirmed', 'published', 'reconciled_found'],
  ['unconfirmed', 'scheduled', 'reconciled_absent'],
  // Not approved before its time (the approval flow).
  ['pending', 'expired', 'expired'],
  ['scheduled', 'expired', 'expired'],
  // A person cancels a post: only what has not started publishing.
  ['pending', 'cancelled', 'cancelled'],
  ['scheduled', 'cancelled', 'cancelled'],
  // After a reconnect a person may send a failed variant again (same idempotency key).
  ['failed', 'scheduled', 'retry_requested'],
]

export type TransitionResult = { ok: true } | { ok: false; from: VariantStatus; to: VariantStatus }

export function canTransition(from: VariantStatus, to: VariantStatus, reason: TransitionReason): boolean {
  return VARIANT_TRANSITIONS.some(([f, t, r]) => f === from && t === to && r === reason)
}

/** Throws when the move is not allowed: a bug in the engine, never something a person did. */
export function assertTransition(from: VariantStatus, to: VariantStatus, reason: TransitionReason): void {
  if (!canTransition(from, to, reason))
    throw new Error(`variant transition ${from} → ${to} (${reason}) is not allowed`)
}

/** Variant states a person may cancel from (the post's cancel). */
export const CANCELLABLE_VARIANT_STATUSES: readonly VariantStatus[] = VARIANT_TRANSITIONS.filter(
  ([, to]) => to === 'cancelled',
).map(([from]) => from)

/** States the engine has nothing more to do for. */
export const FINAL_VARIANT_STATUSES: readonly VariantStatus[] = [
  'published',
  'failed',
  'expired',
  'cancelled',
]

/**
 * The post's own status from its variants': all published → published; all final with some failed → failed
 * (the rest published, see `summarisePost`); all cancelled → cancelled; otherwise it is still scheduled.
 */
export function postStatusFromVariants(
  statuses: readonly VariantStatus[],
): 'scheduled' | 'published' | 'failed' | 'cancelled' | 'expired' {
  if (statuses.length === 0) return 'scheduled'
  if (statuses.every((s) => s === 'cancelled')) return 'cancelled'
  if (statuses.every((s) => s === 'expired')) return 'expired'
  if (!statuses.every((s) => FINAL_VARIANT_STATUSES.includes(s))) return 'scheduled'
  if (statuses.some((s) => s === 'failed')) return 'failed'
  return statuses.some((s) => s === 'published') ? 'published' : 'cancelled'
}

/** The backoff before attempt `attempts + 1` after `unavailable`: exponential from `firstMs`, capped, with jitter. */
export function backoffMs(attempts: number, random: () => number = Math.random, firstMs = 30_000): number {
  const base = Math.min(firstMs * 2 ** Math.max(0, attempts - 1), 60 * firstMs)
  // Full jitter over the upper half, so a crowd of failures does not come back in step.
  return Math.round(base / 2 + (random() * base) / 2)
}

/** Attempts counted (rate limits are not) before `unavailable` becomes `failed`. */
export const MAX_PUBLISH_ATTEMPTS = 5

/** How long a `publishing` claim holds: older ones belong to a worker that died, and are reconciled. */
export const PUBLISH_LEASE_MS = 2 * 60_000
