import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import {
  createTestInstansi,
  createTestUnit,
  createTestUser,
  type TestInstansi,
} from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import type { Db } from '../../../db/client.ts'
import { eq } from 'drizzle-orm'
import { accountPengelola, accounts, users } from '../../../db/schema/index.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { setNamingPatterns } from '../../../db/settings-repository.ts'
import { addCalendarDays, jakartaDateOf } from '../../../features/calendar/add-working-days.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'

const today = () => jakartaDateOf(new Date())

async function insertAccount(
  db: Db,
  owner: TestInstansi,
  values: {
    unitId: string
    platform: string
    handle: string
    pj: string
    twoFactor: boolean
    rotatedDaysAgo: number | null
  },
): Promise<string> {
  const [row] = await db
    .insert(accounts)
    .values({
      instansiId: owner.id,
      unitId: values.unitId,
      platform: values.platform,
      handle: values.handle,
      url: `https://example.org/${values.handle}`,
      penanggungJawabUserId: values.pj,
      platformTwoFactor: values.twoFactor,
      credentialRotatedOn:
        values.rotatedDaysAgo === null ? null : addCalendarDays(today(), -values.rotatedDaysAgo),
    })
    .returning({ id: accounts.id })
  return row!.id
}

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const secret = generateTotpSecret()
  const admin = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }], {
    totpSecret: secret,
  })
  const headers = (await loginAs(app, { ...admin, totpSecret: secret })).headers
  return { ctx, app, owner, admin, headers }
}

type Setup = Awaited<ReturnType<typeof setup>>

async function attention(s: Setup, headers = s.headers) {
  const response = await s.app.inject({ method: 'GET', url: '/api/home/attention', headers })
  expect(response.statusCode, response.body).toBe(200)
  const body = response.json<{
    checklist: Array<{ step: string; done: boolean; count: number }> | null
    counts: Array<{ item: string; count: number }>
    accounts: number
    settings: { credentialRotationDays: number }
    calendarMissingYears: number[]
  }>()
  return {
    ...body,
    count: Object.fromEntries(body.counts.map((entry) => [entry.item, entry.count])),
    steps: body.checklist && Object.fromEntries(body.checklist.map((entry) => [entry.step, entry.done])),
  }
}

/** Two units with four accounts between them; see each account's comment for what is wrong with it. */
async function populate(s: Setup) {
  const db = s.ctx.db
  const dinkes = await createTestUnit(db, s.owner, s.owner.rootUnit, `DINKES${s.owner.slug.slice(-4)}`)
  const disdik = await createTestUnit(db, s.owner, s.owner.rootUnit, `DISDIK${s.owner.slug.slice(-4)}`)
  const pj = await createTestUser(db, s.owner, [{ unitId: disdik.id, role: 'penanggung_jawab' }])
  const pengelola = await createTestUser(db, s.owner, [{ unitId: dinkes.id, role: 'pengelola' }])
  const analis = await createTestUser(db, s.owner, [{ unitId: disdik.id, role: 'analis' }])
  await setNamingPatterns(db, s.owner.id, { instagram: 'humas_{unit}' }, new Date())
  const ids = {
    // Follows the pattern, has 2FA, rotated 10 days ago; its pengelola has no surat tugas number.
    good: await insertAccount(db, s.owner, {
      unitId: dinkes.id,
      platform: 'instagram',
      handle: `humas_${dinkes.code.toLowerCase()}`,
      pj: s.admin.id,
      twoFactor: true,
      rotatedDaysAgo: 10,
    }),
    // Breaks the pattern, no 2FA, never rotated.
    breaking: await insertAccount(db, s.owner, {
      unitId: dinkes.id,
      platform: 'instagram',
      handle: 'dinkes_official',
      pj: s.admin.id,
      twoFactor: false,
      rotatedDaysAgo: null,
    }),
    // No pattern for X; has 2FA; rotated 100 days ago.
    stale: await insertAccount(db, s.owner, {
      unitId: disdik.id,
      platform: 'x',
      handle: 'disdik_kota',
      pj: pj.id,
      twoFactor: true,
      rotatedDaysAgo: 100,
    }),
    // Follows the pattern, no 2FA, rotated 45 days ago.
    noTwoFactor: await insertAccount(db, s.owner, {
      unitId: disdik.id,
      platform: 'instagram',
      handle: `humas_${disdik.code.toLowerCase()}`,
      pj: pj.id,
      twoFactor: false,
      rotatedDaysAgo: 45,
    }),
  }
  await db.insert(accountPengelola).values([
    {
      accountId: ids.good,
      instansiId: s.owner.id,
      userId: pengelola.id,
      suratTugasNumber: '  ',
      suratTugasDate: '2026-01-05',
    },
    {
      accountId: ids.breaking,
      instansiId: s.owner.id,
      userId: pengelola.id,
      suratTugasNumber: '800/12/2026',
      suratTugasDate: '2026-01-05',
    },
  ])
  return { dinkes, disdik, pj, pengelola, analis, ids }
}

