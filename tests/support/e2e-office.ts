// The office the connection journeys start from: an instansi with its top unit and an admin who is also
// penanggung jawab there, signed in with a password and an authenticator code — written once for every spec.
import { randomUUID } from 'node:crypto'
import { hash } from '@node-rs/argon2'
import type { Page } from 'playwright-core'
import type { Db } from '../../src/db/client.ts'
import { instansi, roleGrants, units, users } from '../../src/db/schema/index.ts'
import { generateTotpSecret, totpCodeAt } from '../../src/features/identity/totp.ts'

export interface OfficeAdmin {
  name: string
  email: string
}

export interface SeededOffice {
  instansiId: string
  rootUnitId: string
  adminId: string
  totpSecret: string
}

export async function seedOfficeWithAdmin(
  db: Db,
  office: { slug: string; name: string; admin: OfficeAdmin; password: string },
): Promise<SeededOffice> {
  const [owner] = await db.insert(instansi).values({ slug: office.slug, name: office.name }).returning()
  const instansiId = owner!.id
  const rootUnitId = randomUUID()
  await db.insert(units).values({
    id: rootUnitId,
    instansiId,
    path: `/${rootUnitId}/`,
    code: 'PEMKOT',
    name: 'Pemerintah Kota',
    kind: 'instansi',
  })
  const totpSecret = generateTotpSecret()
  const adminId = randomUUID()
  await db.insert(users).values({
    id: adminId,
    instansiId,
    ...office.admin,
    passwordHash: await hash(office.password),
    totpSecret,
    totpEnabledAt: new Date(),
  })
  await db.insert(roleGrants).values([
    { instansiId, userId: adminId, unitId: rootUnitId, role: 'admin' },
    { instansiId, userId: adminId, unitId: rootUnitId, role: 'penanggung_jawab' },
  ])
  return { instansiId, rootUnitId, adminId, totpSecret }
}

/** Signs in through the page as a person would (Indonesian screen), ending on the home page's greeting. */
export async function signInWithCode(
  page: Page,
  baseUrl: string,
  admin: OfficeAdmin,
  password: string,
  totpSecret: string,
): Promise<void> {
  await page.goto(baseUrl)
  await page.getByLabel('Alamat e-mail').fill(admin.email)
  await page.getByLabel('Kata sandi', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Masuk', exact: true }).click()
  await page.getByLabel('Kode autentikator').fill(totpCodeAt(totpSecret, new Date()))
  await page.getByRole('button', { name: 'Verifikasi' }).click()
  await page.getByRole('heading', { level: 1, name: `Selamat datang, ${admin.name}` }).waitFor()
}
