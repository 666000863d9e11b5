import { describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import { eq } from 'drizzle-orm'
import { buildApp } from '../../app.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import {
  createTestInstansi,
  createTestUnit,
  createTestUser,
  uniqueSuffix,
  type TestInstansi,
  type TestUser,
} from '../../../../tests/support/fixtures.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { createPenanggungJawab } from '../../../../tests/support/publishing-fixtures.ts'
import type { Db } from '../../../db/client.ts'
import { insertAccount } from '../../../db/accounts-repository.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { insertNewItems } from '../../../db/inbox-repository.ts'
import { insertPpidCase, type NewPpidCase } from '../../../db/ppid-cases-repository.ts'
import { inboxItems } from '../../../db/schema/index.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

async function createAccount(db: Db, owner: TestInstansi, unitId: string, pj: TestUser): Promise<string> {
  const handle = `humas.${uniqueSuffix()}`
  return insertAccount(
    db,
    owner.id,
    {
      unitId,
      platform: 'sandbox',
      handle,
      handleDisplay: null,
      displayName: null,
      url: `https://sandbox.example/@${handle}`,
      penanggungJawabUserId: pj.id,
      verificationStatus: 'unverified',
      platformTwoFactor: false,
      credentialRotatedOn: null,
      status: 'active',
      notes: '',
    },
    new Date(),
  )
}

interface ItemSpec {
  receivedAgo: number
  /** Minutes from receipt to the first reply; undefined: unanswered. */
  answeredAfter?: number
  /** Minutes from receipt to the reply target; undefined: no target. */
  dueAfter?: number
  intent?: string
  sentiment?: string
  status?: 'new' | 'open' | 'answered' | 'closed'
}

async function seedItems(
  db: Db,
  owner: TestInstansi,
  unit: { id: string; path: string },
  accountId: string,
  specs: ItemSpec[],
): Promise<string[]> {
  const ids: string[] = []
  const now = Date.now()
  for (const spec of specs) {
    const received = new Date(now - spec.receivedAgo)
    const [row] = await db.transaction((tx) =>
      insertNewItems(
        tx,
        { instansiId: owner.id, accountId, platform: 'sandbox', unitId: unit.id, unitPath: unit.path },
        [
          {
            externalId: `x-${uniqueSuffix()}`,
            kind: 'comment',
            authorExternalId: 'warga',
            authorHandle: 'warga',
            authorName: null,
            body: 'Pertanyaan warga',
            createdAt: received,
            url: null,
            parentExternalId: 'p',
            rootExternalId: 'p',
          },
        ],
        received,
      ),
    )
    await db
      .update(inboxItems)
      .set({
        status: spec.status ?? (spec.answeredAfter === undefined ? 'new' : 'answered'),
        intent: spec.intent ?? 'pertanyaan',
        sentiment: spec.sentiment ?? 'netral',
        firstResponseAt:
          spec.answeredAfter === undefined
            ? null
            : new Date(received.getTime() + spec.answeredAfter * MINUTE),
        slaDueAt: spec.dueAfter === undefined ? null : new Date(received.getTime() + spec.dueAfter * MINUTE),
      })
      .where(eq(inboxItems.id, row!.id))
    ids.push(row!.id)
  }
  return ids
}

let caseSeq = 0

/** A PPID case as the case feature leaves it; July 2026 has no national holiday, so working days are weekdays. */
async function seedCase(
  db: Db,
  owner: TestInstansi,
  unit: { id: string; path: string },
  changes: Partial<NewPpidCase>,
): Promise<void> {
  caseSeq += 1
  const now = new Date()
  await insertPpidCase(db, {
    id: crypto.randomUUID(),
    instansiId: owner.id,
    inboxItemId: null,
    unitId: unit.id,
    unitPath: unit.path,
    registrationYear: 2026,
    registrationSeq: caseSeq,
    registrationNumber: `${String(caseSeq).padStart(4, '0')}/PPID/2026`,
    channel: 'email',
    requesterName: 'Wahyu',
    requestText: 'Mohon salinan data anggaran puskesmas',
    receivedOn: '2026-07-06',
    dueOn: '2026-07-20',
    status: 'registered',
    notice: {},
    createdAt: now,
    updatedAt: now,
    ...changes,
  })
}

