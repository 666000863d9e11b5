// Creating a user from operator-facing names (instansi slug, unit code) rather than ids: `warta user create`.
// No policy check: whoever runs the CLI already controls the deployment. Audited under the given label.
import type { Db } from '../../db/client.ts'
import { findInstansiBySlug } from '../../db/instansi-repository.ts'
import { findActiveUnitByCode } from '../../db/units-repository.ts'
import type { UserRow } from '../../db/users-repository.ts'
import { AppError } from '../app-error.ts'
import type { Role } from '../access/policy.ts'
import type { RequestMeta } from '../identity/identity-deps.ts'
import { insertUserWithGrants } from './manage-users.ts'

export interface CreateUserByCodesInput {
  instansiSlug: string
  unitCode: string
  email: string
  name: string
  role: Role
  password?: string | undefined
}

export async function createUserByCodes(
  db: Db,
  input: CreateUserByCodesInput,
  auditActorLabel: string,
  meta: RequestMeta,
  now: Date,
): Promise<{ user: UserRow; unitCode: string; temporaryPassword: string | null }> {
  const instansi = await findInstansiBySlug(db, input.instansiSlug)
  if (!instansi)
    throw new AppError('not_found', 'users.instansi_slug_not_found', { slug: input.instansiSlug })
  const unit = await findActiveUnitByCode(db, instansi.id, input.unitCode)
  if (!unit)
    throw new AppError('not_found', 'users.unit_code_not_found', {
      code: input.unitCode,
      slug: input.instansiSlug,
    })
  const created = await db.transaction((tx) =>
    insertUserWithGrants(
      tx,
      {
        email: input.email,
        name: input.name,
        password: input.password,
        grants: [{ unitId: unit.id, role: input.role }],
      },
      { instansiId: instansi.id, userId: null, label: auditActorLabel },
      meta,
      now,
    ),
  )
  return { ...created, unitCode: unit.code }
}
