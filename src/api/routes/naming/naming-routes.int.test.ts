import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import { createTestInstansi, createTestUser, uniqueSuffix } from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { searchAudit } from '../../../db/audit-repository.ts'

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const secret = generateTotpSecret()
  const admin = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }], {
    totpSecret: secret,
  })
  const headers = (await loginAs(app, { ...admin, totpSecret: secret })).headers
  const unitResponse = await app.inject({
    method: 'POST',
    url: '/api/units',
    headers,
    payload: {
      parentId: owner.rootUnit.id,
      code: `DKS${uniqueSuffix()}`,
      name: 'Dinas Kesehatan',
      attributes: { kota: 'Kota Bandung' },
    },
  })
  const unit = unitResponse.json<{ id: string; code: string }>()
  const pj = await createTestUser(ctx.db, owner, [{ unitId: unit.id, role: 'penanggung_jawab' }])
  return { ctx, app, owner, admin, headers, unit, pj }
}

type Setup = Awaited<ReturnType<typeof setup>>

async function register(s: Setup, platform: string, handle: string) {
  const response = await s.app.inject({
    method: 'POST',
    url: '/api/accounts',
    headers: s.headers,
    payload: { unitId: s.unit.id, platform, handle, penanggungJawabUserId: s.pj.id },
  })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<{
    id: string
    naming: { compliant: boolean; expected: string; reason: string | null } | null
  }>()
}