async function setup() {
  const ctx = await getTestContext()
  const app = await buildApp(ctx)
  const owner = await createTestInstansi(ctx.db)
  const dinkes = await createTestUnit(ctx.db, owner, owner.rootUnit, `DK-${uniqueSuffix()}`)
  const disdik = await createTestUnit(ctx.db, owner, owner.rootUnit, `DD-${uniqueSuffix()}`)
  const pj = await createPenanggungJawab(ctx.db, owner)
  const dinkesAccount = await createAccount(ctx.db, owner, dinkes.id, pj)
  const disdikAccount = await createAccount(ctx.db, owner, disdik.id, pj)
  // PPID cases received Mon 6 Jul 2026 (notice due Mon 20 Jul): in Dinkes one still registered and one extended to
  // Wed 29 Jul — both past their deadline now — one granted after 4 WD (Fri 10 Jul), one refused within its
  // extension after 12 WD (Wed 22 Jul), one partially granted a day late without an extension (Tue 21 Jul, 11 WD),
  // one under objection, answered; in Disdik one granted; in Dinkes one received in August, outside the period.
  const extended = { extensionReason: 'Data tersebar di 12 puskesmas', extendedOn: '2026-07-15' }
  await seedCase(ctx.db, owner, dinkes, {})
  await seedCase(ctx.db, owner, dinkes, { status: 'extended', ...extended, extendedDueOn: '2026-07-29' })
  await seedCase(ctx.db, owner, dinkes, {
    status: 'decided',
    decision: 'granted',
    noticeSentOn: '2026-07-10',
  })
  await seedCase(ctx.db, owner, dinkes, {
    status: 'decided',
    decision: 'refused',
    noticeSentOn: '2026-07-22',
    ...extended,
    extendedDueOn: '2026-07-29',
  })
  await seedCase(ctx.db, owner, dinkes, {
    status: 'decided',
    decision: 'partially_granted',
    noticeSentOn: '2026-07-21',
  })
  await seedCase(ctx.db, owner, dinkes, {
    status: 'objection_answered',
    decision: 'refused',
    noticeSentOn: '2026-07-10',
    objectionGrounds: ['a'],
    objectionReceivedOn: '2026-07-13',
    objectionAnswerDueOn: '2026-08-24',
    objectionAnsweredOn: '2026-07-20',
    objectionUpholdsRefusal: false,
    disputeDueOn: '2026-08-07',
  })
  await seedCase(ctx.db, owner, dinkes, { receivedOn: '2026-08-03', dueOn: '2026-08-14' })
  // Dinkes: answered in 10, 20, 30, 40 and 100 minutes against a 60-minute target (4 on time, 1 late), one
  // unanswered past its target, one unanswered within it, one without a target; a complaint and an appreciation.
  await seedItems(ctx.db, owner, dinkes, dinkesAccount, [
    { receivedAgo: 2 * 24 * HOUR, answeredAfter: 10, dueAfter: 60 },
    { receivedAgo: 2 * 24 * HOUR, answeredAfter: 20, dueAfter: 60, intent: 'keluhan', sentiment: 'negatif' },
    { receivedAgo: 2 * 24 * HOUR, answeredAfter: 30, dueAfter: 60 },
    { receivedAgo: 2 * 24 * HOUR, answeredAfter: 40, dueAfter: 60 },
    { receivedAgo: 2 * 24 * HOUR, answeredAfter: 100, dueAfter: 60 },
    { receivedAgo: 5 * HOUR, dueAfter: 60 },
    { receivedAgo: 30 * MINUTE, dueAfter: 60 },
    { receivedAgo: 4 * 24 * HOUR, intent: 'apresiasi', sentiment: 'positif', status: 'open' },
  ])
  // Disdik: two, both answered late.
  const disdikItems = await seedItems(ctx.db, owner, disdik, disdikAccount, [
    { receivedAgo: 24 * HOUR, answeredAfter: 200, dueAfter: 60 },
    { receivedAgo: 24 * HOUR, answeredAfter: 300, dueAfter: 60 },
  ])
  await seedCase(ctx.db, owner, disdik, {
    inboxItemId: disdikItems[0],
    channel: 'media_sosial',
    status: 'decided',
    decision: 'granted',
    noticeSentOn: '2026-07-08',
  })
  const analisAll = await createTestUser(ctx.db, owner, [{ unitId: owner.rootUnit.id, role: 'analis' }])
  const analisDinkes = await createTestUser(ctx.db, owner, [{ unitId: dinkes.id, role: 'analis' }])
  const pengelola = await createTestUser(ctx.db, owner, [{ unitId: dinkes.id, role: 'pengelola' }])
  return {
    app,
    ctx,
    owner,
    dinkes,
    disdik,
    dinkesAccount,
    disdikAccount,
    all: (await loginAs(app, analisAll)).headers,
    dinkesOnly: (await loginAs(app, analisDinkes)).headers,
    pengelola: (await loginAs(app, pengelola)).headers,
  }
}

