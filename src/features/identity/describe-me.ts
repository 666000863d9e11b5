// The signed-in user's own view: who they are, where their roles hold, what they may do, and what the session
// still needs (2FA enrolment or verification, a new password).
import { getInstansi } from '../../db/instansi-repository.ts'
import { grantsOfUsers } from '../../db/role-grants-repository.ts'
import { findUserById } from '../../db/users-repository.ts'
import { AppError } from '../app-error.ts'
import { toGrantView, type GrantView } from '../access/grant-view.ts'
import { allowedActions, type Action, type Actor } from '../access/policy.ts'
import type { IdentityDeps } from './identity-deps.ts'
import { isDemoDeployment } from '../demo/demo-deployment.ts'
import { requiresTwoFactor } from './load-actor.ts'

export interface MeView {
  user: {
    id: string
    email: string
    name: string
    locale: string
    notificationEmail: 'immediately' | 'daily' | 'none'
    twoFactorEnabled: boolean
    mustChangePassword: boolean
    lastLoginAt: string | null
    trainingMode: boolean
  }
  /** The deployment holds demo data (features/demo): the shell says so. */
  demo: boolean
  instansi: { id: string; slug: string; name: string }
  grants: GrantView[]
  allowedActions: Action[]
  csrfToken: string | null
  mustEnrolTwoFactor: boolean
  twoFactorPending: boolean
  via: Actor['via']
}

export async function describeMe(
  deps: Pick<IdentityDeps, 'db'>,
  actor: Actor,
  session: { csrfToken: string | null; twoFactorPending: boolean },
): Promise<MeView> {
  const [user, instansi, grants, demo] = await Promise.all([
    findUserById(deps.db, actor.instansiId, actor.userId),
    getInstansi(deps.db, actor.instansiId),
    grantsOfUsers(deps.db, actor.instansiId, [actor.userId]),
    isDemoDeployment(deps.db),
  ])
  if (!user || !instansi) throw new AppError('unauthenticated', 'common.unauthenticated')
  const mustEnrolTwoFactor = !user.totpEnabledAt && requiresTwoFactor(grants)
  // A token sees only its own narrowed roles.
  const visible =
    actor.via === 'token'
      ? grants.filter((g) => actor.grants.some((a) => a.unitId === g.unitId && a.role === g.role))
      : grants
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      notificationEmail: user.notificationEmail,
      twoFactorEnabled: user.totpEnabledAt !== null,
      mustChangePassword: user.mustChangePassword,
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      trainingMode: user.trainingMode,
    },
    demo,
    instansi: { id: instansi.id, slug: instansi.slug, name: instansi.name },
    grants: visible.map(toGrantView),
    allowedActions: mustEnrolTwoFactor || session.twoFactorPending ? [] : allowedActions(actor),
    csrfToken: session.csrfToken,
    mustEnrolTwoFactor,
    twoFactorPending: session.twoFactorPending,
    via: actor.via,
  }
}
