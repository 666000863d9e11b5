// Reminders before a deadline and escalations after it, once each, on a hand clock: a reply target, a PPID case's
// KIP notice and a LAPOR! referral's first status.
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../db/client.ts'
import { insertLaporReferral } from '../../db/lapor-referrals-repository.ts'
import { insertPpidCase } from '../../db/ppid-cases-repository.ts'
import { notifications } from '../../db/schema/index.ts'
import { createTestUnit, createTestUser } from '../../../tests/support/fixtures.ts'
import { createClassifiedItem, createSlaOffice } from '../../../tests/support/sla-fixtures.ts'
import { getTestContext } from '../../../tests/support/test-context.ts'
import { applyReplyTargets } from './reply-targets.ts'
import { runSlaAlerts } from './sla-alerts.ts'

const wib = (local: string) => new Date(`${local}+07:00`)

async function received(db: Db, userId: string) {
  return db
    .select({ kind: notifications.kind, titleKey: notifications.titleKey, params: notifications.params })
    .from(notifications)
    .where(eq(notifications.recipientId, userId))
}

async function setup() {
  const context = await getTestContext()
  const office = await createSlaOffice(context.db, context)
  const unit = await createTestUnit(context.db, office.owner, office.owner.rootUnit)
  const pj = await createTestUser(context.db, office.owner, [{ unitId: unit.id, role: 'penanggung_jawab' }])
  const pengelola = await createTestUser(context.db, office.owner, [{ unitId: unit.id, role: 'pengelola' }])
  const ppid = await createTestUser(context.db, office.owner, [{ unitId: unit.id, role: 'ppid' }])
  const deps = { db: context.db, mailEnabled: false }
  return { context, office, unit, pj, pengelola, ppid, deps }
}

describe('SLA reminders and escalations', () => {
  it('remind the unit’s pengelola an hour before a reply target, escalate to its penanggung jawab after, once each', async () => {
    const s = await setup()
    // Tue 24 Nov 2026 09:00 WIB, keluhan of middling priority: due 13:00 WIB.
    const item = await createClassifiedItem(s.context.db, s.office, {
      receivedAt: wib('2026-11-24T09:00:00'),
      unit: s.unit,
    })
    await s.context.db.transaction((tx) => applyReplyTargets(tx, [item], wib('2026-11-24T09:00:00')))
    await runSlaAlerts(s.deps, wib('2026-11-24T11:30:00'))
    expect(await received(s.context.db, s.pengelola.id)).toEqual([])
    await runSlaAlerts(s.deps, wib('2026-11-24T12:10:00'))
    await runSlaAlerts(s.deps, wib('2026-11-24T12:20:00'))
    expect(await received(s.context.db, s.pengelola.id)).toEqual([
      expect.objectContaining({ kind: 'sla.reminder', titleKey: 'sla.reminder_reply' }),
    ])
    expect(await received(s.context.db, s.pj.id)).toEqual([])
    await runSlaAlerts(s.deps, wib('2026-11-24T13:05:00'))
    await runSlaAlerts(s.deps, wib('2026-11-24T15:00:00'))
    expect(await received(s.context.db, s.pj.id)).toEqual([
      expect.objectContaining({ kind: 'sla.breached', titleKey: 'sla.breached_reply' }),
    ])
    expect(await received(s.context.db, s.pengelola.id)).toHaveLength(1)
  })

  it('remind the assigned PPID a working day before the KIP deadline and escalate the day after', async () => {
    const s = await setup()
    const now = new Date()
    const id = crypto.randomUUID()
    await insertPpidCase(s.context.db, {
      id,
      instansiId: s.office.owner.id,
      unitId: s.unit.id,
      unitPath: s.unit.path,
      registrationYear: 2026,
      registrationSeq: 1,
      registrationNumber: '0001/PPID/2026',
      channel: 'email',
      requesterName: 'Budi',
      requestText: 'Daftar penerima hibah',
      receivedOn: '2026-11-12',
      dueOn: '2026-11-26',
      status: 'registered',
      assignedUserId: s.ppid.id,
      createdAt: now,
      updatedAt: now,
    })
    await runSlaAlerts(s.deps, wib('2026-11-24T09:00:00'))
    expect(await received(s.context.db, s.ppid.id)).toEqual([])
    await runSlaAlerts(s.deps, wib('2026-11-25T09:00:00'))
    await runSlaAlerts(s.deps, wib('2026-11-26T09:00:00'))
    expect(await received(s.context.db, s.ppid.id)).toEqual([
      expect.objectContaining({
        kind: 'sla.reminder',
        titleKey: 'sla.reminder_kip',
        params: expect.objectContaining({ due: '2026-11-26' }),
      }),
    ])
    await runSlaAlerts(s.deps, wib('2026-11-27T09:00:00'))
    await runSlaAlerts(s.deps, wib('2026-11-30T09:00:00'))
    expect(await received(s.context.db, s.pj.id)).toEqual([
      expect.objectContaining({ kind: 'sla.breached', titleKey: 'sla.breached_kip' }),
    ])
  })

  it('escalate a LAPOR! first status that passed to the penanggung jawab over the unit, not a sibling unit’s', async () => {
    const s = await setup()
    const elsewhere = await createTestUnit(s.context.db, s.office.owner, s.office.owner.rootUnit)
    const otherPj = await createTestUser(s.context.db, s.office.owner, [
      { unitId: elsewhere.id, role: 'penanggung_jawab' },
    ])
    const now = new Date()
    await insertLaporReferral(s.context.db, {
      id: crypto.randomUUID(),
      instansiId: s.office.owner.id,
      unitId: s.unit.id,
      unitPath: s.unit.path,
      reportType: 'pengaduan',
      title: 'Jalan rusak di Sukamaju',
      description: 'Jalan rusak parah',
      receivedOn: '2026-11-20',
      firstStatusDueOn: '2026-11-25',
      followUpDueOn: '2026-11-27',
      status: 'referred',
      createdAt: now,
      updatedAt: now,
    })
    await runSlaAlerts(s.deps, wib('2026-11-26T09:00:00'))
    expect(await received(s.context.db, s.pj.id)).toEqual([
      expect.objectContaining({ kind: 'sla.breached', titleKey: 'sla.breached_lapor' }),
    ])
    expect(await received(s.context.db, otherPj.id)).toEqual([])
    const all = await s.context.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.instansiId, s.office.owner.id), eq(notifications.kind, 'sla.breached')))
    // The unit's own penanggung jawab and the office's at the root (a role holds for its subtree).
    expect(all).toHaveLength(2)
  })
})