describe('naming routes', () => {
  it('store patterns per platform, audit the change, and flag a breaking handle with the expected form', async () => {
    const s = await setup()
    const put = await s.app.inject({
      method: 'PUT',
      url: '/api/naming/patterns',
      headers: s.headers,
      payload: { patterns: { instagram: 'humas_{kota}*', x: '{instansi}{unit}' } },
    })
    expect(put.statusCode, put.body).toBe(200)
    expect(put.json().patterns).toEqual({ instagram: 'humas_{kota}*', x: '{instansi}{unit}' })
    const good = await register(s, 'instagram', 'humas_kotabandung')
    const bad = await register(s, 'instagram', 'dinkesbdg')
    const other = await register(s, 'tiktok', 'apa_saja')
    expect(good.naming).toMatchObject({ compliant: true, expected: 'humas_kotabandung*' })
    expect(bad.naming).toMatchObject({
      compliant: false,
      reason: {
        key: 'naming.reason_mismatch',
        params: { expected: 'humas_kotabandung*' },
        message: expect.stringContaining('humas_kotabandung*'),
      },
    })
    expect(other.naming).toBeNull()
    const report = await s.app.inject({ method: 'GET', url: '/api/naming/report', headers: s.headers })
    expect(report.json().items).toEqual([
      expect.objectContaining({
        accountId: bad.id,
        handle: 'dinkesbdg',
        pattern: 'humas_{kota}*',
        expected: 'humas_kotabandung*',
        unitCode: s.unit.code,
      }),
    ])
    const flagged = await s.app.inject({
      method: 'GET',
      url: '/api/accounts?breaksNaming=true',
      headers: s.headers,
    })
    expect(flagged.json()).toMatchObject({ total: 1, items: [{ id: bad.id }] })
    const clean = await s.app.inject({
      method: 'GET',
      url: '/api/accounts?breaksNaming=false',
      headers: s.headers,
    })
    expect(
      clean
        .json()
        .items.map((a: { id: string }) => a.id)
        .sort(),
    ).toEqual([good.id, other.id].sort())
    const [entry] = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'naming.update' })
    expect(entry).toMatchObject({ before: {}, after: { instagram: 'humas_{kota}*' } })
  })

  it('follow a unit attribute change: the report uses the new value at once', async () => {
    const s = await setup()
    await s.app.inject({
      method: 'PUT',
      url: '/api/naming/patterns',
      headers: s.headers,
      payload: { patterns: { x: 'humas{kota}' } },
    })
    const account = await register(s, 'x', 'humascimahi')
    expect(account.naming).toMatchObject({ compliant: false })
    await s.app.inject({
      method: 'PATCH',
      url: `/api/units/${s.unit.id}`,
      headers: s.headers,
      payload: { attributes: { kota: 'Cimahi' } },
    })
    const report = await s.app.inject({ method: 'GET', url: '/api/naming/report', headers: s.headers })
    expect(report.json().items).toEqual([])
  })

  it('reject an invalid pattern with the platform named in the details', async () => {
    const s = await setup()
    const response = await s.app.inject({
      method: 'PUT',
      url: '/api/naming/patterns',
      headers: s.headers,
      payload: { patterns: { x: 'humas_{kota' } },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details.x).toMatchObject({
      key: 'naming.brace_unclosed',
      message: expect.stringContaining('tidak ditutup'),
    })
  })

  it('refuse a pattern no unit could comply with, and save with warnings one that some units cannot', async () => {
    const s = await setup()
    const long = await s.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: s.headers,
      payload: {
        parentId: s.owner.rootUnit.id,
        code: `DINASPENDIDIKAN${uniqueSuffix()}`,
        name: 'Dinas Pendidikan',
      },
    })
    expect(long.statusCode, long.body).toBe(200)
    const refused = await s.app.inject({
      method: 'PUT',
      url: '/api/naming/patterns',
      headers: { ...s.headers, 'accept-language': 'en' },
      payload: { patterns: { x: 'humas-{unit}', tiktok: 'humas_pemerintah_kota_contoh_{unit}' } },
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.details).toMatchObject({
      x: { key: 'naming.characters_refused', message: expect.stringContaining('"-"') },
      tiktok: { key: 'naming.always_too_long' },
    })
    const saved = await s.app.inject({
      method: 'PUT',
      url: '/api/naming/patterns',
      headers: s.headers,
      payload: { patterns: { x: 'humas_{unit}', instagram: 'humas_{provinsi}' } },
    })
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json().patterns).toEqual({ x: 'humas_{unit}', instagram: 'humas_{provinsi}' })
    expect(saved.json().warnings.x).toEqual([
      expect.objectContaining({ key: 'naming.too_long_for_units', message: expect.stringContaining('15') }),
    ])
    expect(saved.json().warnings.instagram).toEqual([
      expect.objectContaining({ key: 'naming.attribute_unknown', params: { name: 'provinsi' } }),
    ])
    const read = await s.app.inject({ method: 'GET', url: '/api/naming/patterns', headers: s.headers })
    expect(read.json().warnings).toEqual(saved.json().warnings)
  })

  it('show what a pattern gives one unit and whether the platform accepts it', async () => {
    const s = await setup()
    const test = async (query: string) => {
      const response = await s.app.inject({
        method: 'GET',
        url: `/api/naming/test?unitId=${s.unit.id}&${query}`,
        headers: s.headers,
      })
      expect(response.statusCode, response.body).toBe(200)
      return response.json<{ result: Record<string, unknown> | null }>().result
    }
    expect(await test(`platform=instagram&pattern=${encodeURIComponent('humas_{kota}')}`)).toMatchObject({
      name: 'humas_kotabandung',
      length: 17,
      maximum: 30,
      fits: true,
      unit: { id: s.unit.id },
      verdict: { key: 'naming.fits' },
    })
    expect(await test(`platform=x&pattern=${encodeURIComponent('humas_{kota}')}`)).toMatchObject({
      fits: false,
      verdict: { key: 'naming.too_long', params: { length: 17, maximum: 15 } },
    })
    expect(await test('platform=x')).toBeNull()
    await s.app.inject({
      method: 'PUT',
      url: '/api/naming/patterns',
      headers: s.headers,
      payload: { patterns: { x: '{kota}' } },
    })
    expect(await test('platform=x')).toMatchObject({ pattern: '{kota}', name: 'kotabandung', fits: true })
    const broken = await s.app.inject({
      method: 'GET',
      url: `/api/naming/test?unitId=${s.unit.id}&platform=x&pattern=${encodeURIComponent('humas_{kota')}`,
      headers: s.headers,
    })
    expect(broken.statusCode).toBe(400)
    expect(broken.json().error.details.pattern.key).toBe('naming.brace_unclosed')
  })

  it('let a pengelola read patterns and the report but refuse changing patterns', async () => {
    const s = await setup()
    const pengelola = await createTestUser(s.ctx.db, s.owner, [{ unitId: s.unit.id, role: 'pengelola' }])
    const session = await loginAs(s.app, pengelola)
    expect(
      (await s.app.inject({ method: 'GET', url: '/api/naming/patterns', headers: session.headers }))
        .statusCode,
    ).toBe(200)
    expect(
      (await s.app.inject({ method: 'GET', url: '/api/naming/report', headers: session.headers })).statusCode,
    ).toBe(200)
    const put = await s.app.inject({
      method: 'PUT',
      url: '/api/naming/patterns',
      headers: session.headers,
      payload: { patterns: { x: 'x*' } },
    })
    expect(put.statusCode).toBe(403)
  })

  it("keep each instansi's patterns and report to itself", async () => {
    const s = await setup()
    await s.app.inject({
      method: 'PUT',
      url: '/api/naming/patterns',
      headers: s.headers,
      payload: { patterns: { instagram: 'humas_*' } },
    })
    await register(s, 'instagram', 'bukan_humas')
    const stranger = await createTestInstansi(s.ctx.db)
    const secret = generateTotpSecret()
    const otherAdmin = await createTestUser(
      s.ctx.db,
      stranger,
      [{ unitId: stranger.rootUnit.id, role: 'admin' }],
      { totpSecret: secret },
    )
    const other = await loginAs(s.app, { ...otherAdmin, totpSecret: secret })
    expect(
      (await s.app.inject({ method: 'GET', url: '/api/naming/patterns', headers: other.headers })).json()
        .patterns,
    ).toEqual({})
    expect(
      (await s.app.inject({ method: 'GET', url: '/api/naming/report', headers: other.headers })).json().items,
    ).toEqual([])
  })
})
