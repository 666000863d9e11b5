import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../../../../tests/support/fixtures.ts'
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
