// Rule 40 end to end: an admin's calendar edit moves the stored deadlines of a PPID case, a LAPOR! referral and an
// inbox item in the same transaction, audits each move, and re-arms the reminders of a moved deadline while a
// deadline that comes back to where it was is not alerted twice.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../../api/app.ts'
import { searchAudit } from '../../db/audit-repository.ts'
import type { Db } from '../../db/client.ts'
import { insertLaporReferral } from '../../db/lapor-referrals-repository.ts'
import { insertPpidCase } from '../../db/ppid-cases-repository.ts'
import { inboxItems, laporReferrals, notifications, ppidCases } from '../../db/schema/index.ts'
import { loginAs } from '../../../tests/support/auth.ts'
import { createTestUser } from '../../../tests/support/fixtures.ts'
import { createClassifiedItem, createSlaOffice } from '../../../tests/support/sla-fixtures.ts'
import { getTestContext } from '../../../tests/support/test-context.ts'
import { generateTotpSecret } from '../identity/totp.ts'
import { applyReplyTargets } from '../inbox/reply-targets.ts'
import { runSlaAlerts } from '../inbox/sla-alerts.ts'

const wib = (local: string) => new Date(`${local}+07:00`)

async function setup() {
  const context = await getTestContext()
  const app = await buildApp(context)
  const office = await createSlaOffice(context.db, context)
  const root = office.owner.rootUnit
  const secret = generateTotpSecret()
  const admin = await createTestUser(context.db, office.owner, [{ unitId: root.id, role: 'admin' }], {
    totpSecret: secret,
  })
  const ppid = await createTestUser(context.db, office.owner, [{ unitId: root.id, role: 'ppid' }])
  const headers = (await loginAs(app, { ...admin, totpSecret: secret })).headers
  const now = new Date()
  const caseId = crypto.randomUUID()
  // rules.md A1: received Fri 13 Mar 2026 → notice due Mon 6 Apr 2026.
  await insertPpidCase(context.db, {
    id: caseId,
    instansiId: office.owner.id,
    unitId: root.id,
    unitPath: root.path,
    registrationYear: 2026,
    registrationSeq: 1,
    registrationNumber: '0001/PPID/2026',
    channel: 'email',
    requesterName: 'Budi',
    requestText: 'Laporan realisasi anggaran 2025',
    receivedOn: '2026-03-13',
    dueOn: '2026-04-06',
    status: 'registered',
    assignedUserId: ppid.id,
    createdAt: now,
    updatedAt: now,
  })
  // Received Thu 26 Mar 2026: first status Tue 31 Mar (3 WD), follow-up plan Thu 2 Apr (5 WD).
  const referralId = crypto.randomUUID()
  await insertLaporReferral(context.db, {
    id: referralId,
    instansiId: office.owner.id,
    unitId: root.id,
    unitPath: root.path,
    reportType: 'pengaduan',
    title: 'Jalan rusak di Sukamaju',
    description: 'Jalan rusak parah',
    receivedOn: '2026-03-26',
    firstStatusDueOn: '2026-03-31',
    followUpDueOn: '2026-04-02',
    status: 'referred',
    createdAt: now,
    updatedAt: now,
  })
  // A keluhan of middling priority at 09:00 WIB on Wed 1 Apr 2026: four working hours, due 13:00.
  const item = await createClassifiedItem(context.db, office, { receivedAt: wib('2026-04-01T09:00:00') })
  await context.db.transaction((tx) => applyReplyTargets(tx, [item], wib('2026-04-01T09:00:00')))
  return { context, app, office, headers, ppid, caseId, referralId, itemId: item.id }
}

type Setup = Awaited<ReturnType<typeof setup>>

async function stored(s: Setup) {
  const db = s.context.db
  const [kase] = await db.select().from(ppidCases).where(eq(ppidCases.id, s.caseId))
  const [referral] = await db.select().from(laporReferrals).where(eq(laporReferrals.id, s.referralId))
  const [item] = await db.select().from(inboxItems).where(eq(inboxItems.id, s.itemId))
  return {
    dueOn: kase!.dueOn,
    firstStatusDueOn: referral!.firstStatusDueOn,
    followUpDueOn: referral!.followUpDueOn,
    slaDueAt: item!.slaDueAt?.toISOString(),
  }
}

async function remindersOf(db: Db, userId: string) {
  const rows = await db
    .select({ kind: notifications.kind, params: notifications.params })
    .from(notifications)
    .where(eq(notifications.recipientId, userId))
  return rows.map((row) => `${row.kind} ${(row.params as { due: string }).due}`).sort()
}

