import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
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
import { appendAudit } from '../../../features/audit/append-audit.ts'
import { createCheckpointFor } from '../../../features/audit/checkpoints.ts'

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
  const codes = [`A${uniqueSuffix()}`, `B${uniqueSuffix()}`]
  for (const code of codes) {
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
  return { ctx, app, owner, admin, adminHeaders, auditor, auditorHeaders, codes }
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
    // In words: labels, the object's name, the changed fields with readable values.
    expect(items[0]).toMatchObject({
      actionLabel: 'Hari kalender ditambahkan',
      objectTypeLabel: 'Hari kalender',
      objectLabel: '1 Juli 2026 (Hari Jadi)',
      actorName: `Pengguna ${s.admin.email} (${s.admin.email})`,
      truncated: false,
      changes: expect.arrayContaining([
        { field: 'kind', fieldLabel: 'Jenis', before: null, after: 'Libur nasional' },
      ]),
    })
    expect(items[1]).toMatchObject({
      actionLabel: 'Unit kerja dibuat',
      objectLabel: `${s.codes[1]} (${s.codes[1]})`,
      objectLabelSource: 'current',
      changes: expect.arrayContaining([
        expect.objectContaining({ field: 'parentId', after: 'Kantor Pusat (PUSAT)' }),
      ]),
    })
    const english = await s.app.inject({
      method: 'GET',
      url: '/api/audit?limit=1',
      headers: { ...s.auditorHeaders, 'accept-language': 'en' },
    })
    expect(english.json().items[0]).toMatchObject({
      actionLabel: 'Calendar day added',
      objectLabel: '1 July 2026 (Hari Jadi)',
    })
    const chosen = await s.app.inject({
      method: 'GET',
      url: '/api/audit?limit=1&locale=id',
      headers: { ...s.auditorHeaders, 'accept-language': 'en' },
    })
    expect(chosen.json().items[0].actionLabel).toBe('Hari kalender ditambahkan')
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
      'action_label',
      'object_type',
      'object_type_label',
      'object_id',
      'object_label',
      'before',
      'after',
      'ip',
      'user_agent',
      'prev_hash',
      'hash',
    ])
    const records = rows.slice(1).map((row) => Object.fromEntries(rows[0]!.map((name, i) => [name, row[i]!])))
    expect(records.map((row) => [row.action, row.action_label, row.object_label])).toEqual([
      ['unit.create', 'Unit kerja dibuat', `${s.codes[1]} (${s.codes[1]})`],
      ['unit.create', 'Unit kerja dibuat', `${s.codes[0]} (${s.codes[0]})`],
    ])
    // Times as on the screen: WIB, with the offset written out.
    const [stored] = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'unit.create' })
    expect(records[0]!.occurred_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/)
    expect(new Date(records[0]!.occurred_at!).getTime()).toBe(
      Math.floor(stored!.occurredAt.getTime() / 1000) * 1000,
    )
    const [entry] = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'audit.export' })
    expect(entry).toMatchObject({ actorUserId: s.auditor.id, after: { count: 2, action: 'unit.create' } })
  })

  it('let an admin view and export (the export audited under their name), and refuse a pengelola both', async () => {
    const s = await setup()
    expect(
      (await s.app.inject({ method: 'GET', url: '/api/audit', headers: s.adminHeaders })).statusCode,
    ).toBe(200)
    expect(
      (await s.app.inject({ method: 'GET', url: '/api/audit/export.csv', headers: s.adminHeaders }))
        .statusCode,
    ).toBe(200)
    const [exported] = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'audit.export' })
    expect(exported).toMatchObject({ actorUserId: s.admin.id })
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

