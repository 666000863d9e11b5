// A user changes their own password: the current one is required, every other session ends and every API token
// is revoked (finding 4.11: a token made with the old password must not outlive it), so a stolen session or
// token does not survive the change. The session the change is made in stays.
import { revokeUserApiTokens } from '../../db/api-tokens-repository.ts'
import { getInstansi } from '../../db/instansi-repository.ts'
import { revokeUserSessions } from '../../db/sessions-repository.ts'
import { findUserById, setPassword } from '../../db/users-repository.ts'
import { AppError, problem } from '../app-error.ts'
import { recordChange } from '../audit/record-change.ts'
import type { Actor } from '../access/policy.ts'
import type { IdentityDeps, RequestMeta } from './identity-deps.ts'
import { assertAddressNotThrottled, assertNotLocked, recordAccountFailure } from './account-lockout.ts'
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './password.ts'

export async function changeOwnPassword(
  deps: IdentityDeps,
  actor: Actor,
  currentSessionId: string | null,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<{ revokedSessions: number; revokedTokens: number }> {
  const user = await findUserById(deps.db, actor.instansiId, actor.userId)
  if (!user) throw new AppError('unauthenticated', 'common.unauthenticated')
  const now = deps.clock.now()
  assertNotLocked(user, now)
  await assertAddressNotThrottled(deps, meta.ip, now)
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAccountFailure(deps, user, { kind: 'password' }, 'password_change', meta, actor)
    throw new AppError('invalid_input', 'auth.current_password_wrong', undefined, {
      currentPassword: problem('auth.current_password_wrong'),
    })
  }
  const instansi = await getInstansi(deps.db, actor.instansiId)
  assertPasswordAcceptable(
    input.newPassword,
    { email: user.email, name: user.name, instansiName: instansi?.name, instansiSlug: instansi?.slug },
    'newPassword',
  )
  if (input.newPassword === input.currentPassword) {
    throw new AppError('invalid_input', 'auth.new_password_same', undefined, {
      newPassword: problem('auth.differ_from_old_password'),
    })
  }
  const passwordHash = await hashPassword(input.newPassword)
  return deps.db.transaction(async (tx) => {
    await setPassword(tx, actor.instansiId, actor.userId, { passwordHash, mustChangePassword: false }, now)
    const revokedSessions = await revokeUserSessions(
      tx,
      actor.instansiId,
      actor.userId,
      now,
      currentSessionId ?? undefined,
    )
    const revokedTokens = await revokeUserApiTokens(tx, actor.instansiId, actor.userId, now)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'user.password_change',
        objectType: 'user',
        objectId: actor.userId,
        after: { revokedSessions, revokedTokens },
      },
      now,
    )
    return { revokedSessions, revokedTokens }
  })
}
