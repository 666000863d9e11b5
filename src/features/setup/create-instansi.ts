// Creating an instansi: its root unit and its first admin (admin role on the root). Used by the first-run
// wizard (POST /api/setup, only while the deployment is empty) and by operators adding instansi via the CLI.
import { randomUUID } from 'node:crypto'
import {
  anyInstansiExists,
  findInstansiBySlug,
  insertInstansi,
  lockInstansiCreation,
} from '../../db/instansi-repository.ts'
import { insertRootUnit } from '../../db/units-repository.ts'
import { recordSuccessfulLogin, type UserRow } from '../../db/users-repository.ts'
import { AppError, problem } from '../app-error.ts'
import { recordChangeAs, SETUP_LABEL, type ChangeOrigin } from '../audit/record-change.ts'
import type { IdentityDeps, RequestMeta } from '../identity/identity-deps.ts'
import { createSession, type NewSessionResult } from '../identity/sessions.ts'
import { insertUserWithGrants } from '../users/manage-users.ts'
import type { Db } from '../../db/client.ts'

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

export interface CreateInstansiInput {
  instansiName: string
  slug: string
  rootUnitName: string
  rootUnitCode: string
  adminName: string
  adminEmail: string
  /** Omit to generate a temporary password (CLI). */
  adminPassword?: string | undefined
}

export interface CreatedInstansi {
  instansiId: string
  rootUnitId: string
  admin: UserRow
  temporaryPassword: string | null
}

export async function isSetupNeeded(deps: Pick<IdentityDeps, 'db'>): Promise<boolean> {
  return !(await anyInstansiExists(deps.db))
}

async function createInTransaction(
  tx: Db,
  input: CreateInstansiInput,
  auditActorLabel: string,
  meta: RequestMeta,
  now: Date,
  /** The wizard: the admin typed their own password. The CLI: the operator typed it for them. */
  passwordChosenByAdmin: boolean,
): Promise<CreatedInstansi> {
  const slug = input.slug.trim().toLowerCase()
  if (!SLUG_PATTERN.test(slug)) {
    throw new AppError('invalid_input', 'setup.slug_invalid', undefined, {
      slug: problem('setup.slug_invalid_field'),
    })
  }
  if (await findInstansiBySlug(tx, slug))
    throw new AppError('conflict', 'setup.slug_taken', { slug }, { slug: problem('setup.already_used') })
  const created = { instansiId: randomUUID(), rootUnitId: randomUUID() }
  await insertInstansi(tx, { id: created.instansiId, slug, name: input.instansiName.trim() }, now)
  await insertRootUnit(
    tx,
    {
      id: created.rootUnitId,
      instansiId: created.instansiId,
      code: input.rootUnitCode.trim(),
      name: input.rootUnitName.trim(),
    },
    now,
  )
  // Nobody is signed in yet: the wizard or the operator at the CLI, under the label they were given.
  const origin: ChangeOrigin = { instansiId: created.instansiId, userId: null, label: auditActorLabel }
  await recordChangeAs(
    tx,
    origin,
    meta,
    {
      action: 'instansi.create',
      objectType: 'instansi',
      objectId: created.instansiId,
      after: {
        slug,
        name: input.instansiName.trim(),
        rootUnit: {
          id: created.rootUnitId,
          code: input.rootUnitCode.trim(),
          name: input.rootUnitName.trim(),
        },
      },
    },
    now,
  )
  const { user, temporaryPassword } = await insertUserWithGrants(
    tx,
    {
      email: input.adminEmail,
      name: input.adminName,
      password: input.adminPassword,
      passwordChosenByUser: passwordChosenByAdmin,
      grants: [{ unitId: created.rootUnitId, role: 'admin' }],
    },
    origin,
    meta,
    now,
  )
  return { instansiId: created.instansiId, rootUnitId: created.rootUnitId, admin: user, temporaryPassword }
}

/** Operators (CLI): add an instansi to a deployment that may already have others. */
export async function createInstansi(
  deps: Pick<IdentityDeps, 'db' | 'clock'>,
  input: CreateInstansiInput,
  auditActorLabel: string,
  meta: RequestMeta,
  /** The demo: its passwords are shown to the one person who loaded it, so none must be changed. */
  options: { passwordChosenByAdmin?: boolean } = {},
): Promise<CreatedInstansi> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    await lockInstansiCreation(tx)
    return createInTransaction(tx, input, auditActorLabel, meta, now, options.passwordChosenByAdmin ?? false)
  })
}

/** First-run wizard: only while no instansi exists; logs the new admin in (who must then enrol 2FA). */
export async function runFirstSetup(
  deps: IdentityDeps,
  input: CreateInstansiInput & { adminPassword: string },
  meta: RequestMeta,
): Promise<CreatedInstansi & NewSessionResult> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    await lockInstansiCreation(tx)
    if (await anyInstansiExists(tx)) {
      throw new AppError('conflict', 'setup.already_done')
    }
    const created = await createInTransaction(tx, input, SETUP_LABEL, meta, now, true)
    // The wizard signs the new admin in with the password just typed: that is their first sign-in.
    await recordSuccessfulLogin(tx, created.admin.id, now)
    const session = await createSession(
      deps,
      tx,
      created.admin,
      { twoFactorPassed: false, method: 'setup' },
      meta,
    )
    return { ...created, ...session }
  })
}
