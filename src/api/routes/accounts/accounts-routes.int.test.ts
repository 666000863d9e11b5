import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import {
  createTestInstansi,
  createTestUnit,
  createTestUser,
  uniqueSuffix,
} from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { verifyAuditLog } from '../../../features/audit/verify-audit-log.ts'

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const dinkes = await createTestUnit(ctx.db, owner, owner.rootUnit, `DINKES${uniqueSuffix()}`)
  const puskesmas = await createTestUnit(ctx.db, owner, dinkes, `PKM${uniqueSuffix()}`)
  const other = await createTestUnit(ctx.db, owner, owner.rootUnit, `DISDIK${uniqueSuffix()}`)
  const secret = generateTotpSecret()
  const admin = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }], {
    totpSecret: secret,
  })
  const pj = await createTestUser(ctx.db, owner, [{ unitId: dinkes.id, role: 'penanggung_jawab' }])
  const pengelola = await createTestUser(ctx.db, owner, [{ unitId: dinkes.id, role: 'pengelola' }])
  const adminSession = await loginAs(app, { ...admin, totpSecret: secret })
  return { ctx, app, owner, dinkes, puskesmas, other, admin, pj, pengelola, headers: adminSession.headers }
}

type Setup = Awaited<ReturnType<typeof setup>>

function accountPayload(s: Setup, overrides: Record<string, unknown> = {}) {
  return {
    unitId: s.dinkes.id,
    platform: 'instagram',
    handle: `@Dinkes.${uniqueSuffix()}`,
    penanggungJawabUserId: s.pj.id,
    pengelola: [
      { userId: s.pengelola.id, suratTugasNumber: '800/12/Humas/2025', suratTugasDate: '2025-01-10' },
    ],
    verificationStatus: 'verified',
    platformTwoFactor: true,
    credentialRotatedOn: '2025-06-01',
    notes: 'Akun utama',
    ...overrides,
  }
}

async function createAccount(s: Setup, overrides: Record<string, unknown> = {}) {
  const response = await s.app.inject({
    method: 'POST',
    url: '/api/accounts',
    headers: s.headers,
    payload: accountPayload(s, overrides),
  })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<{ id: string; handle: string; url: string; naming: unknown }>()
}