describe('audit viewer for a non-technical admin', () => {
  it('offers the actions, object types and actors present in the log as labelled choices', async () => {
    const s = await setup()
    const response = await s.app.inject({
      method: 'GET',
      url: '/api/audit/filters',
      headers: s.auditorHeaders,
    })
    expect(response.statusCode, response.body).toBe(200)
    const choices = response.json<{
      actions: { value: string; label: string }[]
      objectTypes: { value: string; label: string }[]
      actors: { userId: string | null; actorLabel: string | null; label: string }[]
    }>()
    expect(choices.actions).toEqual([
      { value: 'calendar.add', label: 'Hari kalender ditambahkan' },
      { value: 'auth.login', label: 'Masuk' },
      { value: 'unit.create', label: 'Unit kerja dibuat' },
    ])
    expect(choices.objectTypes.map((choice) => choice.value)).toEqual(['calendar_day', 'session', 'unit'])
    expect(choices.actors).toEqual(
      expect.arrayContaining([
        { userId: s.admin.id, actorLabel: null, label: `Pengguna ${s.admin.email} (${s.admin.email})` },
        { userId: s.auditor.id, actorLabel: null, label: `Pengguna ${s.auditor.email} (${s.auditor.email})` },
      ]),
    )
    expect(choices.actors).toHaveLength(2)
    const english = await s.app.inject({
      method: 'GET',
      url: '/api/audit/filters?locale=en',
      headers: s.auditorHeaders,
    })
    expect(english.json().objectTypes).toContainEqual({ value: 'calendar_day', label: 'Calendar day' })
  })

  it('cut a huge entry in the list and give it whole from the single-entry endpoint', async () => {
    const s = await setup()
    const changes = Array.from({ length: 20_000 }, (_, row) => ({
      row: row + 2,
      platform: 'instagram',
      handle: `humas_kecamatan_${row}`,
      action: 'create',
    }))
    const huge = await appendAudit(s.ctx.db, {
      instansiId: s.owner.id,
      actorUserId: s.admin.id,
      actorLabel: s.admin.email,
      action: 'account.import',
      objectType: 'account',
      after: { rows: 20_000, created: 20_000, updated: 0, changes },
    })
    const list = await s.app.inject({ method: 'GET', url: '/api/audit?limit=1', headers: s.auditorHeaders })
    expect(list.statusCode).toBe(200)
    expect(list.body.length).toBeLessThan(20_000)
    const [item] = list.json().items
    expect(item).toMatchObject({
      id: huge.id,
      actionLabel: 'Akun resmi diimpor dari CSV',
      truncated: true,
      before: null,
      after: null,
      changes: expect.arrayContaining([
        { field: 'rows', fieldLabel: 'Baris', before: null, after: '20.000' },
        // Summarised, not listed: the whole list is in the single entry and the export.
        expect.objectContaining({
          field: 'changes',
          after: expect.stringMatching(/^20\.000 butir: @humas_kecamatan_0, /),
        }),
      ]),
    })
    const whole = await s.app.inject({
      method: 'GET',
      url: `/api/audit/${huge.id}`,
      headers: s.auditorHeaders,
    })
    expect(whole.statusCode).toBe(200)
    expect(whole.json()).toMatchObject({
      id: huge.id,
      truncated: false,
      hashVersion: 2,
      prevHash: huge.prevHash,
      after: { rows: 20_000 },
    })
    expect(whole.json().after.changes).toHaveLength(20_000)
  })

  it('answer 404 for an entry or checkpoint of another instansi', async () => {
    const s = await setup()
    const stranger = await createTestInstansi(s.ctx.db)
    const auditor = await createTestUser(s.ctx.db, stranger, [
      { unitId: stranger.rootUnit.id, role: 'auditor' },
    ])
    const session = await loginAs(s.app, auditor)
    const [entry] = await searchAudit(s.ctx.db, { instansiId: s.owner.id, limit: 1 })
    const own = await s.app.inject({
      method: 'GET',
      url: `/api/audit/${entry!.id}`,
      headers: s.auditorHeaders,
    })
    expect(own.statusCode).toBe(200)
    const foreign = await s.app.inject({
      method: 'GET',
      url: `/api/audit/${entry!.id}`,
      headers: session.headers,
    })
    expect(foreign.statusCode).toBe(404)
    expect(foreign.json().error.key).toBe('audit.entry_not_found')
    const made = await s.app.inject({
      method: 'POST',
      url: '/api/audit/checkpoints',
      headers: s.auditorHeaders,
    })
    const id = made.json().checkpoint.id as number
    const file = await s.app.inject({
      method: 'GET',
      url: `/api/audit/checkpoints/${id}/file`,
      headers: session.headers,
    })
    expect(file.statusCode).toBe(404)
  })
})

