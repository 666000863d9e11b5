import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { rowsOf } from '../../../db/sql-helpers.ts'
import { sql } from 'drizzle-orm'

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

async function deadline(s: Setup, start: string, workingDays: number, headers = s.headers) {
  const response = await s.app.inject({
    method: 'GET',
    url: `/api/calendar/deadline?start=${start}&workingDays=${workingDays}`,
    headers,
  })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<{ date: string; provisional: boolean; provisionalYears: number[] }>()
}

describe('calendar routes', () => {
  it('list 2026 with 17 holidays and 8 cuti bersama from the national table', async () => {
    const s = await setup()
    const response = await s.app.inject({ method: 'GET', url: '/api/calendar?year=2026', headers: s.headers })
    expect(response.statusCode).toBe(200)
    const body = response.json<{
      hasTable: boolean
      missingTables: number[]
      days: Array<{ kind: string; source: string }>
    }>()
    expect(body.hasTable).toBe(true)
    expect(body.days.filter((d) => d.kind === 'holiday')).toHaveLength(17)
    expect(body.days.filter((d) => d.kind === 'cuti_bersama')).toHaveLength(8)
    expect(body.days.every((d) => d.source === 'national')).toBe(true)
    // Today is 2026 on this machine's clock or later; either way 2027 has no table yet.
    expect(body.missingTables).toContain(2027)
    const empty = await s.app.inject({ method: 'GET', url: '/api/calendar?year=2027', headers: s.headers })
    expect(empty.json()).toMatchObject({ hasTable: false, source: null, days: [] })
  })

  it('compute the rules.md deadlines, provisional when the count runs into 2027', async () => {
    const s = await setup()
    expect(await deadline(s, '2026-03-13', 10)).toMatchObject({ date: '2026-04-06', provisional: false })
    expect(await deadline(s, '2025-03-27', 10)).toMatchObject({ date: '2025-04-22', provisional: false })
    expect(await deadline(s, '2026-12-21', 10)).toMatchObject({ provisional: true, provisionalYears: [2027] })
  })

  it('move a holiday by one day, change the deadline spanning it, and audit the edit', async () => {
    const s = await setup()
    expect((await deadline(s, '2026-03-27', 5)).date).toBe('2026-04-06')
    const moved = await s.app.inject({
      method: 'PATCH',
      url: '/api/calendar/days/2026-04-03',
      headers: s.headers,
      payload: { date: '2026-04-06' },
    })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json()).toMatchObject({
      date: '2026-04-06',
      kind: 'holiday',
      name: 'Wafat Yesus Kristus',
      source: 'instansi',
    })
    expect((await deadline(s, '2026-03-27', 5)).date).toBe('2026-04-03')
    const year = (
      await s.app.inject({ method: 'GET', url: '/api/calendar?year=2026', headers: s.headers })
    ).json<{ days: Array<{ date: string; kind: string }> }>()
    expect(year.days.find((d) => d.date === '2026-04-03')).toMatchObject({ kind: 'working_day' })
    const [entry] = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'calendar.update' })
    expect(entry).toMatchObject({
      objectId: '2026-04-03',
      before: { date: '2026-04-03', kind: 'holiday' },
      after: { date: '2026-04-06' },
    })
  })

  it('add, remove and reset days, and refuse adding a day that is already off', async () => {
    const s = await setup()
    const added = await s.app.inject({
      method: 'POST',
      url: '/api/calendar/days',
      headers: s.headers,
      payload: { date: '2026-07-01', kind: 'holiday', name: 'Hari Jadi Kota' },
    })
    expect(added.statusCode, added.body).toBe(200)
    expect((await deadline(s, '2026-06-30', 1)).date).toBe('2026-07-02')
    const clash = await s.app.inject({
      method: 'POST',
      url: '/api/calendar/days',
      headers: s.headers,
      payload: { date: '2026-12-25', kind: 'holiday', name: 'Natal' },
    })
    expect(clash.statusCode).toBe(409)
    expect(
      (await s.app.inject({ method: 'DELETE', url: '/api/calendar/days/2026-07-01', headers: s.headers }))
        .statusCode,
    ).toBe(200)
    expect((await deadline(s, '2026-06-30', 1)).date).toBe('2026-07-01')
    expect(
      (await s.app.inject({ method: 'DELETE', url: '/api/calendar/days/2026-12-24', headers: s.headers }))
        .statusCode,
    ).toBe(200)
    expect((await deadline(s, '2026-12-23', 1)).date).toBe('2026-12-24')
    const reset = await s.app.inject({
      method: 'POST',
      url: '/api/calendar/days/2026-12-24/reset',
      headers: s.headers,
    })
    expect(reset.json()).toMatchObject({ day: { kind: 'cuti_bersama', source: 'national' } })
    expect((await deadline(s, '2026-12-23', 1)).date).toBe('2026-12-28')
    const actions = (await searchAudit(s.ctx.db, { instansiId: s.owner.id, objectType: 'calendar_day' }))
      .map((e) => e.action)
      .sort()
    expect(actions).toEqual(['calendar.add', 'calendar.remove', 'calendar.remove', 'calendar.reset'])
  })

  it('count cuti bersama as working days when the setting says so, and accept a year the admin declares complete', async () => {
    const s = await setup()
    const put = await s.app.inject({
      method: 'PUT',
      url: '/api/calendar/settings',
      headers: s.headers,
      payload: { cutiBersamaIsWorkingDay: true, extraYearsWithTable: [2027] },
    })
    expect(put.statusCode).toBe(200)
    expect(await deadline(s, '2026-03-13', 10)).toMatchObject({ date: '2026-03-30' })
    expect(await deadline(s, '2026-12-21', 10)).toMatchObject({ provisional: false })
    expect(put.json()).toEqual({
      cutiBersamaIsWorkingDay: true,
      extraYearsWithTable: [2027],
      weekendDays: [0, 6],
    })
    expect(await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'calendar.settings' })).toHaveLength(
      1,
    )
  })

  it('let a pengelola read the calendar and compute deadlines but refuse edits', async () => {
    const s = await setup()
    const unit = await createTestUnit(s.ctx.db, s.owner, s.owner.rootUnit)
    const pengelola = await createTestUser(s.ctx.db, s.owner, [{ unitId: unit.id, role: 'pengelola' }])
    const session = await loginAs(s.app, pengelola)
    expect(
      (await s.app.inject({ method: 'GET', url: '/api/calendar?year=2025', headers: session.headers }))
        .statusCode,
    ).toBe(200)
    expect((await deadline(s, '2026-03-13', 3, session.headers)).date).toBe('2026-03-25')
    const writes = [
      {
        method: 'POST' as const,
        url: '/api/calendar/days',
        payload: { date: '2026-07-01', kind: 'holiday', name: 'x' },
      },
      { method: 'PATCH' as const, url: '/api/calendar/days/2026-12-25', payload: { name: 'x' } },
      { method: 'DELETE' as const, url: '/api/calendar/days/2026-12-25' },
      { method: 'POST' as const, url: '/api/calendar/days/2026-12-25/reset' },
      { method: 'PUT' as const, url: '/api/calendar/settings', payload: { cutiBersamaIsWorkingDay: true } },
    ]
    for (const call of writes)
      expect(
        (await s.app.inject({ ...call, headers: session.headers })).statusCode,
        `${call.method} ${call.url}`,
      ).toBe(403)
  })

  it("never let one instansi's edits change another's calendar", async () => {
    const s = await setup()
    await s.app.inject({ method: 'DELETE', url: '/api/calendar/days/2026-12-25', headers: s.headers })
    const stranger = await createTestInstansi(s.ctx.db)
    const user = await createTestUser(s.ctx.db, stranger, [{ unitId: stranger.rootUnit.id, role: 'analis' }])
    const session = await loginAs(s.app, user)
    expect((await deadline(s, '2026-12-24', 1, session.headers)).date).toBe('2026-12-28')
    expect((await deadline(s, '2026-12-24', 1)).date).toBe('2026-12-25')
  })

  it('count a libur daerah as a day off and accept it as a kind the admin enters', async () => {
    const s = await setup()
    const added = await s.app.inject({
      method: 'POST',
      url: '/api/calendar/days',
      headers: s.headers,
      payload: { date: '2026-07-01', kind: 'regional_holiday', name: 'Hari Jadi Kota' },
    })
    expect(added.statusCode, added.body).toBe(200)
    expect(added.json()).toMatchObject({ kind: 'regional_holiday', source: 'instansi', removed: false })
    expect((await deadline(s, '2026-06-30', 1)).date).toBe('2026-07-02')
    // Still a day off when cuti bersama counts as working days.
    await s.app.inject({
      method: 'PUT',
      url: '/api/calendar/settings',
      headers: s.headers,
      payload: { cutiBersamaIsWorkingDay: true },
    })
    expect((await deadline(s, '2026-06-30', 1)).date).toBe('2026-07-02')
    const stored = await s.ctx.db.execute(
      sql`select kind from calendar_days where instansi_id = ${s.owner.id} and day = '2026-07-01'`,
    )
    expect(rowsOf<{ kind: string }>(stored)).toEqual([{ kind: 'regional_holiday' }])
  })

  it('make a replacement working day on a Saturday count, and remove it again', async () => {
    const s = await setup()
    expect((await deadline(s, '2026-07-10', 1)).date).toBe('2026-07-13')
    const added = await s.app.inject({
      method: 'POST',
      url: '/api/calendar/days',
      headers: s.headers,
      payload: { date: '2026-07-11', kind: 'working_day', name: 'Hari kerja pengganti' },
    })
    expect(added.statusCode, added.body).toBe(200)
    expect(added.json()).toMatchObject({ kind: 'working_day', removed: false })
    expect((await deadline(s, '2026-07-10', 1)).date).toBe('2026-07-11')
    const removed = await s.app.inject({
      method: 'DELETE',
      url: '/api/calendar/days/2026-07-11',
      headers: s.headers,
    })
    expect(removed.statusCode, removed.body).toBe(200)
    expect((await deadline(s, '2026-07-10', 1)).date).toBe('2026-07-13')
  })

  it('keep the name of a removed national holiday, refuse removing it twice, and restore it', async () => {
    const s = await setup()
    const removed = await s.app.inject({
      method: 'DELETE',
      url: '/api/calendar/days/2026-08-17',
      headers: s.headers,
    })
    expect(removed.statusCode, removed.body).toBe(200)
    const year = (
      await s.app.inject({ method: 'GET', url: '/api/calendar?year=2026', headers: s.headers })
    ).json<{ days: Array<{ date: string; removed: boolean; replaces?: { name: string }; name: string }> }>()
    const day = year.days.find((d) => d.date === '2026-08-17')
    expect(day).toMatchObject({ kind: 'working_day', removed: true, replaces: { kind: 'holiday' } })
    expect(day?.replaces?.name).toMatch(/Kemerdekaan/)
    expect(day?.name).toBe(day?.replaces?.name)
    expect((await deadline(s, '2026-08-14', 1)).date).toBe('2026-08-17')

    const again = await s.app.inject({
      method: 'DELETE',
      url: '/api/calendar/days/2026-08-17',
      headers: { ...s.headers, 'accept-language': 'en' },
    })
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({
      error: { key: 'calendar.already_removed', params: { date: '2026-08-17' } },
    })
    expect(again.json<{ error: { message: string } }>().error.message).toMatch(/has already been removed/)

    const restored = await s.app.inject({
      method: 'POST',
      url: '/api/calendar/days/2026-08-17/reset',
      headers: s.headers,
    })
    expect(restored.json()).toMatchObject({ day: { kind: 'holiday', source: 'national', removed: false } })
    expect((await deadline(s, '2026-08-14', 1)).date).toBe('2026-08-18')
  })

  it('answer calendar errors with catalogue keys and per-field problems', async () => {
    const s = await setup()
    const clash = await s.app.inject({
      method: 'POST',
      url: '/api/calendar/days',
      headers: s.headers,
      payload: { date: '2026-12-25', kind: 'holiday', name: 'Natal' },
    })
    expect(clash.json()).toMatchObject({
      error: {
        key: 'calendar.day_exists',
        params: { date: '2026-12-25' },
        details: { date: { key: 'calendar.day_exists_field' } },
      },
    })
    const blank = await s.app.inject({
      method: 'POST',
      url: '/api/calendar/days',
      headers: s.headers,
      payload: { date: '2026-02-30', kind: 'holiday', name: '  ' },
    })
    expect(blank.statusCode).toBe(400)
    expect(blank.json()).toMatchObject({
      error: {
        key: 'calendar.day_invalid',
        details: { date: { key: 'validation.date' }, name: { key: 'calendar.name_required' } },
      },
    })
    const missing = await s.app.inject({
      method: 'PATCH',
      url: '/api/calendar/days/2026-07-01',
      headers: s.headers,
      payload: { name: 'x' },
    })
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toMatchObject({ error: { key: 'calendar.not_a_day' } })
    const tooMany = await s.app.inject({
      method: 'PUT',
      url: '/api/calendar/settings',
      headers: s.headers,
      payload: { weekendDays: [0, 1, 2, 3, 4, 5] },
    })
    expect(tooMany.json()).toMatchObject({
      error: {
        key: 'calendar.too_many_days_off',
        details: { weekendDays: { key: 'calendar.too_many_days_off_field' } },
      },
    })
  })

  it('explain a deadline with the days it skipped', async () => {
    const s = await setup()
    const response = await s.app.inject({
      method: 'GET',
      url: '/api/calendar/deadline?start=2026-03-13&workingDays=10',
      headers: s.headers,
    })
    const body = response.json<{
      date: string
      skipped: Array<{ date: string; reason: string; name: string | null }>
    }>()
    expect(body.date).toBe('2026-04-06')
    expect(body.skipped).toHaveLength(14)
    expect(body.skipped[0]).toEqual({ date: '2026-03-14', reason: 'weekend', name: null })
    expect(body.skipped.find((day) => day.date === '2026-03-19')).toMatchObject({ reason: 'holiday' })
    expect(body.skipped.find((day) => day.date === '2026-03-18')?.name).toBeTruthy()
  })

  it('reject a malformed date', async () => {
    const s = await setup()
    const response = await s.app.inject({
      method: 'GET',
      url: '/api/calendar/deadline?start=13-03-2026&workingDays=3',
      headers: s.headers,
    })
    expect(response.statusCode).toBe(400)
  })
})

