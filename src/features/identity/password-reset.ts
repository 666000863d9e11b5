// "Lupa kata sandi?": a password reset link by e-mail.
//
// 1. requestPasswordReset answers every e-mail the same way and does the same work for each (one row, one job),
//    so neither the answer nor its timing says whether the e-mail has an account. Requests are throttled per
//    address (too many: 429, saying when to retry) and per e-mail (beyond a few an hour: silently no mail, so
//    nobody can flood a mailbox).
// 2. The mail job (sendPasswordResetMail) looks the e-mail up. For an active user it makes the single-use token,
//    stores only its SHA-256 with a short expiry, and mails the link; the token never sits in the job payload or
//    the database. For an unknown or disabled e-mail it sends nothing.
// 3. resetPasswordWithToken checks the link, the new password against the password rule, and sets it; every
//    session and API token of the user ends, every other open link dies, and it is audited. A running lockout is
//    left to run out (a mailbox is no way around the guessing limit of the second factor).
import { randomUUID } from 'node:crypto'
import { revokeUserApiTokens } from '../../db/api-tokens-repository.ts'
import { getInstansi } from '../../db/instansi-repository.ts'
import {
  countResetRequestsForEmail,
  countResetRequestsFromIp,
  insertPasswordReset,
  lockPasswordReset,
  lockUsablePasswordReset,
  markPasswordResetHandled,
  oldestResetRequestFromIp,
  usePasswordResets,
  withdrawPasswordResetLink,
} from '../../db/password-resets-repository.ts'
import { revokeUserSessions } from '../../db/sessions-repository.ts'
import { findUserByEmail, findUserById, setPassword } from '../../db/users-repository.ts'
import { isLocale } from '../../shared/dates.ts'
import { formatMessage } from '../../shared/messages/format-message.ts'
import { AppError, problem } from '../app-error.ts'
import { ANONYMOUS_LABEL, recordChangeAs } from '../audit/record-change.ts'
import { claimAndRecheck } from '../jobs/claim-and-recheck.ts'
import { enqueue } from '../jobs/enqueue.ts'
import { sendMail } from '../mail/send-mail.ts'
import type { IdentityDeps, RequestMeta } from './identity-deps.ts'
import { minutesUntil } from './minutes-until.ts'
import { assertPasswordAcceptable, hashPassword } from './password.ts'
import { randomToken, sha256Hex } from './secret-token.ts'

/** Requests one address may make within the window before it is told to wait. */
export const RESET_REQUESTS_PER_ADDRESS = 10
const ADDRESS_WINDOW_MS = 15 * 60_000
/** Mails one e-mail may receive within the window; further requests are answered alike but send nothing. */
export const RESET_MAILS_PER_EMAIL = 3
const EMAIL_WINDOW_MS = 60 * 60_000
/** A request the mail job reaches later than this (workers down) is dropped rather than mailed hours late. */
const STALE_REQUEST_MS = 60 * 60_000

export function isPasswordResetOffered(deps: Pick<IdentityDeps, 'config'>): boolean {
  return deps.config.mail !== undefined
}

export async function requestPasswordReset(
  deps: Pick<IdentityDeps, 'db' | 'config' | 'clock'>,
  email: string,
  meta: RequestMeta,
): Promise<void> {
  if (!isPasswordResetOffered(deps)) throw new AppError('not_found', 'auth.password_reset_unavailable')
  const now = deps.clock.now()
  const addressSince = new Date(now.getTime() - ADDRESS_WINDOW_MS)
  if ((await countResetRequestsFromIp(deps.db, meta.ip, addressSince)) >= RESET_REQUESTS_PER_ADDRESS) {
    const oldest = (await oldestResetRequestFromIp(deps.db, meta.ip, addressSince)) ?? now
    const retryAt = new Date(oldest.getTime() + ADDRESS_WINDOW_MS)
    throw new AppError('rate_limited', 'auth.reset_throttled', {
      retryAt: retryAt.toISOString(),
      minutes: minutesUntil(retryAt, now),
    })
  }
  const normalised = email.trim().toLowerCase()
  const mailsAllowed =
    (await countResetRequestsForEmail(deps.db, normalised, new Date(now.getTime() - EMAIL_WINDOW_MS))) <
    RESET_MAILS_PER_EMAIL
  await deps.db.transaction(async (tx) => {
    const id = randomUUID()
    await insertPasswordReset(tx, { id, ip: meta.ip, email: normalised, requestedAt: now })
    if (mailsAllowed) await enqueue(tx, 'send-password-reset-mail', { resetId: id })
  })
}

