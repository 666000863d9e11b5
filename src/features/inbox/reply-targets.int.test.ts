import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { inboxItems } from '../../db/schema/index.ts'
import { createSlaOffice, createClassifiedItem } from '../../../tests/support/sla-fixtures.ts'
import { getTestContext } from '../../../tests/support/test-context.ts'
import { writeSetting } from '../../db/settings-repository.ts'
import { applyReplyTargets, DEFAULT_REPLY_TARGETS, REPLY_TARGETS_SETTINGS_KEY } from './reply-targets.ts'

const wib = (local: string) => new Date(`${local}+07:00`)

async function deadlineOf(db: Awaited<ReturnType<typeof getTestContext>>['db'], id: string) {
  const [row] = await db
    .select({ slaDueAt: inboxItems.slaDueAt, slaProvisional: inboxItems.slaProvisional })
    .from(inboxItems)
    .where(eq(inboxItems.id, id))
  return row!
}

describe('applyReplyTargets', () => {
  it('sets the default targets per intent and band on working hours, none for apresiasi', async () => {
    const context = await getTestContext()
    const office = await createSlaOffice(context.db, context)
    const friday = wib('2026-11-27T15:00:00')
    const keluhan = await createClassifiedItem(context.db, office, { receivedAt: friday, priority: 50 })
    const urgent = await createClassifiedItem(context.db, office, { receivedAt: friday, priority: 90 })
    const pertanyaan = await createClassifiedItem(context.db, office, {
      intent: 'pertanyaan',
      receivedAt: friday,
    })
    const praise = await createClassifiedItem(context.db, office, { intent: 'apresiasi', receivedAt: friday })
    const unclassified = await createClassifiedItem(context.db, office, { intent: null, receivedAt: friday })
    await context.db.transaction((tx) =>
      applyReplyTargets(tx, [keluhan, urgent, pertanyaan, praise, unclassified], friday),
    )
    // keluhan 4 h: 1.5 h on Friday (to 16:30), 2.5 h on Monday; urgent 2 h: 0.5 h on Monday.
    expect(await deadlineOf(context.db, keluhan.id)).toEqual({
      slaDueAt: wib('2026-11-30T10:30:00'),
      slaProvisional: false,
    })
    expect((await deadlineOf(context.db, urgent.id)).slaDueAt).toEqual(wib('2026-11-30T08:30:00'))
    expect((await deadlineOf(context.db, pertanyaan.id)).slaDueAt).toEqual(wib('2026-11-30T14:30:00'))
    expect((await deadlineOf(context.db, praise.id)).slaDueAt).toBeNull()
    expect((await deadlineOf(context.db, unclassified.id)).slaDueAt).toBeNull()
  })

  it("uses the instansi's own hours and time zone, and marks a due time in 2027 provisional", async () => {
    const context = await getTestContext()
    const office = await createSlaOffice(context.db, context)
    await writeSetting(
      context.db,
      office.owner.id,
      REPLY_TARGETS_SETTINGS_KEY,
      {
        workingHours: { ...DEFAULT_REPLY_TARGETS.workingHours, timeZone: 'WITA' },
        targets: { ...DEFAULT_REPLY_TARGETS.targets, keluhan: { tinggi: 1, sedang: 1, rendah: 1 } },
      },
      new Date(),
    )
    // 15:30 WITA on Thu 31 Dec 2026: 30 minutes that day, 30 minutes on Fri 1 Jan 2027 (no table yet).
    const received = new Date('2026-12-31T15:30:00+08:00')
    const item = await createClassifiedItem(context.db, office, { receivedAt: received })
    await context.db.transaction((tx) => applyReplyTargets(tx, [item], received))
    expect(await deadlineOf(context.db, item.id)).toEqual({
      slaDueAt: new Date('2027-01-01T08:30:00+08:00'),
      slaProvisional: true,
    })
  })
})