describe('GET /api/home/attention', () => {
  it('gives the admin of a new instansi a checklist with nothing done but their own 2FA', async () => {
    const s = await setup()
    const view = await attention(s)
    expect(view.steps).toEqual({
      units: false,
      naming: false,
      accounts: false,
      users: false,
      two_factor: true,
    })
    expect(view.count).toEqual({ naming: 0, platform_two_factor: 0, surat_tugas: 0, credential_rotation: 0 })
    expect(view.settings).toEqual({ credentialRotationDays: 90 })
  })

  it('ticks each step once it is done, and names the approvers still without 2FA', async () => {
    const s = await setup()
    const { pj } = await populate(s)
    const view = await attention(s)
    expect(view.steps).toEqual({
      units: true,
      naming: true,
      accounts: true,
      users: true,
      two_factor: false,
    })
    expect(view.checklist?.find((entry) => entry.step === 'users')?.count).toBe(4)
    expect(view.checklist?.find((entry) => entry.step === 'two_factor')?.count).toBe(1)
    // Once the penanggung jawab is disabled, no active approver is left without 2FA.
    await s.ctx.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, pj.id))
    expect((await attention(s)).steps?.two_factor).toBe(true)
  })

  it('counts what is wrong with the accounts of the whole instansi for its admin', async () => {
    const s = await setup()
    await populate(s)
    const view = await attention(s)
    expect(view.accounts).toBe(4)
    expect(view.count).toEqual({
      naming: 1,
      platform_two_factor: 2,
      surat_tugas: 1,
      credential_rotation: 2,
    })
  })

  it("counts only the accounts of an analyst's own units, without the checklist", async () => {
    const s = await setup()
    const { analis } = await populate(s)
    const session = await loginAs(s.app, analis)
    const view = await attention(s, session.headers)
    expect(view.checklist).toBeNull()
    expect(view.calendarMissingYears).toEqual([])
    expect(view.accounts).toBe(2)
    expect(view.count).toEqual({
      naming: 0,
      platform_two_factor: 1,
      surat_tugas: 0,
      credential_rotation: 1,
    })
  })

  it('counts nothing of another instansi', async () => {
    const s = await setup()
    await populate(s)
    const other = await setup()
    const view = await attention(other)
    expect(view.accounts).toBe(0)
    expect(view.count).toEqual({ naming: 0, platform_two_factor: 0, surat_tugas: 0, credential_rotation: 0 })
  })
})