/** The link the mail carries: the token in the fragment, so it never reaches a server log or a Referer header. */
export function passwordResetLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/reset-password#token=${token}`
}

export type ResetMailOutcome = 'sent' | 'no_account' | 'not_due'

/** The mail job's work for one request; idempotent (a second delivery finds the request handled). */
export async function sendPasswordResetMail(
  deps: Pick<IdentityDeps, 'db' | 'config' | 'clock'>,
  resetId: string,
): Promise<ResetMailOutcome> {
  const now = deps.clock.now()
  const claimed = await claimAndRecheck(deps.db, {
    claim: (tx) => lockPasswordReset(tx, resetId),
    isStillDue: (row) =>
      row.handledAt === null && now.getTime() - row.requestedAt.getTime() < STALE_REQUEST_MS,
    act: async (tx, [row]) => {
      const user = await findUserByEmail(tx, row!.email)
      if (!user || user.disabledAt) {
        await markPasswordResetHandled(tx, row!.id, now)
        return null
      }
      const token = randomToken(32)
      const expiresAt = new Date(now.getTime() + deps.config.passwordResetMinutes * 60_000)
      await markPasswordResetHandled(tx, row!.id, now, {
        instansiId: user.instansiId,
        userId: user.id,
        tokenHash: sha256Hex(token),
        expiresAt,
      })
      await recordChangeAs(
        tx,
        { instansiId: user.instansiId, userId: null, label: ANONYMOUS_LABEL },
        { ip: row!.ip },
        {
          action: 'user.password_reset_requested',
          objectType: 'user',
          objectId: user.id,
          after: { expiresAt },
        },
        now,
      )
      const instansi = await getInstansi(tx, user.instansiId)
      return { token, user, instansiName: instansi?.name ?? '', row: row! }
    },
  })
  if (claimed.due === 0) return 'not_due'
  const issued = claimed.outcome
  if (!issued) return 'no_account'
  const locale = isLocale(issued.user.locale) ? issued.user.locale : 'id'
  const params = {
    name: issued.user.name,
    instansi: issued.instansiName,
    link: passwordResetLink(deps.config.publicUrl, issued.token),
    minutes: deps.config.passwordResetMinutes,
  }
  try {
    await sendMail(deps.config, {
      to: issued.user.email,
      subject: formatMessage(locale, 'auth.reset_mail_subject', params),
      text: formatMessage(locale, 'auth.reset_mail_body', params),
    })
  } catch (error) {
    // Nothing reached the person: withdraw the link so the retry issues a fresh one.
    await withdrawPasswordResetLink(deps.db, issued.row.id)
    throw error
  }
  return 'sent'
}

export interface PasswordResetResult {
  /** The end of a lockout that is still running: the new password works from then on. */
  lockedUntil: string | null
}

export async function resetPasswordWithToken(
  deps: IdentityDeps,
  input: { token: string; password: string },
  meta: RequestMeta,
): Promise<PasswordResetResult> {
  const now = deps.clock.now()
  const invalid = () =>
    new AppError('invalid_input', 'auth.reset_link_invalid', undefined, {
      token: problem('auth.reset_link_invalid_field'),
    })
  return deps.db.transaction(async (tx) => {
    const link = await lockUsablePasswordReset(tx, sha256Hex(input.token), now)
    if (!link?.userId || !link.instansiId) throw invalid()
    const user = await findUserById(tx, link.instansiId, link.userId)
    if (!user || user.disabledAt) throw invalid()
    const instansi = await getInstansi(tx, user.instansiId)
    assertPasswordAcceptable(input.password, {
      email: user.email,
      name: user.name,
      instansiName: instansi?.name,
      instansiSlug: instansi?.slug,
    })
    const passwordHash = await hashPassword(input.password)
    const updated = await setPassword(
      tx,
      user.instansiId,
      user.id,
      { passwordHash, mustChangePassword: false },
      now,
      { keepLock: true },
    )
    await usePasswordResets(tx, user.id, now)
    const revokedSessions = await revokeUserSessions(tx, user.instansiId, user.id, now)
    const revokedTokens = await revokeUserApiTokens(tx, user.instansiId, user.id, now)
    await recordChangeAs(
      tx,
      { instansiId: user.instansiId, userId: user.id, label: user.email },
      meta,
      {
        action: 'user.password_reset_by_email',
        objectType: 'user',
        objectId: user.id,
        after: { revokedSessions, revokedTokens },
      },
      now,
    )
    const lockedUntil = updated?.lockedUntil && updated.lockedUntil > now ? updated.lockedUntil : null
    return { lockedUntil: lockedUntil?.toISOString() ?? null }
  })
}
