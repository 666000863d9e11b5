// SP4N-LAPOR! referrals at the API: rule 31's clocks under both cuti-bersama settings, rule 32's out-of-scope
// decision, progress, the export, and isolation by unit.
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { CALENDAR_SETTINGS_KEY, writeSetting } from '../../../db/settings-repository.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { createTestUnit, createTestUser } from '../../../../tests/support/fixtures.ts'
import { handClock } from '../../../../tests/support/hand-clock.ts'
import { createClassifiedItem, createSlaOffice } from '../../../../tests/support/sla-fixtures.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'

async function setup() {
  const shared = await getTestContext()
  const clock = handClock()
  const context = { ...shared, clock }
  const app = await buildApp(context)
  const office = await createSlaOffice(context.db, context)
  const secret = generateTotpSecret()
  const operator = await createTestUser(
    context.db,
    office.owner,
    [{ unitId: office.owner.rootUnit.id, role: 'pengelola' }],
    { totpSecret: secret },
  )
  const headers = (await loginAs(app, { ...operator, totpSecret: secret })).headers
  return { context, clock, app, office, headers }
}

type Referral = {
  id: string
  receivedOn: string
  firstStatusDueOn: string
  followUpDueOn: string
  status: string
  outOfScope: string | null
  outOfScopeBody: string | null
  clock: { stage: string | null; deadline: string | null; state: string }
}
const friday13 = new Date('2026-03-13T03:00:00Z')

