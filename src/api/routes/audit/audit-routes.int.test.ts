import { describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import { sql } from 'drizzle-orm'
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
import { auditCommand } from '../../../cli/commands/audit.ts'

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const secret = generateTotpSecret()
  const admin = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'admin' }], {
    totpSecret: secret,
  })
  const adminHeaders = (await loginAs(app, { ...admin, totpSecret: secret })).headers
  const auditor = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'auditor' }])
  const auditorHeaders = (await loginAs(app, auditor)).headers
  // A few changes to look at: two units and a calendar edit.
  for (const code of [`A${uniqueSuffix()}`, `B${uniqueSuffix()}`]) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/units',
      headers: adminHeaders,
      payload: { parentId: owner.rootUnit.id, code, name: code },
    })
    expect(response.statusCode).toBe(200)
  }
  await app.inject({
    method: 'POST',
    url: '/api/calendar/days',
    headers: adminHeaders,
    payload: { date: '2026-07-01', kind: 'holiday', name: 'Hari Jadi' },
  })
  return { ctx, app, owner, admin, adminHeaders, auditor, auditorHeaders }
}

function captured() {
  const out: string[] = []
  const err: string[] = []
  return {
    out,
    err,
    output: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) },
  }
}

describe('audit routes', () => {
  it('show an auditor the log newest first with filters on action, object type, actor and period', async () => {
    const s = await setup()
    const all = await s.app.inject({ method: 'GET', url: '/api/audit', headers: s.auditorHeaders })
    expect(all.statusCode, all.body).toBe(200)
    const items = all.json<{
      items: Array<{ id: number; action: string; actorUserId: string | null; ip: string | null }>
    }>().items
    // The two logins of the setup are audited too, before the changes.
    expect(items.map((e) => e.action)).toEqual([
      'calendar.add',
      'unit.create',
      'unit.create',
      'auth.login',
      'auth.login',
    ])
    expect(items[0]!.actorUserId).toBe(s.admin.id)
    expect(items[0]!.ip).toBe('127.0.0.1')
    const byAction = await s.app.inject({
      method: 'GET',
      url: '/api/audit?action=unit.create',
      headers: s.auditorHeaders,
    })
    expect(byAction.json().items).toHaveLength(2)
    const byType = await s.app.inject({
      method: 'GET',
      url: '/api/audit?objectType=calendar_day',
      headers: s.auditorHeaders,
    })
    expect(byType.json().items).toHaveLength(1)
    const byActor = await s.app.inject({
      method: 'GET',
      url: `/api/audit?actorUserId=${s.auditor.id}`,
      headers: s.auditorHeaders,
    })
    expect(byActor.json().items.map((e: { action: string }) => e.action)).toEqual(['auth.login'])
    const past = await s.app.inject({
      method: 'GET',
      url: '/api/audit?from=2020-01-01&to=2020-12-31',
      headers: s.auditorHeaders,
    })
    expect(past.json().items).toHaveLength(0)
    const today = new Date().toISOString()
    const recent = await s.app.inject({
      method: 'GET',
      url: `/api/audit?from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}&to=${encodeURIComponent(today)}`,
      headers: s.auditorHeaders,
    })
    expect(recent.json().items.length).toBeGreaterThanOrEqual(3)
  })

  it('page with beforeId until the last page says there is no more', async () => {
    const s = await setup()
    const total = (
      await s.app.inject({ method: 'GET', url: '/api/audit?limit=500', headers: s.auditorHeaders })
    ).json().items.length
    const seen: number[] = []
    let beforeId: number | null = null
    for (let page = 0; page < 10; page += 1) {
      const url: string = beforeId === null ? '/api/audit?limit=2' : `/api/audit?limit=2&beforeId=${beforeId}`
      const body = (await s.app.inject({ method: 'GET', url, headers: s.auditorHeaders })).json<{
        items: Array<{ id: number }>
        nextBeforeId: number | null
      }>()
      seen.push(...body.items.map((e) => e.id))
      beforeId = body.nextBeforeId
      if (beforeId === null) break
      expect(beforeId).toBe(body.items[1]!.id)
    }
    expect(beforeId).toBeNull()
    expect(seen).toHaveLength(total)
    expect(new Set(seen).size).toBe(total)
    expect([...seen].sort((x, y) => y - x)).toEqual(seen)
  })

  it('export the filtered log as CSV for the auditor and record the export', async () => {
    const s = await setup()
    const response = await s.app.inject({
      method: 'GET',
      url: '/api/audit/export.csv?action=unit.create',
      headers: s.auditorHeaders,
    })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('text/csv')
    const rows: string[][] = parse(response.body, { bom: true })
    expect(rows[0]).toEqual([
      'id',
      'seq',
      'occurred_at',
      'actor_label',
      'actor_user_id',
      'action',
      'object_type',
      'object_id',
      'before',
      'after',
      'ip',
      'user_agent',
      'prev_hash',
      'hash',
    ])
    expect(rows.slice(1).map((row) => row[5])).toEqual(['unit.create', 'unit.create'])
    const [entry] = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'audit.export' })
    expect(entry).toMatchObject({ actorUserId: s.auditor.id, after: { count: 2, action: 'unit.create' } })
  })

  it('let an admin view but not export, and refuse a pengelola both', async () => {
    const s = await setup()
    expect(
      (await s.app.inject({ method: 'GET', url: '/api/audit', headers: s.adminHeaders })).statusCode,
    ).toBe(200)
    expect(
      (await s.app.inject({ method: 'GET', url: '/api/audit/export.csv', headers: s.adminHeaders }))
        .statusCode,
    ).toBe(403)
    const unit = await createTestUnit(s.ctx.db, s.owner, s.owner.rootUnit)
    const pengelola = await createTestUser(s.ctx.db, s.owner, [{ unitId: unit.id, role: 'pengelola' }])
    const session = await loginAs(s.app, pengelola)
    expect(
      (await s.app.inject({ method: 'GET', url: '/api/audit', headers: session.headers })).statusCode,
    ).toBe(403)
    expect(
      (await s.app.inject({ method: 'GET', url: '/api/audit/export.csv', headers: session.headers }))
        .statusCode,
    ).toBe(403)
  })

  it("never show one instansi's entries to another's auditor", async () => {
    const s = await setup()
    const stranger = await createTestInstansi(s.ctx.db)
    const auditor = await createTestUser(s.ctx.db, stranger, [
      { unitId: stranger.rootUnit.id, role: 'auditor' },
    ])
    const session = await loginAs(s.app, auditor)
    const response = await s.app.inject({
      method: 'GET',
      url: `/api/audit?actorUserId=${s.admin.id}`,
      headers: session.headers,
    })
    expect(response.json().items).toEqual([])
  })
})

