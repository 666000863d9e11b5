// A signed-in user changes their own profile: the language the app speaks to them, so the choice made in the
// language switch follows them to every device, and how notifications reach them by e-mail.
import type { Locale } from '../../shared/dates.ts'
import { findUserById, setNotificationEmail, updateUser } from '../../db/users-repository.ts'
import type { Actor } from '../access/policy.ts'
import { AppError } from '../app-error.ts'
import { recordChange } from '../audit/record-change.ts'
import type { IdentityDeps, RequestMeta } from './identity-deps.ts'

export interface OwnProfileInput {
  locale?: Locale | undefined
  notificationEmail?: 'immediately' | 'daily' | 'none' | undefined
}

export async function updateOwnProfile(
  deps: Pick<IdentityDeps, 'db' | 'clock'>,
  actor: Actor,
  input: OwnProfileInput,
  meta: RequestMeta,
): Promise<void> {
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const user = await findUserById(tx, actor.instansiId, actor.userId)
    if (!user) throw new AppError('unauthenticated', 'common.unauthenticated')
    const before: Record<string, string> = {}
    const after: Record<string, string> = {}
    if (input.locale !== undefined && input.locale !== user.locale) {
      await updateUser(tx, actor.instansiId, actor.userId, { locale: input.locale }, now)
      before.locale = user.locale
      after.locale = input.locale
    }
    if (input.notificationEmail !== undefined && input.notificationEmail !== user.notificationEmail) {
      await setNotificationEmail(tx, actor.instansiId, actor.userId, input.notificationEmail, now)
      before.notificationEmail = user.notificationEmail
      after.notificationEmail = input.notificationEmail
    }
    if (Object.keys(after).length === 0) return
    await recordChange(
      tx,
      actor,
      meta,
      { action: 'user.update', objectType: 'user', objectId: actor.userId, before, after },
      now,
    )
  })
}
