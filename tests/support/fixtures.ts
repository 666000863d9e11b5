// Test data builders. Each call makes new, uniquely named rows so tests never collide on the shared database.
import { randomUUID } from 'node:crypto'
import { hash } from '@node-rs/argon2'
import type { Db } from '../../src/db/client.ts'
import { instansi, roleGrants, units, users } from '../../src/db/schema/index.ts'
import type { Role } from '../../src/features/access/policy.ts'

export interface TestInstansi {
  id: string
  slug: string
  rootUnit: { id: string; path: string; code: string }
}

export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8)
}

export async function createTestInstansi(db: Db, name = 'Instansi Uji'): Promise<TestInstansi> {
  const suffix = uniqueSuffix()
  const [row] = await db
    .insert(instansi)
    .values({ slug: `uji-${suffix}`, name: `${name} ${suffix}` })
    .returning()
  const rootId = randomUUID()
  const path = `/${rootId}/`
  await db
    .insert(units)
    .values({ id: rootId, instansiId: row!.id, path, code: 'PUSAT', name: 'Kantor Pusat', kind: 'instansi' })
  return { id: row!.id, slug: row!.slug, rootUnit: { id: rootId, path, code: 'PUSAT' } }
}

export async function createTestUnit(
  db: Db,
  owner: TestInstansi,
  parent: { id: string; path: string },
  code = `U-${uniqueSuffix()}`,
): Promise<{ id: string; path: string; code: string }> {
  const id = randomUUID()
  const path = `${parent.path}${id}/`
  await db
    .insert(units)
    .values({ id, instansiId: owner.id, parentId: parent.id, path, code, name: `Unit ${code}` })
  return { id, path, code }
}

export const TEST_PASSWORD = 'kata-sandi-uji-yang-panjang'
let cachedHash: Promise<string> | undefined

export interface TestUser {
  id: string
  email: string
  password: string
  instansiId: string
}

export async function createTestUser(
  db: Db,
  owner: TestInstansi,
  grants: { unitId: string; role: Role }[],
  options: { email?: string; totpSecret?: string } = {},
): Promise<TestUser> {
  cachedHash ??= hash(TEST_PASSWORD)
  const email = options.email ?? `user-${uniqueSuffix()}@uji.go.id`
  const [user] = await db
    .insert(users)
    .values({
      instansiId: owner.id,
      email,
      name: `Pengguna ${email}`,
      passwordHash: await cachedHash,
      totpSecret: options.totpSecret ?? null,
      totpEnabledAt: options.totpSecret ? new Date() : null,
    })
    .returning()
  for (const grant of grants) {
    await db
      .insert(roleGrants)
      .values({ instansiId: owner.id, userId: user!.id, unitId: grant.unitId, role: grant.role })
  }
  return { id: user!.id, email, password: TEST_PASSWORD, instansiId: owner.id }
}