describe('accounts routes', () => {
  it('register an account with its penanggung jawab and pengelola, normalise the handle and audit it', async () => {
    const s = await setup()
    const created = await createAccount(s, { handle: '@Dinkes.Kota' })
    expect(created).toMatchObject({
      handle: 'dinkes.kota',
      url: 'https://www.instagram.com/dinkes.kota/',
      unit: { id: s.dinkes.id, code: s.dinkes.code },
      penanggungJawab: { userId: s.pj.id, email: s.pj.email },
      pengelola: [
        { userId: s.pengelola.id, suratTugasNumber: '800/12/Humas/2025', suratTugasDate: '2025-01-10' },
      ],
      verificationStatus: 'verified',
      platformTwoFactor: true,
      credentialRotatedOn: '2025-06-01',
      status: 'active',
      naming: null,
    })
    const read = await s.app.inject({ method: 'GET', url: `/api/accounts/${created.id}`, headers: s.headers })
    expect(read.json()).toEqual(created)
    const [entry] = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'account.create' })
    expect(entry).toMatchObject({
      objectId: created.id,
      actorUserId: s.admin.id,
      after: { handle: 'dinkes.kota', platform: 'instagram' },
    })
  })

  it('refuse an invalid handle, a duplicate and a penanggung jawab from another instansi with field details', async () => {
    const s = await setup()
    const bad = await s.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: s.headers,
      payload: accountPayload(s, { platform: 'x', handle: 'dinkes kota bandung' }),
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.handle.message).toContain('1–15')
    const first = await createAccount(s, { handle: 'dinkes_dup' })
    const dup = await s.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: s.headers,
      payload: accountPayload(s, { handle: 'DINKES_DUP' }),
    })
    expect(dup.statusCode).toBe(409)
    expect(first.handle).toBe('dinkes_dup')
    const stranger = await createTestInstansi(s.ctx.db)
    const foreignUser = await createTestUser(s.ctx.db, stranger, [
      { unitId: stranger.rootUnit.id, role: 'penanggung_jawab' },
    ])
    const foreign = await s.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: s.headers,
      payload: accountPayload(s, { penanggungJawabUserId: foreignUser.id }),
    })
    expect(foreign.statusCode).toBe(400)
    expect(foreign.json().error.details).toHaveProperty('penanggungJawabUserId')
  })

  it('answer one of two simultaneous registrations of the same handle with 409, never 500', async () => {
    const s = await setup()
    const payload = accountPayload(s, { handle: 'dinkes_race' })
    const responses = await Promise.all(
      [0, 1].map(() => s.app.inject({ method: 'POST', url: '/api/accounts', headers: s.headers, payload })),
    )
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409])
  })

  it('update an account, replace its pengelola, record before and after, and delete it', async () => {
    const s = await setup()
    const created = await createAccount(s)
    const patched = await s.app.inject({
      method: 'PATCH',
      url: `/api/accounts/${created.id}`,
      headers: s.headers,
      payload: { status: 'dormant', pengelola: [] },
    })
    expect(patched.statusCode, patched.body).toBe(200)
    expect(patched.json()).toMatchObject({ status: 'dormant', pengelola: [], handle: created.handle })
    const [update] = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'account.update' })
    expect(update).toMatchObject({
      before: { status: 'active' },
      after: { status: 'dormant', pengelola: [] },
    })
    const removed = await s.app.inject({
      method: 'DELETE',
      url: `/api/accounts/${created.id}`,
      headers: s.headers,
    })
    expect(removed.statusCode).toBe(200)
    expect(
      (await s.app.inject({ method: 'GET', url: `/api/accounts/${created.id}`, headers: s.headers }))
        .statusCode,
    ).toBe(404)
    expect(
      (await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'account.delete' }))[0]!.before,
    ).toMatchObject({ handle: created.handle })
  })

  it('list with filters on unit subtree, platform and status, with paging and a total', async () => {
    const s = await setup()
    await createAccount(s, { platform: 'x', handle: 'dinkes_a' })
    await createAccount(s, { platform: 'x', handle: 'pkm_b', unitId: s.puskesmas.id })
    await createAccount(s, { platform: 'tiktok', handle: 'disdik_c', unitId: s.other.id, status: 'dormant' })
    const list = async (query: string) => {
      const response = await s.app.inject({
        method: 'GET',
        url: `/api/accounts?${query}`,
        headers: s.headers,
      })
      expect(response.statusCode, response.body).toBe(200)
      const body = response.json<{ items: Array<{ handle: string }>; total: number }>()
      return { handles: body.items.map((a) => a.handle), total: body.total }
    }
    expect(await list(`unitId=${s.dinkes.id}`)).toEqual({ handles: ['dinkes_a', 'pkm_b'], total: 2 })
    expect(await list('platform=tiktok')).toEqual({ handles: ['disdik_c'], total: 1 })
    expect(await list('status=active')).toEqual({ handles: ['dinkes_a', 'pkm_b'], total: 2 })
    // Sorted by platform, then handle: tiktok disdik_c, x dinkes_a, x pkm_b.
    expect(await list('limit=1&offset=1')).toEqual({ handles: ['dinkes_a'], total: 3 })
    expect(await list('q=disdik')).toEqual({ handles: ['disdik_c'], total: 1 })
    expect(await list('limit=10&offset=10')).toEqual({ handles: [], total: 3 })
  })

  it('list each account exactly as its own view shows it, pengelola and penanggung jawab included', async () => {
    const s = await setup()
    const created = await createAccount(s)
    const listed = await s.app.inject({
      method: 'GET',
      url: `/api/accounts?unitId=${s.dinkes.id}`,
      headers: s.headers,
    })
    const single = await s.app.inject({
      method: 'GET',
      url: `/api/accounts/${created.id}`,
      headers: s.headers,
    })
    const items = listed.json<{
      items: Array<{ id: string; pengelola: Array<{ userId: string; suratTugasDate: string }> }>
    }>().items
    expect(items).toEqual([single.json()])
    expect(items[0]!.pengelola).toEqual([
      expect.objectContaining({ userId: s.pengelola.id, suratTugasDate: '2025-01-10' }),
    ])
  })

  it('let a pengelola read the accounts of their unit only and refuse every change', async () => {
    const s = await setup()
    const mine = await createAccount(s, { platform: 'x', handle: 'dinkes_read' })
    const theirs = await createAccount(s, { platform: 'x', handle: 'disdik_hidden', unitId: s.other.id })
    const session = await loginAs(s.app, s.pengelola)
    const list = await s.app.inject({ method: 'GET', url: '/api/accounts', headers: session.headers })
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([mine.id])
    expect(
      (await s.app.inject({ method: 'GET', url: `/api/accounts/${theirs.id}`, headers: session.headers }))
        .statusCode,
    ).toBe(403)
    const writes = [
      { method: 'POST' as const, url: '/api/accounts', payload: accountPayload(s) },
      { method: 'PATCH' as const, url: `/api/accounts/${mine.id}`, payload: { notes: 'x' } },
      { method: 'DELETE' as const, url: `/api/accounts/${mine.id}` },
      {
        method: 'POST' as const,
        url: '/api/accounts/import',
        payload: { csv: 'platform,handle,unit_code,penanggung_jawab_email\n' },
      },
    ]
    for (const call of writes)
      expect(
        (await s.app.inject({ ...call, headers: session.headers })).statusCode,
        `${call.method} ${call.url}`,
      ).toBe(403)
  })

  it("answer 404 for another instansi's account and unit ids", async () => {
    const s = await setup()
    const stranger = await createTestInstansi(s.ctx.db)
    const strangerUnit = await createTestUnit(s.ctx.db, stranger, stranger.rootUnit)
    const theirs = await createAccount(s)
    // The same ids seen from the other instansi's admin.
    const secret = generateTotpSecret()
    const otherAdmin = await createTestUser(
      s.ctx.db,
      stranger,
      [{ unitId: stranger.rootUnit.id, role: 'admin' }],
      { totpSecret: secret },
    )
    const otherSession = await loginAs(s.app, { ...otherAdmin, totpSecret: secret })
    const calls = [
      { method: 'GET' as const, url: `/api/accounts/${theirs.id}` },
      { method: 'PATCH' as const, url: `/api/accounts/${theirs.id}`, payload: { notes: 'x' } },
      { method: 'DELETE' as const, url: `/api/accounts/${theirs.id}` },
      { method: 'GET' as const, url: `/api/accounts?unitId=${s.dinkes.id}` },
    ]
    for (const call of calls)
      expect(
        (await s.app.inject({ ...call, headers: otherSession.headers })).statusCode,
        `${call.method} ${call.url}`,
      ).toBe(404)
    const intoForeignUnit = await s.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: s.headers,
      payload: accountPayload(s, { unitId: strangerUnit.id }),
    })
    expect(intoForeignUnit.statusCode).toBe(404)
    const list = await s.app.inject({ method: 'GET', url: '/api/accounts', headers: otherSession.headers })
    expect(list.json()).toEqual({ items: [], total: 0 })
  })

  it('import a CSV keeping valid rows, report bad rows by line and column, and not duplicate on re-import', async () => {
    const s = await setup()
    const csv = [
      'platform,handle,display_name,unit_code,penanggung_jawab_email,pengelola,verification_status,platform_two_factor,status',
      `x,dinkes_csv,Dinkes Kota,${s.dinkes.code},${s.pj.email},${s.pengelola.email}|800/1/2025|2025-02-01,verified,ya,active`,
      `instagram,pkm.csv,,${s.puskesmas.code},${s.pj.email},,unverified,tidak,active`,
      `x,bad handle!,,${s.dinkes.code},${s.pj.email},,,ya,active`,
      `tiktok,disdik.csv,,NO-SUCH-UNIT,nobody@uji.go.id,,,tidak,active`,
      `whatsapp,0812-3456-7890,,${s.dinkes.code},${s.pj.email},,,tidak,dormant`,
    ].join('\n')
    const first = await s.app.inject({
      method: 'POST',
      url: '/api/accounts/import',
      headers: s.headers,
      payload: { csv },
    })
    expect(first.statusCode, first.body).toBe(200)
    const report = first.json()
    expect(report).toMatchObject({ rows: 5, created: 3, updated: 0, unchanged: 0 })
    expect(report.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 4, column: 'handle' }),
        expect.objectContaining({
          row: 5,
          column: 'unit_code',
          message: expect.stringContaining('NO-SUCH-UNIT'),
        }),
        expect.objectContaining({ row: 5, column: 'penanggung_jawab_email' }),
      ]),
    )
    const again = await s.app.inject({
      method: 'POST',
      url: '/api/accounts/import',
      headers: { ...s.headers, 'content-type': 'text/csv' },
      payload: csv,
    })
    expect(again.statusCode, again.body).toBe(200)
    expect(again.json()).toMatchObject({ rows: 5, created: 0, updated: 0, unchanged: 3 })
    const list = await s.app.inject({ method: 'GET', url: '/api/accounts?limit=100', headers: s.headers })
    expect(
      list
        .json()
        .items.map((a: { handle: string }) => a.handle)
        .sort(),
    ).toEqual(['+6281234567890', 'dinkes_csv', 'pkm.csv'])
    const changed = csv.replace('Dinkes Kota', 'Dinas Kesehatan Kota')
    const third = await s.app.inject({
      method: 'POST',
      url: '/api/accounts/import',
      headers: s.headers,
      payload: { csv: changed },
    })
    expect(third.json()).toMatchObject({ created: 0, updated: 1, unchanged: 2 })
    const importEntries = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'account.import' })
    expect(importEntries).toHaveLength(3)
    // Newest first: the third import changed one account and records its before and after.
    expect(importEntries[0]!.after).toMatchObject({
      updated: 1,
      changes: [
        {
          change: 'update',
          before: { displayName: 'Dinkes Kota' },
          after: { displayName: 'Dinas Kesehatan Kota' },
        },
      ],
    })
    expect((importEntries[2]!.after as { changes: unknown[] }).changes).toHaveLength(3)
    expect((await verifyAuditLog(s.ctx.db, { instansiId: s.owner.id })).breaks).toEqual([])
  })

  it('export CSV with the import columns, which imports back unchanged', async () => {
    const s = await setup()
    await createAccount(s, { platform: 'x', handle: 'dinkes_exp' })
    await createAccount(s, { platform: 'whatsapp', handle: '+62 812 1111 2222', unitId: s.puskesmas.id })
    const exported = await s.app.inject({
      method: 'GET',
      url: '/api/accounts/export.csv',
      headers: s.headers,
    })
    expect(exported.statusCode).toBe(200)
    expect(exported.headers['content-type']).toContain('text/csv')
    const text = exported.body
    expect(text.split('\r\n')[0]).toContain(
      'platform,handle,display_name,url,unit_code,penanggung_jawab_email,pengelola',
    )
    expect(text).toContain(`${s.pengelola.email}|800/12/Humas/2025|2025-01-10`)
    const back = await s.app.inject({
      method: 'POST',
      url: '/api/accounts/import',
      headers: s.headers,
      payload: { csv: text },
    })
    expect(back.json()).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2, errors: [] })
    expect(await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'account.export' })).toHaveLength(1)
  })

  it('describe platforms, statuses and CSV columns for forms', async () => {
    const s = await setup()
    const meta = await s.app.inject({ method: 'GET', url: '/api/accounts/meta', headers: s.headers })
    expect(meta.json().platforms).toHaveLength(10)
    expect(meta.json().csvColumns[0]).toBe('platform')
  })
})