const NEXT_YEAR_CSV = [
  'Tanggal;Jenis;Keterangan',
  '01/01/2031;Libur nasional;Tahun Baru Masehi',
  '2031-01-02;cuti bersama;Cuti Bersama Tahun Baru',
  '2031-03-03;libur daerah;Hari Jadi Kota',
].join('\n')

describe('calendar import', () => {
  async function importCsv(s: Setup, payload: object) {
    return s.app.inject({ method: 'POST', url: '/api/calendar/import', headers: s.headers, payload })
  }

  it("previews next year's table without saving, then saves it, declares the year complete and audits it once", async () => {
    const s = await setup()
    expect(await deadline(s, '2030-12-31', 1)).toMatchObject({ date: '2031-01-01', provisional: true })
    const preview = await importCsv(s, {
      year: 2031,
      csv: NEXT_YEAR_CSV,
      dryRun: true,
      declareComplete: true,
    })
    expect(preview.statusCode, preview.body).toBe(200)
    expect(preview.json()).toMatchObject({
      year: 2031,
      saved: false,
      dataRows: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      errors: [],
      hadTable: false,
      declaresComplete: true,
    })
    // Nothing saved by the preview.
    expect(await deadline(s, '2030-12-31', 1)).toMatchObject({ date: '2031-01-01', provisional: true })
    expect(await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'calendar.import' })).toHaveLength(0)

    const saved = await importCsv(s, { year: 2031, csv: NEXT_YEAR_CSV, dryRun: false, declareComplete: true })
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json()).toMatchObject({ saved: true, created: 3 })
    // 1 Jan holiday, 2 Jan cuti bersama (Thu): Wed 31 Dec 2030 + 1 working day is Fri 3 Jan 2031, no longer provisional.
    expect(await deadline(s, '2030-12-31', 1)).toMatchObject({ date: '2031-01-03', provisional: false })
    const year = (
      await s.app.inject({ method: 'GET', url: '/api/calendar?year=2031', headers: s.headers })
    ).json<{
      hasTable: boolean
      source: string | null
      declaredComplete: boolean
      days: Array<{ kind: string }>
    }>()
    expect(year.hasTable).toBe(true)
    expect(year).toMatchObject({ source: null, declaredComplete: true })
    expect(year.days.map((d) => d.kind)).toEqual(['holiday', 'cuti_bersama', 'regional_holiday'])
    const entries = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'calendar.import' })
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      objectType: 'calendar_year',
      objectId: '2031',
      before: { hasTable: false },
      after: { hasTable: true, created: 3 },
    })

    // The same file again changes nothing.
    const again = await importCsv(s, { year: 2031, csv: NEXT_YEAR_CSV, dryRun: true })
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3, hadTable: true })
  })

  it('shows which national days a file would change, and refuses to save a file with row errors', async () => {
    const s = await setup()
    const csv = [
      'date,kind,name',
      '2026-12-25,holiday,Hari Raya Natal',
      '2026-12-24,holiday,Malam Natal',
      '2026-13-01,holiday,Bulan mustahil',
      '2027-01-01,holiday,Tahun lain',
    ].join('\n')
    const preview = await s.app.inject({
      method: 'POST',
      url: '/api/calendar/import',
      headers: { ...s.headers, 'accept-language': 'en' },
      payload: { year: 2026, csv, dryRun: true },
    })
    const body = preview.json<{
      rows: Array<{ date: string; action: string; before: { kind: string } | null }>
      errors: Array<{ row: number; column: string; key: string; message: string }>
    }>()
    expect(body.rows.map((row) => `${row.date} ${row.action}`)).toEqual([
      '2026-12-25 unchanged',
      '2026-12-24 update',
    ])
    expect(body.rows[1]?.before).toMatchObject({ kind: 'cuti_bersama' })
    expect(body.errors.map((error) => `${error.row} ${error.column} ${error.key}`)).toEqual([
      '4 tanggal calendar.import.date_invalid',
      '5 tanggal calendar.import.other_year',
    ])
    expect(body.errors[1]?.message).toBe('1 January 2027 is not in 2026, the year being imported.')

    const refused = await importCsv(s, { year: 2026, csv, dryRun: false })
    expect(refused.statusCode).toBe(400)
    expect(refused.json()).toMatchObject({
      error: {
        key: 'calendar.import.has_errors',
        params: { count: 2 },
        details: { 'rows.4.tanggal': { key: 'calendar.import.date_invalid' } },
      },
    })
    expect((await deadline(s, '2026-12-23', 1)).date).toBe('2026-12-28')
    expect(await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'calendar.import' })).toHaveLength(0)
  })

  it('refuses the import to a user who may not manage the calendar', async () => {
    const s = await setup()
    const pengelola = await createTestUser(s.ctx.db, s.owner, [
      { unitId: s.owner.rootUnit.id, role: 'pengelola' },
    ])
    const session = await loginAs(s.app, pengelola)
    const response = await s.app.inject({
      method: 'POST',
      url: '/api/calendar/import',
      headers: session.headers,
      payload: { year: 2031, csv: NEXT_YEAR_CSV, dryRun: true },
    })
    expect(response.statusCode).toBe(403)
  })
})
