// A user changes their own password: the current one is required, and every other session ends, so a stolen
// session does not survive the change.
import { revokeUserSessions } from '../../db/sessions-repository.ts'
import { findUserById, setPassword } from '../../db/users-repository.ts'
import { AppError, problem } from '../app-error.ts'
import { recordChange } from '../audit/record-change.ts'
import type { Actor } from '../access/policy.ts'
import type { IdentityDeps, RequestMeta } from './identity-deps.ts'
import { assertNotLocked, recordAccountFailure } from './account-lockout.ts'
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './password.ts'

export async function changeOwnPassword(
  deps: IdentityDeps,
  actor: Actor,
  currentSessionId: string | null,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<{ revokedSessions: number }> {
  const user = await findUserById(deps.db, actor.instansiId, actor.userId)
  if (!user) throw new AppError('unauthenticated', 'common.unauthenticated')
  assertNotLocked(user, deps.clock.now())
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAccountFailure(deps, user, { kind: 'password' }, 'password_change', meta, actor)
    throw new AppError('invalid_input', 'auth.current_password_wrong', undefined, {
      currentPassword: problem('auth.current_password_wrong'),
    })
  }
  assertPasswordAcceptable(input.newPassword, user.email, 'newPassword')
  if (input.newPassword === input.currentPassword) {
    throw new AppError('invalid_input', 'auth.new_password_same', undefined, {
      newPassword: problem('auth.differ_from_old_password'),
    })
  }
  const passwordHash = await hashPassword(input.newPassword)
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    await setPassword(tx, actor.instansiId, actor.userId, { passwordHash, mustChangePassword: false }, now)
    const revokedSessions = await revokeUserSessions(
      tx,
      actor.instansiId,
      actor.userId,
      now,
      currentSessionId ?? undefined,
    )
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'user.password_change',
        objectType: 'user',
        objectId: actor.userId,
        after: { revokedSessions },
      },
      now,
    )
    return { revokedSessions }
  })
}
