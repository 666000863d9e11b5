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
import { getUnit } from '../../../db/units-repository.ts'

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const secret = generateTotpSecret()
  const admin = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }], {
    totpSecret: secret,
  })
  const adminSession = await loginAs(app, { ...admin, totpSecret: secret })
  return { ctx, app, owner, admin, adminSession, headers: adminSession.headers }
}

type Setup = Awaited<ReturnType<typeof setup>>

async function createUnit(
  s: Setup,
  parentId: string,
  code = `U${uniqueSuffix()}`,
  extra: Record<string, unknown> = {},
) {
  const response = await s.app.inject({
    method: 'POST',
    url: '/api/units',
    headers: s.headers,
    payload: { parentId, code, name: `Unit ${code}`, ...extra },
  })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<{ id: string; path: string; code: string; parentId: string }>()
}

describe('units routes', () => {
  it('create units under a parent, list them as a tree and audit each creation', async () => {
    const s = await setup()
    const biro = await createUnit(s, s.owner.rootUnit.id, 'BIRO-HUMAS', {
      name: 'Biro Humas',
      kind: 'biro',
      attributes: { kota: 'Bandung' },
    })
    const seksi = await createUnit(s, biro.id, 'SEKSI-MEDIA')
    expect(biro.path).toBe(`${s.owner.rootUnit.path}${biro.id}/`)
    expect(seksi.path).toBe(`${biro.path}${seksi.id}/`)
    const list = await s.app.inject({ method: 'GET', url: '/api/units', headers: s.headers })
    expect(list.statusCode).toBe(200)
    const items = list.json<{
      items: Array<{ id: string; depth: number; attributes: Record<string, string> }>
    }>().items
    expect(items.map((u) => [u.id, u.depth])).toEqual([
      [s.owner.rootUnit.id, 0],
      [biro.id, 1],
      [seksi.id, 2],
    ])
    expect(items[1]!.attributes).toEqual({ kota: 'Bandung' })
    const audit = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'unit.create' })
    expect(audit.map((e) => e.objectId).sort()).toEqual([biro.id, seksi.id].sort())
    expect(audit[0]!.actorUserId).toBe(s.admin.id)
  })

  it('store the kind chosen from the list by its code, keep a kind of its own as typed, and audit a change', async () => {
    const s = await setup()
    const unit = await createUnit(s, s.owner.rootUnit.id, undefined, { kind: 'Kantor Pelayanan' })
    const read = async () =>
      (await s.app.inject({ method: 'GET', url: `/api/units/${unit.id}`, headers: s.headers })).json<{
        kind: string
      }>().kind
    expect(await read()).toBe('kantor_pelayanan')
    const changed = await s.app.inject({
      method: 'PATCH',
      url: `/api/units/${unit.id}`,
      headers: s.headers,
      payload: { kind: '  Inspektorat  Daerah ' },
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(await read()).toBe('Inspektorat Daerah')
    const entries = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'unit.update' })
    expect(entries.find((entry) => entry.objectId === unit.id)).toMatchObject({
      before: { kind: 'kantor_pelayanan' },
      after: { kind: 'Inspektorat Daerah' },
    })
    const untouched = await createUnit(s, s.owner.rootUnit.id)
    expect(
      (await s.app.inject({ method: 'GET', url: `/api/units/${untouched.id}`, headers: s.headers })).json<{
        kind: string
      }>().kind,
    ).toBe('unit')
  })

  it('refuse a unit code already used in the instansi, in any letter case', async () => {
    const s = await setup()
    await createUnit(s, s.owner.rootUnit.id, 'DINKES')
    const again = await s.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: s.headers,
      payload: { parentId: s.owner.rootUnit.id, code: 'dinkes', name: 'Lagi' },
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.message).toContain('sudah dipakai')
  })

  it('answer one of two simultaneous creations with the same code with 409, never 500', async () => {
    const s = await setup()
    const payload = { parentId: s.owner.rootUnit.id, code: `RACE${uniqueSuffix()}`, name: 'Balapan' }
    const responses = await Promise.all(
      [0, 1].map(() => s.app.inject({ method: 'POST', url: '/api/units', headers: s.headers, payload })),
    )
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409])
  })

  it('rename a unit and record before and after in the audit log', async () => {
    const s = await setup()
    const unit = await createUnit(s, s.owner.rootUnit.id)
    const renamed = await s.app.inject({
      method: 'PATCH',
      url: `/api/units/${unit.id}`,
      headers: s.headers,
      payload: { name: 'Dinas Komunikasi dan Informatika' },
    })
    expect(renamed.statusCode).toBe(200)
    expect(renamed.json().name).toBe('Dinas Komunikasi dan Informatika')
    const [entry] = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'unit.update' })
    expect(entry).toMatchObject({
      before: { name: `Unit ${unit.code}` },
      after: { name: 'Dinas Komunikasi dan Informatika' },
    })
  })

  it("set the contact citizens reach a unit by (a saved reply's {kontak_unit}), trimmed, audited, cleared by ''", async () => {
    const s = await setup()
    const unit = await createUnit(s, s.owner.rootUnit.id)
    const patch = (contact: string) =>
      s.app.inject({
        method: 'PATCH',
        url: `/api/units/${unit.id}`,
        headers: s.headers,
        payload: { contact },
      })
    const set = await patch('  WA 0811-2900-123 (Senin–Jumat)  ')
    expect(set.statusCode, set.body).toBe(200)
    expect(set.json().contact).toBe('WA 0811-2900-123 (Senin–Jumat)')
    const [entry] = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'unit.update' })
    expect(entry).toMatchObject({
      before: { contact: '' },
      after: { contact: 'WA 0811-2900-123 (Senin–Jumat)' },
    })
    expect((await patch('')).json().contact).toBe('')
    expect((await patch('x'.repeat(501))).statusCode).toBe(400)
  })

  it('move a unit with its whole subtree and rewrite every path', async () => {
    const s = await setup()
    const a = await createUnit(s, s.owner.rootUnit.id)
    const b = await createUnit(s, s.owner.rootUnit.id)
    const a1 = await createUnit(s, a.id)
    const a11 = await createUnit(s, a1.id)
    const moved = await s.app.inject({
      method: 'POST',
      url: `/api/units/${a.id}/move`,
      headers: s.headers,
      payload: { parentId: b.id },
    })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json()).toMatchObject({ parentId: b.id, path: `${b.path}${a.id}/` })
    expect((await getUnit(s.ctx.db, s.owner.id, a11.id))!.path).toBe(`${b.path}${a.id}/${a1.id}/${a11.id}/`)
    const [entry] = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'unit.move' })
    expect(entry).toMatchObject({ objectId: a.id, after: { parentId: b.id, unitsMoved: 3 } })
  })

  it('refuse moving a unit under itself or under its own descendant, changing nothing', async () => {
    const s = await setup()
    const a = await createUnit(s, s.owner.rootUnit.id)
    const child = await createUnit(s, a.id)
    const self = await s.app.inject({
      method: 'POST',
      url: `/api/units/${a.id}/move`,
      headers: s.headers,
      payload: { parentId: a.id },
    })
    const below = await s.app.inject({
      method: 'POST',
      url: `/api/units/${a.id}/move`,
      headers: s.headers,
      payload: { parentId: child.id },
    })
    expect(self.statusCode).toBe(400)
    expect(below.statusCode).toBe(400)
    expect(below.json().error.message).toContain('turunannya')
    expect((await getUnit(s.ctx.db, s.owner.id, a.id))!.path).toBe(a.path)
  })

  it('refuse archiving a unit with active children unless forced, then archive the subtree and unarchive', async () => {
    const s = await setup()
    const a = await createUnit(s, s.owner.rootUnit.id)
    const child = await createUnit(s, a.id)
    const refused = await s.app.inject({
      method: 'POST',
      url: `/api/units/${a.id}/archive`,
      headers: s.headers,
      payload: {},
    })
    expect(refused.statusCode).toBe(412)
    expect(refused.json().error.message).toContain('1 unit aktif')
    const forced = await s.app.inject({
      method: 'POST',
      url: `/api/units/${a.id}/archive`,
      headers: s.headers,
      payload: { force: true },
    })
    expect(forced.statusCode).toBe(200)
    expect(forced.json().archivedAt).not.toBeNull()
    expect((await getUnit(s.ctx.db, s.owner.id, child.id))!.archivedAt).not.toBeNull()
    const listed = await s.app.inject({ method: 'GET', url: '/api/units', headers: s.headers })
    expect(listed.json().items.map((u: { id: string }) => u.id)).not.toContain(a.id)
    const childFirst = await s.app.inject({
      method: 'POST',
      url: `/api/units/${child.id}/unarchive`,
      headers: s.headers,
    })
    expect(childFirst.statusCode).toBe(412)
    const restored = await s.app.inject({
      method: 'POST',
      url: `/api/units/${a.id}/unarchive`,
      headers: s.headers,
    })
    expect(restored.statusCode).toBe(200)
    expect(restored.json().archivedAt).toBeNull()
    const actions = (await searchAudit(s.ctx.db, { instansiId: s.owner.id, objectType: 'unit' })).map(
      (e) => e.action,
    )
    expect(actions).toContain('unit.archive')
    expect(actions).toContain('unit.unarchive')
  })

  it('refuse archiving a unit with an active account unless forced, and still let that account be marked dormant', async () => {
    const s = await setup()
    const unit = await createUnit(s, s.owner.rootUnit.id)
    // An account names a penanggung jawab who holds that role on its unit or above.
    const pj = await createTestUser(s.ctx.db, s.owner, [{ unitId: unit.id, role: 'penanggung_jawab' }])
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: s.headers,
      payload: {
        unitId: unit.id,
        platform: 'x',
        handle: `akun_${uniqueSuffix()}`,
        penanggungJawabUserId: pj.id,
      },
    })
    expect(created.statusCode, created.body).toBe(200)
    const refused = await s.app.inject({
      method: 'POST',
      url: `/api/units/${unit.id}/archive`,
      headers: s.headers,
      payload: {},
    })
    expect(refused.statusCode).toBe(412)
    expect(refused.json().error.message).toContain('1 akun aktif')
    expect(
      (
        await s.app.inject({
          method: 'POST',
          url: `/api/units/${unit.id}/archive`,
          headers: s.headers,
          payload: { force: true },
        })
      ).statusCode,
    ).toBe(200)
    const dormant = await s.app.inject({
      method: 'PATCH',
      url: `/api/accounts/${created.json().id}`,
      headers: s.headers,
      payload: { status: 'dormant' },
    })
    expect(dormant.statusCode, dormant.body).toBe(200)
    const another = await s.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: s.headers,
      payload: {
        unitId: unit.id,
        platform: 'x',
        handle: `akun_${uniqueSuffix()}`,
        penanggungJawabUserId: pj.id,
      },
    })
    expect(another.statusCode).toBe(400)
  })

  it('archive a leaf unit without force and refuse archiving the root', async () => {
    const s = await setup()
    const leaf = await createUnit(s, s.owner.rootUnit.id)
    expect(
      (
        await s.app.inject({
          method: 'POST',
          url: `/api/units/${leaf.id}/archive`,
          headers: s.headers,
          payload: {},
        })
      ).statusCode,
    ).toBe(200)
    expect(
      (
        await s.app.inject({
          method: 'POST',
          url: `/api/units/${s.owner.rootUnit.id}/archive`,
          headers: s.headers,
          payload: { force: true },
        })
      ).statusCode,
    ).toBe(400)
  })

  it('show a unit-level user only their own subtree and refuse them unit management', async () => {
    const s = await setup()
    const a = await createUnit(s, s.owner.rootUnit.id)
    const a1 = await createUnit(s, a.id)
    const b = await createUnit(s, s.owner.rootUnit.id)
    const pengelola = await createTestUser(s.ctx.db, s.owner, [{ unitId: a.id, role: 'pengelola' }])
    const session = await loginAs(s.app, pengelola)
    const list = await s.app.inject({ method: 'GET', url: '/api/units', headers: session.headers })
    expect(list.json().items.map((u: { id: string; depth: number }) => [u.id, u.depth])).toEqual([
      [a.id, 1],
      [a1.id, 2],
    ])
    expect(
      (await s.app.inject({ method: 'GET', url: `/api/units/${b.id}`, headers: session.headers })).statusCode,
    ).toBe(403)
    const create = await s.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: session.headers,
      payload: { parentId: a.id, code: 'X1', name: 'X' },
    })
    expect(create.statusCode).toBe(403)
    const rename = await s.app.inject({
      method: 'PATCH',
      url: `/api/units/${a.id}`,
      headers: session.headers,
      payload: { name: 'Diubah' },
    })
    expect(rename.statusCode).toBe(403)
  })

  it("answer 404 for another instansi's unit ids on every unit route", async () => {
    const s = await setup()
    const other = await createTestInstansi(s.ctx.db)
    const foreign = await createTestUnit(s.ctx.db, other, other.rootUnit)
    const mine = await createUnit(s, s.owner.rootUnit.id)
    const calls = [
      { method: 'GET' as const, url: `/api/units/${foreign.id}` },
      { method: 'PATCH' as const, url: `/api/units/${foreign.id}`, payload: { name: 'x' } },
      {
        method: 'POST' as const,
        url: `/api/units/${foreign.id}/move`,
        payload: { parentId: s.owner.rootUnit.id },
      },
      { method: 'POST' as const, url: `/api/units/${mine.id}/move`, payload: { parentId: foreign.id } },
      { method: 'POST' as const, url: `/api/units/${foreign.id}/archive`, payload: { force: true } },
      { method: 'POST' as const, url: `/api/units/${foreign.id}/unarchive` },
      {
        method: 'POST' as const,
        url: '/api/units',
        payload: { parentId: foreign.id, code: `F${uniqueSuffix()}`, name: 'F' },
      },
    ]
    for (const call of calls) {
      const response = await s.app.inject({ ...call, headers: s.headers })
      expect(response.statusCode, `${call.method} ${call.url}`).toBe(404)
    }
    const list = await s.app.inject({ method: 'GET', url: '/api/units', headers: s.headers })
    expect(list.json().items.map((u: { id: string }) => u.id)).not.toContain(foreign.id)
  })

  it('refuse unauthenticated requests and bad input with clear statuses', async () => {
    const s = await setup()
    expect((await s.app.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(401)
    const bad = await s.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: s.headers,
      payload: { parentId: s.owner.rootUnit.id, code: 'bad code!', name: 'x' },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details).toHaveProperty('code')
    const attrs = await s.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: s.headers,
      payload: {
        parentId: s.owner.rootUnit.id,
        code: `A${uniqueSuffix()}`,
        name: 'x',
        attributes: { unit: 'x' },
      },
    })
    expect(attrs.statusCode).toBe(400)
  })
})

describe('OpenAPI document', () => {
  it('publishes every organisation route with its schema to a signed-in user', async () => {
    const { app, headers } = await setup()
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json', headers })
    expect(response.statusCode).toBe(200)
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths)
    for (const path of [
      '/api/units',
      '/api/units/{id}/move',
      '/api/accounts',
      '/api/accounts/imports',
      '/api/accounts/export.csv',
      '/api/naming/patterns',
      '/api/naming/report',
      '/api/calendar',
      '/api/calendar/deadline',
      '/api/calendar/days/{date}',
      '/api/audit',
      '/api/audit/export.csv',
    ]) {
      expect(paths, path).toContain(path)
    }
  })
})