describe('a calendar edit recomputes the stored deadlines (rule 40)', () => {
  it('moves a case, a referral and a reply target by one working day when a libur daerah is added on Wed 1 Apr 2026, and audits it', async () => {
    const s = await setup()
    expect(await stored(s)).toEqual({
      dueOn: '2026-04-06',
      firstStatusDueOn: '2026-03-31',
      followUpDueOn: '2026-04-02',
      slaDueAt: wib('2026-04-01T13:00:00').toISOString(),
    })
    const added = await s.app.inject({
      method: 'POST',
      url: '/api/calendar/days',
      headers: s.headers,
      payload: { date: '2026-04-01', kind: 'regional_holiday', name: 'Hari Jadi Kabupaten' },
    })
    expect(added.statusCode, added.body).toBe(200)
    expect(await stored(s)).toEqual({
      dueOn: '2026-04-07',
      firstStatusDueOn: '2026-03-31',
      followUpDueOn: '2026-04-06',
      // The day of receipt became a holiday: the four hours start Thursday at 08:00.
      slaDueAt: wib('2026-04-02T12:00:00').toISOString(),
    })
    const entries = await searchAudit(s.context.db, { instansiId: s.office.owner.id })
    const moved = entries.find((entry) => entry.action === 'ppid.deadline_recomputed')
    expect(moved).toMatchObject({
      objectId: s.caseId,
      before: expect.objectContaining({ dueOn: '2026-04-06' }),
      after: expect.objectContaining({
        dueOn: '2026-04-07',
        calendarAction: 'calendar.add',
        calendarObject: '2026-04-01',
      }),
    })
    expect(entries.find((entry) => entry.action === 'lapor.deadline_recomputed')?.objectId).toBe(s.referralId)
    expect(entries.find((entry) => entry.action === 'calendar.deadlines_recomputed')?.after).toMatchObject({
      cases: 1,
      referrals: 1,
      items: 1,
    })

    // Removing the day again brings every deadline back.
    const removed = await s.app.inject({
      method: 'DELETE',
      url: '/api/calendar/days/2026-04-01',
      headers: s.headers,
    })
    expect(removed.statusCode, removed.body).toBe(200)
    expect((await stored(s)).dueOn).toBe('2026-04-06')
  })

  it('re-arms the reminder of a moved deadline and does not repeat one already sent for the same deadline', async () => {
    const s = await setup()
    const deps = { db: s.context.db, mailEnabled: false }
    // Thu 2 Apr: one working day before Mon 6 Apr (Fri 3 Apr is Wafat Yesus Kristus).
    await runSlaAlerts(deps, wib('2026-04-02T09:00:00'))
    expect(await remindersOf(s.context.db, s.ppid.id)).toEqual(['sla.reminder 2026-04-06'])

    const add = (date: string) =>
      s.app.inject({
        method: 'POST',
        url: '/api/calendar/days',
        headers: s.headers,
        payload: { date, kind: 'regional_holiday', name: 'Hari Jadi Kabupaten' },
      })
    expect((await add('2026-04-01')).statusCode).toBe(200)
    await runSlaAlerts(deps, wib('2026-04-02T09:05:00'))
    expect(await remindersOf(s.context.db, s.ppid.id)).toEqual(['sla.reminder 2026-04-06'])
    await runSlaAlerts(deps, wib('2026-04-06T09:00:00'))
    await runSlaAlerts(deps, wib('2026-04-06T10:00:00'))
    expect(await remindersOf(s.context.db, s.ppid.id)).toEqual([
      'sla.reminder 2026-04-06',
      'sla.reminder 2026-04-07',
    ])

    // Back to Mon 6 Apr: that deadline was reminded already, so nothing goes out again.
    await s.app.inject({ method: 'DELETE', url: '/api/calendar/days/2026-04-01', headers: s.headers })
    await runSlaAlerts(deps, wib('2026-04-02T09:10:00'))
    expect(await remindersOf(s.context.db, s.ppid.id)).toHaveLength(2)
  })

  it('makes a deadline into 2027 firm once the admin declares the 2027 table complete', async () => {
    const s = await setup()
    const now = new Date()
    const id = crypto.randomUUID()
    const root = s.office.owner.rootUnit
    await insertPpidCase(s.context.db, {
      id,
      instansiId: s.office.owner.id,
      unitId: root.id,
      unitPath: root.path,
      registrationYear: 2026,
      registrationSeq: 2,
      registrationNumber: '0002/PPID/2026',
      channel: 'email',
      requesterName: 'Sari',
      requestText: 'Daftar penerima hibah',
      receivedOn: '2026-12-21',
      dueOn: '2027-01-06',
      dueProvisional: true,
      status: 'registered',
      createdAt: now,
      updatedAt: now,
    })
    const put = await s.app.inject({
      method: 'PUT',
      url: '/api/calendar/settings',
      headers: s.headers,
      payload: { extraYearsWithTable: [2027] },
    })
    expect(put.statusCode, put.body).toBe(200)
    const [row] = await s.context.db.select().from(ppidCases).where(eq(ppidCases.id, id))
    expect(row).toMatchObject({ dueOn: '2027-01-06', dueProvisional: false })
  })
})