describe('GET /api/home/attention/{item}', () => {
  async function list(s: Setup, item: string, query = '', headers = s.headers) {
    const response = await s.app.inject({
      method: 'GET',
      url: `/api/home/attention/${item}${query}`,
      headers,
    })
    expect(response.statusCode, response.body).toBe(200)
    return response.json<{
      items: Array<{
        accountId: string
        handle: string
        credentialRotatedOn: string | null
        naming: { expected: string } | null
        pengelola: { name: string; suratTugasNumber: string | null } | null
        unit: { code: string }
      }>
      total: number
    }>()
  }

  it('lists the accounts behind each count, with what is wrong', async () => {
    const s = await setup()
    const { dinkes, pengelola, ids } = await populate(s)
    const naming = await list(s, 'naming')
    expect(naming.total).toBe(1)
    expect(naming.items[0]).toMatchObject({
      accountId: ids.breaking,
      handle: 'dinkes_official',
      naming: { expected: `humas_${dinkes.code.toLowerCase()}` },
    })
    const twoFactor = await list(s, 'platform_two_factor')
    expect(twoFactor.items.map((item) => item.accountId).sort()).toEqual(
      [ids.breaking, ids.noTwoFactor].sort(),
    )
    const surat = await list(s, 'surat_tugas')
    expect(surat.items).toHaveLength(1)
    expect(surat.items[0]).toMatchObject({
      accountId: ids.good,
      pengelola: { name: `Pengguna ${pengelola.email}` },
    })
    // Never rotated first, then the longest overdue.
    const rotation = await list(s, 'credential_rotation')
    expect(rotation.items.map((item) => item.accountId)).toEqual([ids.breaking, ids.stale])
    expect(rotation.items[0]!.credentialRotatedOn).toBeNull()
  })

  it('pages a list and keeps the total', async () => {
    const s = await setup()
    const { ids } = await populate(s)
    const first = await list(s, 'credential_rotation', '?limit=1')
    const second = await list(s, 'credential_rotation', '?limit=1&offset=1')
    expect([first.total, second.total]).toEqual([2, 2])
    expect([...first.items, ...second.items].map((item) => item.accountId)).toEqual([ids.breaking, ids.stale])
  })

  it('refuses an unknown list', async () => {
    const s = await setup()
    const response = await s.app.inject({
      method: 'GET',
      url: '/api/home/attention/everything',
      headers: s.headers,
    })
    expect(response.statusCode).toBe(400)
  })
})

describe('PUT /api/home/attention/settings', () => {
  it('changes the rotation period, which changes the overdue count, and audits the change', async () => {
    const s = await setup()
    await populate(s)
    const response = await s.app.inject({
      method: 'PUT',
      url: '/api/home/attention/settings',
      headers: s.headers,
      payload: { credentialRotationDays: 30 },
    })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toEqual({ credentialRotationDays: 30 })
    // 30 days: the accounts rotated 45 and 100 days ago and the one never rotated.
    expect((await attention(s)).count.credential_rotation).toBe(3)
    const [entry] = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'attention.settings' })
    expect(entry).toMatchObject({
      before: { credentialRotationDays: 90 },
      after: { credentialRotationDays: 30 },
    })
  })

  it('refuses a period outside 7–730 days and a user who is not the instansi admin', async () => {
    const s = await setup()
    const tooShort = await s.app.inject({
      method: 'PUT',
      url: '/api/home/attention/settings',
      headers: s.headers,
      payload: { credentialRotationDays: 3 },
    })
    expect(tooShort.statusCode).toBe(400)
    expect(tooShort.json()).toMatchObject({ error: { details: { credentialRotationDays: {} } } })
    const unit = await createTestUnit(s.ctx.db, s.owner, s.owner.rootUnit)
    const pengelola = await createTestUser(s.ctx.db, s.owner, [{ unitId: unit.id, role: 'pengelola' }])
    const session = await loginAs(s.app, pengelola)
    const refused = await s.app.inject({
      method: 'PUT',
      url: '/api/home/attention/settings',
      headers: session.headers,
      payload: { credentialRotationDays: 30 },
    })
    expect(refused.statusCode).toBe(403)
  })
})
