import { describe, expect, it } from 'vitest'
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
import { rowsOf } from '../../../db/sql-helpers.ts'
import { users } from '../../../db/schema/index.ts'
import { verifyAuditLog } from '../../../features/audit/verify-audit-log.ts'
import { runAccountImport } from '../../../features/accounts/import-accounts.ts'
import { eq } from 'drizzle-orm'

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

type ImportView = {
  id: string
  status: string
  mode: string
  totalRows: number
  processedRows: number
  created: number
  updated: number
  unchanged: number
  rejected: number
  failure: { key: string; message: string } | null
}

/** Uploads a file and runs the import job the upload asked for (tests have no job runner). */
async function importCsv(
  s: Setup,
  csv: string,
  options: { mode?: 'preview' | 'apply'; batchRows?: number; headers?: Record<string, string> } = {},
): Promise<ImportView> {
  const started = await s.app.inject({
    method: 'POST',
    url: `/api/accounts/imports?mode=${options.mode ?? 'preview'}`,
    headers: { ...s.headers, 'content-type': 'text/csv', ...options.headers },
    payload: csv,
  })
  expect(started.statusCode, started.body).toBe(200)
  const view = started.json<ImportView>()
  expect(view).toMatchObject({ status: 'queued', processedRows: 0 })
  await runAccountImport(
    s.ctx,
    { instansiId: s.owner.id, importId: view.id },
    { batchRows: options.batchRows },
  )
  return readImport(s, view.id)
}

async function readImport(s: Setup, id: string): Promise<ImportView> {
  const response = await s.app.inject({
    method: 'GET',
    url: `/api/accounts/imports/${id}`,
    headers: s.headers,
  })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<ImportView>()
}

async function applyImport(s: Setup, id: string, batchRows?: number): Promise<ImportView> {
  const applied = await s.app.inject({
    method: 'POST',
    url: `/api/accounts/imports/${id}/apply`,
    headers: s.headers,
  })
  expect(applied.statusCode, applied.body).toBe(200)
  expect(applied.json()).toMatchObject({ mode: 'apply', status: 'queued' })
  await runAccountImport(s.ctx, { instansiId: s.owner.id, importId: id }, { batchRows })
  return readImport(s, id)
}

type ImportItem = {
  row: number
  outcome: string
  handle: string | null
  changed: string[]
  problems: Array<{ row: number; column: string; key: string; message: string }>
}

async function importItems(s: Setup, id: string, query = ''): Promise<ImportItem[]> {
  const response = await s.app.inject({
    method: 'GET',
    url: `/api/accounts/imports/${id}/items?limit=500${query}`,
    headers: s.headers,
  })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<{ items: ImportItem[] }>().items
}