describe('warta audit verify', () => {
  it('exits 0 with a summary when the chain is intact', async () => {
    const s = await setup()
    const io = captured()
    const code = await auditCommand(s.ctx.db, ['verify', '--instansi', s.owner.slug], io.output)
    expect(code).toBe(0)
    expect(io.out.join('')).toMatch(/^OK 1 chain\(s\), \d+ entries checked: intact/)
  })

  it('exits non-zero and names the first broken link after a row is edited in SQL', async () => {
    const s = await setup()
    const entries = await searchAudit(s.ctx.db, { instansiId: s.owner.id })
    const victim = entries.find((e) => e.seq === 2)!
    await s.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`)
      await tx.execute(
        sql`update audit_log set after = '{"name": "dipalsukan"}'::jsonb where id = ${victim.id}`,
      )
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`)
    })
    const io = captured()
    const code = await auditCommand(s.ctx.db, ['verify', '--instansi', s.owner.slug], io.output)
    expect(code).toBe(1)
    const text = io.err.join('')
    expect(text).toContain(`BROKEN chain ${s.owner.slug}`)
    expect(text).toContain(`entry #2 (row id ${victim.id})`)
    expect(text).toContain('changed')
    expect(text).toMatch(/FAILED 1 chain\(s\), \d+ entries checked: 1 broken/)
  })

  it('answers an unknown instansi and a wrong sub-command with a message', async () => {
    const s = await setup()
    const io = captured()
    expect(await auditCommand(s.ctx.db, ['verify', '--instansi', 'tidak-ada'], io.output)).toBe(1)
    expect(io.err.join('')).toContain('tidak ditemukan')
    expect(await auditCommand(s.ctx.db, ['check'], io.output)).toBe(2)
  })
})