describe('audit checkpoints over the API', () => {
  it('let an auditor sign the head, list it with the key to pin, and download a file the CLI verifies', async () => {
    const s = await setup()
    const made = await s.app.inject({
      method: 'POST',
      url: '/api/audit/checkpoints',
      headers: s.auditorHeaders,
    })
    expect(made.statusCode, made.body).toBe(200)
    const { checkpoint, created } = made.json<{
      checkpoint: { id: number; seq: number; createdBy: string; fileName: string }
      created: boolean
    }>()
    expect(created).toBe(true)
    expect(checkpoint).toMatchObject({ createdBy: s.auditor.email })
    expect(checkpoint.fileName).toMatch(
      new RegExp(`^warta-checkpoint-${s.owner.slug}-\\d{4}-\\d{2}-\\d{2}-${checkpoint.seq}\\.json$`),
    )
    const again = await s.app.inject({
      method: 'POST',
      url: '/api/audit/checkpoints',
      headers: s.adminHeaders,
    })
    expect(again.json()).toMatchObject({ created: false, checkpoint: { id: checkpoint.id } })

    const listed = await s.app.inject({
      method: 'GET',
      url: '/api/audit/checkpoints',
      headers: s.auditorHeaders,
    })
    expect(listed.statusCode).toBe(200)
    const body = listed.json<{
      items: { id: number }[]
      nextBeforeId: number | null
      signingKey: { fingerprint: string; publicKeyPem: string }
    }>()
    expect(body.items.map((item) => item.id)).toEqual([checkpoint.id])
    expect(body.nextBeforeId).toBeNull()
    const key = await s.app.inject({
      method: 'GET',
      url: '/api/audit/signing-key',
      headers: s.auditorHeaders,
    })
    expect(key.json()).toEqual({ algorithm: 'Ed25519', ...body.signingKey })
    expect(body.signingKey.publicKeyPem).toContain('BEGIN PUBLIC KEY')

    const download = await s.app.inject({
      method: 'GET',
      url: `/api/audit/checkpoints/${checkpoint.id}/file`,
      headers: s.auditorHeaders,
    })
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-disposition']).toBe(`attachment; filename="${checkpoint.fileName}"`)
    const filePath = path.join(mkdtempSync(path.join(tmpdir(), 'warta-audit-')), checkpoint.fileName)
    writeFileSync(filePath, download.body)
    const io = captured()
    const args = ['verify', '--checkpoint', filePath, '--fingerprint', body.signingKey.fingerprint]
    expect(await auditCommand(s.ctx.db, args, io.output)).toBe(0)
    expect(io.out.join('')).toContain(`OK checkpoint of ${s.owner.slug}`)
  })

  it('refuse a pengelola, and answer 409 for an instansi whose log is empty', async () => {
    const s = await setup()
    const unit = await createTestUnit(s.ctx.db, s.owner, s.owner.rootUnit)
    const pengelola = await createTestUser(s.ctx.db, s.owner, [{ unitId: unit.id, role: 'pengelola' }])
    const session = await loginAs(s.app, pengelola)
    for (const [method, url] of [
      ['POST', '/api/audit/checkpoints'],
      ['GET', '/api/audit/checkpoints'],
      ['GET', '/api/audit/filters'],
      ['GET', '/api/audit/signing-key'],
    ] as const) {
      expect((await s.app.inject({ method, url, headers: session.headers })).statusCode, url).toBe(403)
    }
    const quiet = await createTestInstansi(s.ctx.db)
    const auditor = await createTestUser(s.ctx.db, quiet, [{ unitId: quiet.rootUnit.id, role: 'auditor' }])
    // Signing in writes the first entry; before it the log is empty (checked through the feature directly).
    const failure = await createCheckpointFor(s.ctx, {
      userId: auditor.id,
      instansiId: quiet.id,
      label: auditor.email,
      via: 'session',
      grants: [{ unitId: quiet.rootUnit.id, unitPath: quiet.rootUnit.path, role: 'auditor' }],
    }).catch((error: unknown) => error)
    expect(failure).toMatchObject({ code: 'conflict', key: 'audit.checkpoint_empty' })
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