describe('accounts routes', () => {
  it('register an account with its penanggung jawab and pengelola, keep the handle as typed and audit it', async () => {
    const s = await setup()
    const created = await createAccount(s, { handle: '@Dinkes.Kota' })
    expect(created).toMatchObject({
      handle: 'Dinkes.Kota',
      normalisedHandle: 'dinkes.kota',
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
      after: { handle: 'dinkes.kota', handleDisplay: 'Dinkes.Kota', platform: 'instagram' },
    })
  })

  it('read the handle out of an address typed in the handle field, and add https:// to an address without it', async () => {
    const s = await setup()
    const fromHandle = await createAccount(s, { handle: 'instagram.com/Humas.Dinkes' })
    expect(fromHandle).toMatchObject({ handle: 'Humas.Dinkes', url: 'https://instagram.com/Humas.Dinkes' })
    const fromUrl = await createAccount(s, {
      platform: 'tiktok',
      handle: '',
      url: 'www.tiktok.com/@DinkesKota',
    })
    expect(fromUrl).toMatchObject({
      handle: 'DinkesKota',
      normalisedHandle: 'dinkeskota',
      url: 'https://www.tiktok.com/@DinkesKota',
    })
    // The same account typed with another casing is the same account.
    const again = await s.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: s.headers,
      payload: accountPayload(s, { platform: 'tiktok', handle: '@dinkeskota' }),
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().error).toMatchObject({
      key: 'accounts.duplicate',
      details: { handle: { key: 'accounts.duplicate_field' } },
    })
  })

  it('answer every problem of the form at once, each under its field, in the caller’s language', async () => {
    const s = await setup()
    const response = await s.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: { ...s.headers, 'accept-language': 'en' },
      payload: {
        platform: 'x',
        handle: 'dinkes kota bandung',
        url: 'instagram.com/dinkes',
        pengelola: [{ userId: s.pengelola.id, suratTugasNumber: '800/1', suratTugasDate: '' }],
        credentialRotatedOn: '2099-01-01',
      },
    })
    expect(response.statusCode).toBe(400)
    const { error } = response.json<{
      error: { key: string; details: Record<string, { key: string; message: string }> }
    }>()
    expect(error.key).toBe('accounts.invalid')
    expect(Object.fromEntries(Object.entries(error.details).map(([field, p]) => [field, p.key]))).toEqual({
      handle: 'accounts.handle_invalid.x',
      url: 'accounts.address_other_platform',
      unitId: 'validation.choose_unit',
      penanggungJawabUserId: 'accounts.choose_penanggung_jawab',
      credentialRotatedOn: 'accounts.date_in_future',
      'pengelola.0.suratTugasDate': 'accounts.surat_tugas_date_required',
    })
    expect(error.details.handle!.message).toContain('1–15 characters')
  })

  it('refuse a penanggung jawab or pengelola without that role over the unit, and a duplicate', async () => {
    const s = await setup()
    const sibling = await createTestUser(s.ctx.db, s.owner, [
      { unitId: s.other.id, role: 'penanggung_jawab' },
      { unitId: s.other.id, role: 'pengelola' },
    ])
    const refused = await s.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: s.headers,
      payload: accountPayload(s, {
        penanggungJawabUserId: s.admin.id,
        pengelola: [{ userId: sibling.id }, { userId: s.admin.id }],
      }),
    })
    expect(refused.statusCode).toBe(400)
    const details = refused.json().error.details
    expect(details.penanggungJawabUserId.key).toBe('accounts.penanggung_jawab_not_eligible')
    expect(details['pengelola.0.userId'].key).toBe('accounts.pengelola_not_eligible')
    expect(details['pengelola.1.userId'].key).toBe('accounts.pengelola_not_eligible')

    // The penanggung jawab of a unit may also answer for the units below it.
    const below = await createAccount(s, { unitId: s.puskesmas.id, platform: 'x', handle: 'pkm_ok' })
    expect(below).toMatchObject({ penanggungJawab: { userId: s.pj.id } })
    const dup = await s.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: s.headers,
      payload: accountPayload(s, { platform: 'x', handle: 'PKM_OK' }),
    })
    expect(dup.statusCode).toBe(409)

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
    expect(foreign.json().error.details.penanggungJawabUserId.key).toBe('accounts.user_not_found')
  })

  it('offer as penanggung jawab and pengelola only active users holding that role on the unit or above', async () => {
    const s = await setup()
    const head = await createTestUser(s.ctx.db, s.owner, [
      { unitId: s.owner.rootUnit.id, role: 'penanggung_jawab' },
    ])
    const gone = await createTestUser(s.ctx.db, s.owner, [{ unitId: s.dinkes.id, role: 'pengelola' }])
    await s.ctx.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, gone.id))
    await createTestUser(s.ctx.db, s.owner, [{ unitId: s.other.id, role: 'penanggung_jawab' }])
    const response = await s.app.inject({
      method: 'GET',
      url: `/api/accounts/people?unitId=${s.puskesmas.id}`,
      headers: s.headers,
    })
    expect(response.statusCode, response.body).toBe(200)
    const people = response.json<{
      penanggungJawab: Array<{ userId: string; email: string | null }>
      pengelola: Array<{ userId: string }>
    }>()
    expect(people.penanggungJawab.map((p) => p.userId).sort()).toEqual([head.id, s.pj.id].sort())
    expect(people.penanggungJawab[0]!.email).toContain('@uji.go.id')
    // Pengelola: pengelola and penanggung jawab holders over the unit (both may draft and answer).
    expect(people.pengelola.map((p) => p.userId).sort()).toEqual([s.pengelola.id, head.id, s.pj.id].sort())
  })

  it('keep a pengelola whose surat tugas is still on its way, with no number and no date', async () => {
    const s = await setup()
    const created = await createAccount(s, { pengelola: [{ userId: s.pengelola.id }] })
    expect(created).toMatchObject({
      pengelola: [{ userId: s.pengelola.id, suratTugasNumber: null, suratTugasDate: null }],
    })
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
    ).toMatchObject({ handle: created.handle.toLowerCase() })
  })

  it('keep an assignment on an unrelated change even when the person has lost the role since', async () => {
    const s = await setup()
    const created = await createAccount(s)
    await s.ctx.db.execute(sql`delete from role_grants where user_id = ${s.pj.id}`)
    const patched = await s.app.inject({
      method: 'PATCH',
      url: `/api/accounts/${created.id}`,
      headers: s.headers,
      payload: { notes: 'Diperiksa ulang' },
    })
    expect(patched.statusCode, patched.body).toBe(200)
    const moved = await s.app.inject({
      method: 'PATCH',
      url: `/api/accounts/${created.id}`,
      headers: s.headers,
      payload: { unitId: s.other.id },
    })
    expect(moved.statusCode).toBe(400)
    expect(moved.json().error.details.penanggungJawabUserId.key).toBe(
      'accounts.penanggung_jawab_not_eligible',
    )
  })

  it('list with filters on unit subtree, platform, status and search, with paging and a total', async () => {
    const s = await setup()
    const otherPj = await createTestUser(s.ctx.db, s.owner, [
      { unitId: s.other.id, role: 'penanggung_jawab' },
    ])
    await createAccount(s, { platform: 'x', handle: 'dinkes_a' })
    await createAccount(s, {
      platform: 'x',
      handle: 'pkm_b',
      unitId: s.puskesmas.id,
      displayName: 'Puskesmas Sehat',
    })
    await createAccount(s, {
      platform: 'tiktok',
      handle: 'Disdik_C',
      unitId: s.other.id,
      status: 'dormant',
      penanggungJawabUserId: otherPj.id,
      pengelola: [],
    })
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
    expect(await list('platform=tiktok')).toEqual({ handles: ['Disdik_C'], total: 1 })
    expect(await list('status=active')).toEqual({ handles: ['dinkes_a', 'pkm_b'], total: 2 })
    // Sorted by platform, then handle: tiktok disdik_c, x dinkes_a, x pkm_b.
    expect(await list('limit=1&offset=1')).toEqual({ handles: ['dinkes_a'], total: 3 })
    expect(await list('q=DISDIK')).toEqual({ handles: ['Disdik_C'], total: 1 })
    expect(await list(`q=${encodeURIComponent('sehat')}`)).toEqual({ handles: ['pkm_b'], total: 1 })
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
    const otherPj = await createTestUser(s.ctx.db, s.owner, [
      { unitId: s.other.id, role: 'penanggung_jawab' },
    ])
    const theirs = await createAccount(s, {
      platform: 'x',
      handle: 'disdik_hidden',
      unitId: s.other.id,
      penanggungJawabUserId: otherPj.id,
      pengelola: [],
    })
    const session = await loginAs(s.app, s.pengelola)
    const list = await s.app.inject({ method: 'GET', url: '/api/accounts', headers: session.headers })
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([mine.id])
    // Names, but no e-mail addresses: a pengelola may not read users (people-visibility.ts).
    expect(list.json().items[0].penanggungJawab).toEqual({
      userId: s.pj.id,
      name: `Pengguna ${s.pj.email}`,
      email: null,
    })
    expect(list.json().items[0].pengelola[0]).toMatchObject({ userId: s.pengelola.id, email: null })
    const csv = await s.app.inject({
      method: 'GET',
      url: '/api/accounts/export.csv',
      headers: session.headers,
    })
    expect(csv.statusCode).toBe(200)
    expect(csv.body).toContain('dinkes_read')
    expect(csv.body).not.toContain(s.pj.email)
    expect(csv.body).not.toContain(s.pengelola.email)
    const asAdmin = await s.app.inject({ method: 'GET', url: `/api/accounts/${mine.id}`, headers: s.headers })
    expect(asAdmin.json().penanggungJawab.email).toBe(s.pj.email)
    expect(
      (await s.app.inject({ method: 'GET', url: `/api/accounts/${theirs.id}`, headers: session.headers }))
        .statusCode,
    ).toBe(403)
    const writes = [
      { method: 'POST' as const, url: '/api/accounts', payload: accountPayload(s) },
      { method: 'POST' as const, url: '/api/accounts', payload: {} },
      { method: 'PATCH' as const, url: `/api/accounts/${mine.id}`, payload: { notes: 'x' } },
      { method: 'DELETE' as const, url: `/api/accounts/${mine.id}` },
      { method: 'GET' as const, url: `/api/accounts/people?unitId=${s.dinkes.id}` },
      {
        method: 'POST' as const,
        url: '/api/accounts/imports',
        payload: { csv: 'platform,nama_akun,kode_unit,penanggung_jawab_email\n' },
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
      { method: 'GET' as const, url: `/api/accounts/people?unitId=${s.dinkes.id}` },
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

  it('preview a CSV import as a job: what would be created, and every bad row by row, column and key, saving nothing', async () => {
    const s = await setup()
    const csv = [
      'platform;nama_akun;nama_tampilan;kode_unit;penanggung_jawab_email;pengelola_1_email;pengelola_1_nomor_surat_tugas;pengelola_1_tanggal_surat_tugas;status_verifikasi;2fa_platform;status',
      `x;Dinkes_CSV;Dinkes Kota;${s.dinkes.code};${s.pj.email};${s.pengelola.email};800/1/2025;01/02/2025;terverifikasi;ya;aktif`,
      `instagram;pkm.csv;;${s.puskesmas.code};${s.pj.email};;;;belum terverifikasi;tidak;aktif`,
      `x;bad handle!;;${s.dinkes.code};${s.pj.email};;;;;ya;aktif`,
      `tiktok;disdik.csv;;NO-SUCH-UNIT;nobody@uji.go.id;;;;;tidak;aktif`,
      `whatsapp;0812-3456-7890;;${s.dinkes.code};${s.pj.email};;;;;tidak;tidak aktif`,
      ';;;;;;;;;;',
    ].join('\r\n')
    const preview = await importCsv(s, csv, { headers: { 'accept-language': 'en' } })
    expect(preview).toMatchObject({
      mode: 'preview',
      status: 'previewed',
      totalRows: 5,
      processedRows: 5,
      created: 3,
      updated: 0,
      unchanged: 0,
      rejected: 2,
      failure: null,
    })
    const items = await importItems(s, preview.id)
    expect(items.map((item) => [item.row, item.outcome, item.handle])).toEqual([
      [2, 'create', 'Dinkes_CSV'],
      [3, 'create', 'pkm.csv'],
      [4, 'error', 'bad handle!'],
      [5, 'error', 'disdik.csv'],
      [6, 'create', '+6281234567890'],
    ])
    const problems = items.flatMap((item) => item.problems)
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 4, column: 'nama_akun', key: 'accounts.handle_invalid.x' }),
        expect.objectContaining({
          row: 5,
          column: 'kode_unit',
          key: 'accounts.csv_unit_code_unknown',
          message: expect.stringContaining('NO-SUCH-UNIT'),
        }),
        expect.objectContaining({
          row: 5,
          column: 'penanggung_jawab_email',
          key: 'accounts.csv_email_unknown',
        }),
      ]),
    )
    expect(await importItems(s, preview.id, '&outcome=error')).toHaveLength(2)
    const list = await s.app.inject({ method: 'GET', url: '/api/accounts?limit=100', headers: s.headers })
    expect(list.json().total).toBe(0)
    expect(await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'account.create' })).toEqual([])
  })

  it('apply a checked import in batches: one audit entry per account and one summary, and re-importing changes nothing', async () => {
    const s = await setup()
    const csv = [
      'platform,nama_akun,nama_tampilan,kode_unit,penanggung_jawab_email,pengelola_1_email,pengelola_1_nomor_surat_tugas,pengelola_1_tanggal_surat_tugas,status',
      `x,dinkes_csv,Dinkes Kota,${s.dinkes.code},${s.pj.email},${s.pengelola.email},800/1/2025,2025-02-01,aktif`,
      `instagram,pkm.csv,,${s.puskesmas.code},${s.pj.email},,,,aktif`,
      `x,bad handle!,,${s.dinkes.code},${s.pj.email},,,,aktif`,
      `whatsapp,0812-3456-7890,,${s.dinkes.code},${s.pj.email},,,,tidak aktif`,
      `x,DINKES_CSV,Dua kali,${s.dinkes.code},${s.pj.email},,,,aktif`,
    ].join('\n')
    const preview = await importCsv(s, csv, { batchRows: 2 })
    expect(preview).toMatchObject({ created: 3, rejected: 2 })
    const duplicate = (await importItems(s, preview.id)).find((item) => item.row === 6)
    expect(duplicate?.problems).toEqual([
      expect.objectContaining({ column: 'nama_akun', key: 'accounts.csv_duplicate_row' }),
    ])
    const done = await applyImport(s, preview.id, 2)
    expect(done).toMatchObject({ mode: 'apply', status: 'done', created: 3, updated: 0, rejected: 2 })
    const list = await s.app.inject({ method: 'GET', url: '/api/accounts?limit=100', headers: s.headers })
    expect(
      list
        .json()
        .items.map((a: { handle: string }) => a.handle)
        .sort(),
    ).toEqual(['+6281234567890', 'dinkes_csv', 'pkm.csv'])
    const creates = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'account.create' })
    expect(creates).toHaveLength(3)
    expect(creates.every((entry) => (entry.after as { importId: string }).importId === preview.id)).toBe(true)
    const [summary] = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'account.import' })
    expect(summary).toMatchObject({
      objectType: 'account_import',
      objectId: preview.id,
      after: { rows: 5, created: 3, updated: 0, unchanged: 0, rejectedRows: 2 },
    })
    expect(JSON.stringify(summary!.after).length).toBeLessThan(200)

    const again = await importCsv(s, csv)
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 2 })
    const nothing = await s.app.inject({
      method: 'POST',
      url: `/api/accounts/imports/${again.id}/apply`,
      headers: s.headers,
    })
    expect(nothing.statusCode).toBe(409)
    expect(nothing.json().error.key).toBe('accounts.import_nothing_to_do')

    const changed = await importCsv(s, csv.replace('Dinkes Kota', 'Dinas Kesehatan Kota'))
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 2 })
    expect((await importItems(s, changed.id, '&outcome=update'))[0]).toMatchObject({
      row: 2,
      changed: ['displayName'],
    })
    await applyImport(s, changed.id)
    const [update] = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'account.update' })
    expect(update).toMatchObject({
      before: { displayName: 'Dinkes Kota' },
      after: { displayName: 'Dinas Kesehatan Kota', importId: changed.id },
    })
    expect((await verifyAuditLog(s.ctx.db, { instansiId: s.owner.id })).breaks).toEqual([])
  })

  it('continue an import where the last committed batch ended after its worker stopped, and let a second run take nothing twice', async () => {
    const s = await setup()
    const rows = Array.from({ length: 7 }, (_, i) => `x,batch_${i},${s.dinkes.code},${s.pj.email}`)
    const csv = ['platform,nama_akun,kode_unit,penanggung_jawab_email', ...rows].join('\n')
    const started = await s.app.inject({
      method: 'POST',
      url: '/api/accounts/imports',
      headers: s.headers,
      payload: { csv, mode: 'apply' },
    })
    const { id } = started.json<{ id: string }>()
    const target = { instansiId: s.owner.id, importId: id }
    expect(await runAccountImport(s.ctx, target, { batchRows: 3, maxBatches: 1 })).toMatchObject({
      batches: 1,
      status: 'running',
    })
    expect(await readImport(s, id)).toMatchObject({
      status: 'running',
      processedRows: 3,
      totalRows: 7,
      created: 3,
    })
    const [first, second] = await Promise.all([
      runAccountImport(s.ctx, target, { batchRows: 3 }),
      runAccountImport(s.ctx, target, { batchRows: 3 }),
    ])
    expect(first.batches + second.batches).toBe(2)
    expect(await readImport(s, id)).toMatchObject({ status: 'done', processedRows: 7, created: 7 })
    expect(await runAccountImport(s.ctx, target)).toEqual({ batches: 0, status: 'done' })
    const list = await s.app.inject({ method: 'GET', url: '/api/accounts?q=batch_', headers: s.headers })
    expect(list.json().total).toBe(7)
    expect(await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'account.create' })).toHaveLength(7)
  })

  it('ask for the import job in the upload’s transaction, and answer a bad header at once', async () => {
    const s = await setup()
    const started = await s.app.inject({
      method: 'POST',
      url: '/api/accounts/imports',
      headers: s.headers,
      payload: {
        csv: `platform,nama_akun,kode_unit,penanggung_jawab_email\nx,humas,${s.dinkes.code},${s.pj.email}\n`,
      },
    })
    const { id } = started.json<{ id: string }>()
    const jobs = rowsOf<{ payload: { importId: string } }>(
      await s.ctx.db.execute(sql`select payload from job_outbox where name = 'import-accounts'`),
    )
    expect(jobs.map((job) => job.payload.importId)).toContain(id)

    const bad = await s.app.inject({
      method: 'POST',
      url: '/api/accounts/imports',
      headers: s.headers,
      payload: { csv: 'platform,handel,kode_unit\nx,a,b\n' },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toMatchObject({
      key: 'accounts.csv_header_invalid',
      details: {
        'header.handel': { key: 'accounts.csv_unknown_column' },
        'header.nama_akun': { key: 'accounts.csv_missing_column' },
        'header.penanggung_jawab_email': { key: 'accounts.csv_missing_column' },
      },
    })
    // The earlier upload, still waiting for confirmation, is discarded by the next one.
    await importCsv(
      s,
      `platform,nama_akun,kode_unit,penanggung_jawab_email\nx,humas2,${s.dinkes.code},${s.pj.email}\n`,
    )
    expect(await readImport(s, id)).toMatchObject({ status: 'discarded' })
  })

  it('fail an import whose file cannot be read past the header, and show only the uploader their imports', async () => {
    const s = await setup()
    const broken = await importCsv(
      s,
      `platform,nama_akun,kode_unit,penanggung_jawab_email\nx,"humas,${s.dinkes.code},${s.pj.email}\n`,
    )
    expect(broken).toMatchObject({ status: 'failed', failure: { key: 'accounts.csv_unreadable' } })
    const secret = generateTotpSecret()
    const otherAdmin = await createTestUser(
      s.ctx.db,
      s.owner,
      [{ unitId: s.owner.rootUnit.id, role: 'admin' }],
      {
        totpSecret: secret,
      },
    )
    const other = await loginAs(s.app, { ...otherAdmin, totpSecret: secret })
    for (const url of [`/api/accounts/imports/${broken.id}`, `/api/accounts/imports/${broken.id}/items`])
      expect((await s.app.inject({ method: 'GET', url, headers: other.headers })).statusCode, url).toBe(404)
    const mine = await s.app.inject({ method: 'GET', url: '/api/accounts/imports', headers: s.headers })
    expect(mine.json().items.map((item: { id: string }) => item.id)).toContain(broken.id)
  })

  it('export CSV with Indonesian headers and the import columns, which imports back unchanged', async () => {
    const s = await setup()
    await createAccount(s, { platform: 'x', handle: 'Dinkes_Exp', status: 'dormant' })
    await createAccount(s, {
      platform: 'whatsapp',
      handle: '+62 812 1111 2222',
      unitId: s.puskesmas.id,
      pengelola: [{ userId: s.pengelola.id }],
    })
    const exported = await s.app.inject({
      method: 'GET',
      url: '/api/accounts/export.csv',
      headers: s.headers,
    })
    expect(exported.statusCode).toBe(200)
    expect(exported.headers['content-type']).toContain('text/csv')
    const text = exported.body
    expect(text.split('\r\n')[0]).toContain(
      'platform,nama_akun,nama_tampilan,alamat,kode_unit,penanggung_jawab_email,pengelola_1_email,pengelola_1_nomor_surat_tugas,pengelola_1_tanggal_surat_tugas',
    )
    expect(text).toContain(`${s.pengelola.email},800/12/Humas/2025,2025-01-10`)
    expect(text).toContain('Dinkes_Exp')
    expect(text).toContain('tidak aktif')
    const back = await importCsv(s, text)
    expect(back).toMatchObject({ totalRows: 2, created: 0, updated: 0, unchanged: 2, rejected: 0 })
    expect(await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'account.export' })).toHaveLength(1)

    const template = await s.app.inject({
      method: 'GET',
      url: '/api/accounts/import-template.csv',
      headers: s.headers,
    })
    expect(template.statusCode).toBe(200)
    expect(template.body.replace(/^\uFEFF/, '').trim()).toBe(
      'platform,nama_akun,nama_tampilan,alamat,kode_unit,penanggung_jawab_email,pengelola_1_email,pengelola_1_nomor_surat_tugas,pengelola_1_tanggal_surat_tugas,pengelola_2_email,pengelola_2_nomor_surat_tugas,pengelola_2_tanggal_surat_tugas,status_verifikasi,2fa_platform,tanggal_ganti_sandi,status,catatan',
    )
  })

  it('describe platforms, statuses and CSV columns for forms', async () => {
    const s = await setup()
    const meta = await s.app.inject({ method: 'GET', url: '/api/accounts/meta', headers: s.headers })
    expect(meta.json().platforms).toHaveLength(11)
    expect(meta.json().csvColumns[0]).toBe('platform')
    expect(meta.json().csvColumns).toContain('pengelola_2_tanggal_surat_tugas')
  })
})