interface Figures {
  received: number
  answered: number
  medianFirstResponseSeconds: number | null
  p90FirstResponseSeconds: number | null
  withTarget: number
  onTime: number
  breached: number
  pending: number
}
interface Numbers {
  from: string
  to: string
  overall: Figures
  byUnit: (Figures & { unitId: string; unitName: string })[]
  byAccount: (Figures & { accountId: string })[]
  byIntent: { intent: string | null; count: number }[]
  bySentiment: { sentiment: string | null; count: number }[]
  backlog: { open: number; oldestReceivedAt: string | null; byAge: Record<string, number> }
  ppid: {
    received: number
    byStatus: { open: number; extended: number; decided: Record<string, number>; objection: number }
    decidedWithinNotice: number
    decidedWithinExtension: number
    decidedLate: number
    overdueNow: number
    medianWorkingDaysToDecision: number | null
  }
}

describe('inbox numbers', () => {
  it('reports first-response times, the share on time per unit and account, the backlog and the volume', async () => {
    const s = await setup()
    const response = await s.app.inject({ url: '/api/inbox-numbers', headers: s.all })
    expect(response.statusCode, response.body).toBe(200)
    const numbers = response.json<Numbers>()
    expect(numbers.overall).toMatchObject({
      received: 10,
      answered: 7,
      withTarget: 9,
      onTime: 4,
      breached: 4,
      pending: 1,
    })
    // Answers after 10, 20, 30, 40, 100, 200, 300 minutes: the median is 40, the 90th percentile 240 (interpolated).
    expect(numbers.overall.medianFirstResponseSeconds).toBe(40 * 60)
    expect(numbers.overall.p90FirstResponseSeconds).toBe(240 * 60)
    const dinkes = numbers.byUnit.find((unit) => unit.unitId === s.dinkes.id)!
    expect(dinkes).toMatchObject({ received: 8, answered: 5, onTime: 4, breached: 2, pending: 1 })
    const disdik = numbers.byUnit.find((unit) => unit.unitId === s.disdik.id)!
    expect(disdik).toMatchObject({ received: 2, onTime: 0, breached: 2 })
    expect(numbers.byAccount).toHaveLength(2)
    expect(numbers.byIntent).toContainEqual({ intent: 'keluhan', count: 1 })
    expect(numbers.byIntent).toContainEqual({ intent: 'pertanyaan', count: 8 })
    expect(numbers.bySentiment).toContainEqual({ sentiment: 'positif', count: 1 })
    // Still owed now: the two unanswered ones with a target and the open appreciation.
    expect(numbers.backlog.open).toBe(3)
    expect(numbers.backlog.byAge).toEqual({
      underHour: 1,
      hours1to8: 1,
      hours8to24: 0,
      days1to3: 0,
      overDays3: 1,
    })
  })

  it('counts only the units the caller may read reports for, and refuses one outside them', async () => {
    const s = await setup()
    const mine = (await s.app.inject({ url: '/api/inbox-numbers', headers: s.dinkesOnly })).json<Numbers>()
    expect(mine.overall.received).toBe(8)
    expect(mine.byUnit.map((unit) => unit.unitId)).toEqual([s.dinkes.id])
    const other = await s.app.inject({
      url: `/api/inbox-numbers?unitId=${s.disdik.id}`,
      headers: s.dinkesOnly,
    })
    expect(other.statusCode).toBe(403)
    // A pengelola works the inbox but reads no reports.
    expect((await s.app.inject({ url: '/api/inbox-numbers', headers: s.pengelola })).statusCode).toBe(403)
    const narrowed = await s.app.inject({
      url: `/api/inbox-numbers?accountId=${s.dinkesAccount}`,
      headers: s.all,
    })
    expect(narrowed.json<Numbers>().overall.received).toBe(8)
  })

  it('takes a period of WIB days, refuses a reversed or over-long one, and exports the same as CSV, audited', async () => {
    const s = await setup()
    const past = await s.app.inject({
      url: '/api/inbox-numbers?from=2025-01-01&to=2025-01-31',
      headers: s.all,
    })
    expect(past.json<Numbers>()).toMatchObject({
      from: '2025-01-01',
      to: '2025-01-31',
      overall: { received: 0 },
    })
    // The backlog is now's, whatever the period.
    expect(past.json<Numbers>().backlog.open).toBe(3)
    const reversed = await s.app.inject({
      url: '/api/inbox-numbers?from=2026-02-01&to=2026-01-01',
      headers: s.all,
    })
    expect(reversed.statusCode).toBe(400)
    expect(reversed.json<{ error: { key: string } }>().error.key).toBe('inbox_numbers.bad_period')
    const tooLong = await s.app.inject({
      url: '/api/inbox-numbers?from=2024-01-01&to=2025-12-31',
      headers: s.all,
    })
    expect(tooLong.statusCode).toBe(400)

    const csv = await s.app.inject({ url: '/api/inbox-numbers.csv', headers: s.all })
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toContain('text/csv')
    const rows = parse<Record<string, string>>(csv.body, { columns: true, bom: true })
    expect(rows[0]).toMatchObject({ bagian: 'keseluruhan', diterima: '10', tepat_waktu: '4', terlambat: '4' })
    expect(rows[0]!.persen_tepat_waktu).toBe('50.0')
    expect(rows[0]!.median_respons_pertama_menit).toBe('40.0')
    expect(rows.filter((row) => row.bagian === 'unit_kerja')).toHaveLength(2)
    expect(rows.filter((row) => row.bagian === 'akun')).toHaveLength(2)
    const audit = await searchAudit(s.ctx.db, { instansiId: s.owner.id, action: 'inbox.export_numbers' })
    expect(audit).toHaveLength(1)
  })

  it("reports the PPID cases received in the period by status against the KIP clock, within the caller's units", async () => {
    const s = await setup()
    const july = 'from=2026-07-01&to=2026-07-31'
    const all = await s.app.inject({ url: `/api/inbox-numbers?${july}`, headers: s.all })
    expect(all.statusCode, all.body).toBe(200)
    expect(all.json<Numbers>().ppid).toEqual({
      received: 7,
      byStatus: {
        open: 1,
        extended: 1,
        decided: { granted: 2, partially_granted: 1, refused: 1, not_held: 0 },
        objection: 1,
      },
      // Granted after 4 WD (Dinkes) and 2 WD (Disdik), the objected one after 4 WD; refused within the extension;
      // partially granted the day after its deadline.
      decidedWithinNotice: 3,
      decidedWithinExtension: 1,
      decidedLate: 1,
      overdueNow: 2,
      // 2, 4, 4, 11, 12 working days.
      medianWorkingDaysToDecision: 4,
    })

    const dinkesOnly = (
      await s.app.inject({ url: `/api/inbox-numbers?${july}`, headers: s.dinkesOnly })
    ).json<Numbers>()
    expect(dinkesOnly.ppid.received).toBe(6)
    expect(dinkesOnly.ppid.byStatus.decided.granted).toBe(1)
    // Narrowed to an account, only the cases made from its inbox items count (not those taken in by e-mail).
    const disdikAccount = await s.app.inject({
      url: `/api/inbox-numbers?${july}&accountId=${s.disdikAccount}`,
      headers: s.all,
    })
    expect(disdikAccount.json<Numbers>().ppid).toMatchObject({ received: 1, decidedWithinNotice: 1 })
    const august = await s.app.inject({
      url: '/api/inbox-numbers?from=2026-08-01&to=2026-08-31',
      headers: s.all,
    })
    expect(august.json<Numbers>().ppid).toMatchObject({ received: 1, byStatus: { open: 1 } })

    const csv = await s.app.inject({ url: `/api/inbox-numbers.csv?${july}`, headers: s.all })
    const rows = parse<Record<string, string>>(csv.body, { columns: true, bom: true })
    expect(rows.at(-1)).toMatchObject({
      bagian: 'ppid',
      ppid_diterima: '7',
      ppid_terbuka: '1',
      ppid_diperpanjang: '1',
      ppid_diputus_dikabulkan: '2',
      ppid_diputus_ditolak: '1',
      ppid_keberatan: '1',
      ppid_diputus_dalam_10_hk: '3',
      ppid_diputus_dalam_perpanjangan: '1',
      ppid_diputus_terlambat: '1',
      ppid_lewat_tenggat_kini: '2',
      ppid_median_hari_kerja_sampai_putusan: '4',
    })
  })
})