describe('LAPOR! referral routes', () => {
  it('refer a complaint received Fri 13 Mar 2026: first status Wed 25 Mar, follow-up Fri 27 Mar (rule 31)', async () => {
    const s = await setup()
    const item = await createClassifiedItem(s.context.db, s.office, { receivedAt: friday13 })
    s.clock.set(new Date('2026-03-16T03:00:00Z'))
    const referred = await s.app.inject({
      method: 'POST',
      url: '/api/lapor/referrals',
      headers: s.headers,
      payload: { inboxItemId: item.id, location: 'Kel. Sukamaju', category: 'Infrastruktur' },
    })
    expect(referred.statusCode, referred.body).toBe(200)
    const body = referred.json<Referral>()
    expect(body).toMatchObject({
      receivedOn: '2026-03-13',
      firstStatusDueOn: '2026-03-25',
      followUpDueOn: '2026-03-27',
      status: 'referred',
      clock: { stage: 'first_status', deadline: '2026-03-25', state: 'due_soon', workingDaysLeft: 2 },
    })
    const again = await s.app.inject({
      method: 'POST',
      url: '/api/lapor/referrals',
      headers: s.headers,
      payload: { inboxItemId: item.id },
    })
    expect(again.statusCode).toBe(409)
    const verified = await s.app.inject({
      method: 'POST',
      url: `/api/lapor/referrals/${body.id}/progress`,
      headers: s.headers,
      payload: { stage: 'verified', laporTrackingId: 'LAPOR-1234567' },
    })
    expect(verified.json<Referral>()).toMatchObject({
      status: 'verified',
      clock: { stage: 'follow_up', deadline: '2026-03-27' },
    })
    const csv = await s.app.inject({
      method: 'GET',
      url: '/api/lapor/referrals/export.csv',
      headers: s.headers,
    })
    expect(csv.statusCode).toBe(200)
    const rows = parse<Record<string, string>>(csv.body, { columns: true, bom: true })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      jenis_laporan: 'Pengaduan',
      lokasi_kejadian: 'Kel. Sukamaju',
      kategori: 'Infrastruktur',
      batas_status_pertama: '2026-03-25',
      nomor_tiket_lapor: 'LAPOR-1234567',
      status: 'terverifikasi',
    })
    const actions = (
      await searchAudit(s.context.db, { instansiId: s.office.owner.id, objectType: 'lapor_referral' })
    )
      .map((entry) => entry.action)
      .sort()
    expect(actions).toEqual(['lapor.export', 'lapor.progress', 'lapor.refer'])
  })

  it('show the referral on the inbox thread, with its LAPOR! number and clock, and nothing on an unreferred one', async () => {
    const s = await setup()
    const item = await createClassifiedItem(s.context.db, s.office, { receivedAt: friday13 })
    const other = await createClassifiedItem(s.context.db, s.office, { receivedAt: friday13 })
    s.clock.set(new Date('2026-03-16T03:00:00Z'))
    const thread = async (id: string) =>
      (await s.app.inject({ url: `/api/inbox/items/${id}`, headers: s.headers })).json<{
        handoff: { ppidCase: unknown; laporReferral: Record<string, unknown> | null }
      }>().handoff
    expect(await thread(item.id)).toEqual({ ppidCase: null, laporReferral: null })
    const referred = await s.app.inject({
      method: 'POST',
      url: '/api/lapor/referrals',
      headers: s.headers,
      payload: { inboxItemId: item.id },
    })
    const id = referred.json<Referral>().id
    expect((await thread(item.id)).laporReferral).toEqual({
      id,
      laporTrackingId: null,
      status: 'referred',
      outOfScope: null,
      clockState: 'due_soon',
      deadline: '2026-03-25',
    })
    await s.app.inject({
      method: 'POST',
      url: `/api/lapor/referrals/${id}/progress`,
      headers: s.headers,
      payload: { stage: 'verified', laporTrackingId: 'LAPOR-7654321' },
    })
    expect((await thread(item.id)).laporReferral).toMatchObject({
      laporTrackingId: 'LAPOR-7654321',
      status: 'verified',
      deadline: '2026-03-27',
    })
    expect((await thread(other.id)).laporReferral).toBeNull()
  })

  it('count cuti bersama as working days when the instansi says so: first status Wed 18 Mar 2026', async () => {
    const s = await setup()
    await writeSetting(
      s.context.db,
      s.office.owner.id,
      CALENDAR_SETTINGS_KEY,
      { cutiBersamaIsWorkingDay: true },
      new Date(),
    )
    const item = await createClassifiedItem(s.context.db, s.office, { receivedAt: friday13 })
    s.clock.set(new Date('2026-03-16T03:00:00Z'))
    const referred = await s.app.inject({
      method: 'POST',
      url: '/api/lapor/referrals',
      headers: s.headers,
      payload: { inboxItemId: item.id },
    })
    expect(referred.json<Referral>()).toMatchObject({
      firstStatusDueOn: '2026-03-18',
      followUpDueOn: '2026-03-23',
    })
  })

  it('ask for a decision on a matter that looks out of scope, and route it to the right body (rule 32)', async () => {
    const s = await setup()
    const item = await createClassifiedItem(s.context.db, s.office, {
      body: 'Kepala seksi minta suap supaya izin usaha saya cepat keluar',
    })
    const waiting = await s.app.inject({ method: 'GET', url: '/api/lapor/complaints', headers: s.headers })
    expect(waiting.json<{ items: { id: string; suggestedOutOfScope: string | null }[] }>().items).toEqual([
      expect.objectContaining({ id: item.id, suggestedOutOfScope: 'corruption' }),
    ])
    const suspected = await s.app.inject({
      method: 'POST',
      url: '/api/lapor/referrals',
      headers: s.headers,
      payload: { inboxItemId: item.id },
    })
    expect(suspected.statusCode).toBe(409)
    expect(suspected.json()).toMatchObject({
      error: { key: 'lapor.out_of_scope_suspected', params: { kind: 'corruption' } },
    })
    const flagged = await s.app.inject({
      method: 'POST',
      url: '/api/lapor/referrals',
      headers: s.headers,
      payload: { inboxItemId: item.id, outOfScope: 'corruption' },
    })
    expect(flagged.json<Referral>()).toMatchObject({
      status: 'out_of_scope',
      outOfScope: 'corruption',
      outOfScopeBody: 'KPK, Kejaksaan atau Inspektorat (APIP)',
      clock: { state: 'done' },
    })
    const after = await s.app.inject({ method: 'GET', url: '/api/lapor/complaints', headers: s.headers })
    expect(after.json<{ items: unknown[] }>().items).toEqual([])
  })

  it('refuse a message that is not a complaint, and hide a unit’s referrals from another unit', async () => {
    const s = await setup()
    const question = await createClassifiedItem(s.context.db, s.office, { intent: 'pertanyaan' })
    const refused = await s.app.inject({
      method: 'POST',
      url: '/api/lapor/referrals',
      headers: s.headers,
      payload: { inboxItemId: question.id },
    })
    expect(refused.statusCode).toBe(409)
    const unit = await createTestUnit(s.context.db, s.office.owner, s.office.owner.rootUnit)
    const item = await createClassifiedItem(s.context.db, s.office)
    const referral = (
      await s.app.inject({
        method: 'POST',
        url: '/api/lapor/referrals',
        headers: s.headers,
        payload: { inboxItemId: item.id },
      })
    ).json<Referral>()
    const secret = generateTotpSecret()
    const other = await createTestUser(
      s.context.db,
      s.office.owner,
      [{ unitId: unit.id, role: 'pengelola' }],
      {
        totpSecret: secret,
      },
    )
    const otherHeaders = (await loginAs(s.app, { ...other, totpSecret: secret })).headers
    expect(
      (
        await s.app.inject({
          method: 'GET',
          url: `/api/lapor/referrals/${referral.id}`,
          headers: otherHeaders,
        })
      ).statusCode,
    ).toBe(403)
    expect(
      (await s.app.inject({ method: 'GET', url: '/api/lapor/referrals', headers: otherHeaders })).json<{
        referrals: unknown[]
      }>().referrals,
    ).toEqual([])
  })
})
