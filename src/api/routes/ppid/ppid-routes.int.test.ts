// The second journey of issue #9 at the API: an information request from the inbox becomes a PPID case with its
// KIP deadline, is extended once, and is decided through a complete Pasal 22(7) notice; then an objection.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { jobOutbox } from '../../../db/schema/index.ts'
import { sendPpidReceipt } from '../../../features/ppid/ppid-receipt.ts'
import { buildApp } from '../../app.ts'
import { searchAudit } from '../../../db/audit-repository.ts'
import { generateTotpSecret } from '../../../features/identity/totp.ts'
import { loginAs } from '../../../../tests/support/auth.ts'
import { createTestInstansi, createTestUnit, createTestUser } from '../../../../tests/support/fixtures.ts'
import { handClock } from '../../../../tests/support/hand-clock.ts'
import { createClassifiedItem, createSlaOffice } from '../../../../tests/support/sla-fixtures.ts'
import { getTestContext } from '../../../../tests/support/test-context.ts'
import { writeSetting } from '../../../db/settings-repository.ts'
import { CALENDAR_SETTINGS_KEY } from '../../../db/settings-repository.ts'

async function setup() {
  const shared = await getTestContext()
  const clock = handClock()
  const context = { ...shared, clock }
  const app = await buildApp(context)
  const office = await createSlaOffice(context.db, context)
  const secret = generateTotpSecret()
  const ppid = await createTestUser(
    context.db,
    office.owner,
    [{ unitId: office.owner.rootUnit.id, role: 'ppid' }],
    {
      totpSecret: secret,
    },
  )
  const headers = (await loginAs(app, { ...ppid, totpSecret: secret })).headers
  return { context, clock, app, office, headers }
}

type Setup = Awaited<ReturnType<typeof setup>>
type CaseBody = {
  id: string
  registrationNumber: string
  receivedOn: string
  dueOn: string
  extendedDueOn: string | null
  status: string
  decision: string | null
  clock: { kind: string | null; deadline: string | null; state: string; workingDaysLeft: number | null }
  objectionAnswerDueOn: string | null
  objectionAnswerProvisional: boolean
  objectionReceivedOn: string | null
  objectionWindow: {
    groundOn: string
    endsOn: string
    provisional: boolean
    open: boolean
    workingDaysLeft: number
  } | null
  disputeDueOn: string | null
}

async function call(
  s: Setup,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
  headers = s.headers,
) {
  return s.app.inject({ method, url: `/api${url}`, headers, ...(payload ? { payload } : {}) })
}

const complete = {
  held: true,
  decision: 'granted',
  material: 'Salinan laporan realisasi anggaran 2025',
  deliveryMethod: 'email',
  deliveryFormat: 'PDF',
  cost: 0,
}

describe('PPID case routes', () => {
  it('show the case on the inbox thread it came from: its number, status and where the KIP clock stands', async () => {
    const s = await setup()
    const item = await createClassifiedItem(s.context.db, s.office, {
      intent: 'permohonan_informasi',
      receivedAt: new Date('2026-03-13T03:00:00Z'),
      body: 'Mohon salinan laporan realisasi anggaran 2025.',
    })
    s.clock.set(new Date('2026-03-16T03:00:00Z'))
    const handoff = async () =>
      (await call(s, 'GET', `/inbox/items/${item.id}`)).json<{
        handoff: { ppidCase: Record<string, unknown> | null; laporReferral: unknown }
      }>().handoff
    expect((await handoff()).ppidCase).toBeNull()
    const created = (await call(s, 'POST', '/ppid/cases', { inboxItemId: item.id })).json<CaseBody>()
    expect(await handoff()).toEqual({
      ppidCase: {
        id: created.id,
        registrationNumber: created.registrationNumber,
        status: 'registered',
        clockState: 'on_time',
        deadline: '2026-04-06',
      },
      laporReferral: null,
    })
    // Past the deadline (Tue 7 Apr) the thread says the case is overdue.
    s.clock.set(new Date('2026-04-07T03:00:00Z'))
    expect((await handoff()).ppidCase).toMatchObject({ status: 'registered', clockState: 'overdue' })
  })

  it('register an information request from the inbox: number, rule A1 deadline, extension once, notice, decision', async () => {
    const s = await setup()
    // Friday 13 March 2026 in Jakarta; the PPID works the case on Monday 16 March.
    const item = await createClassifiedItem(s.context.db, s.office, {
      intent: 'permohonan_informasi',
      receivedAt: new Date('2026-03-13T03:00:00Z'),
      body: 'Mohon salinan laporan realisasi anggaran 2025.',
    })
    s.clock.set(new Date('2026-03-16T03:00:00Z'))
    const waiting = await call(s, 'GET', '/ppid/requests')
    expect(waiting.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([item.id])
    const created = await call(s, 'POST', '/ppid/cases', { inboxItemId: item.id })
    expect(created.statusCode, created.body).toBe(200)
    const body = created.json<CaseBody>()
    expect(body).toMatchObject({
      registrationNumber: '0001/PPID/2026',
      receivedOn: '2026-03-13',
      dueOn: '2026-04-06',
      status: 'registered',
      clock: { kind: 'notice', deadline: '2026-04-06', state: 'on_time' },
    })
    expect((await call(s, 'POST', '/ppid/cases', { inboxItemId: item.id })).statusCode).toBe(409)
    expect((await call(s, 'GET', '/ppid/requests')).json<{ items: unknown[] }>().items).toEqual([])

    const other = await call(s, 'POST', '/ppid/cases', {
      unitId: s.office.owner.rootUnit.id,
      channel: 'email',
      requesterName: 'Budi',
      requestText: 'Daftar penerima hibah 2025',
      receivedOn: '2026-03-16',
    })
    expect(other.json<CaseBody>().registrationNumber).toBe('0002/PPID/2026')

    const noReason = await call(s, 'POST', `/ppid/cases/${body.id}/extend`, { reason: '  ' })
    expect(noReason.statusCode).toBe(400)
    const extended = await call(s, 'POST', `/ppid/cases/${body.id}/extend`, {
      reason: 'Dokumen masih dihimpun dari tiga bidang.',
    })
    expect(extended.statusCode, extended.body).toBe(200)
    expect(extended.json<CaseBody>()).toMatchObject({ status: 'extended', extendedDueOn: '2026-04-15' })
    const twice = await call(s, 'POST', `/ppid/cases/${body.id}/extend`, { reason: 'Lagi' })
    expect(twice.statusCode).toBe(409)

    const { cost: _cost, ...withoutCost } = complete
    const missing = await call(s, 'POST', `/ppid/cases/${body.id}/notice/send`, { notice: withoutCost })
    expect(missing.statusCode).toBe(400)
    expect(missing.json()).toMatchObject({
      error: {
        key: 'ppid.notice_incomplete',
        params: { points: 'g', fields: 'cost' },
        details: { 'notice.cost': { key: 'ppid.notice_missing_g' } },
      },
    })
    expect(JSON.stringify(missing.json())).toContain('notice.cost')

    const refusedNoCode = await call(s, 'POST', `/ppid/cases/${body.id}/notice/send`, {
      notice: { held: true, decision: 'refused', refusalGrounds: [{ code: null, reason: 'rahasia' }] },
    })
    expect(refusedNoCode.statusCode).toBe(400)
    expect(JSON.stringify(refusedNoCode.json())).toContain('notice.refusalGrounds.0.code')

    const sent = await call(s, 'POST', `/ppid/cases/${body.id}/notice/send`, { notice: complete })
    expect(sent.statusCode, sent.body).toBe(200)
    expect(sent.json<CaseBody>()).toMatchObject({
      status: 'decided',
      decision: 'granted',
      clock: { state: 'done' },
    })

    const actions = (
      await searchAudit(s.context.db, { instansiId: s.office.owner.id, objectType: 'ppid_case' })
    )
      .filter((entry) => entry.objectId === body.id)
      .map((entry) => entry.action)
      .sort()
    expect(actions).toEqual(['ppid.decide', 'ppid.extend', 'ppid.register'])
  })

  it('refuse an extension after the original deadline, and refuse an item that is not an information request', async () => {
    const s = await setup()
    s.clock.set(new Date('2026-03-16T03:00:00Z'))
    const complaint = await createClassifiedItem(s.context.db, s.office, { intent: 'keluhan' })
    s.clock.set(new Date('2026-12-01T03:00:00Z'))
    const refused = await call(s, 'POST', '/ppid/cases', { inboxItemId: complaint.id })
    expect(refused.statusCode).toBe(409)
    const created = await call(s, 'POST', '/ppid/cases', {
      unitId: s.office.owner.rootUnit.id,
      requesterName: 'Sari',
      requestText: 'Data jumlah posyandu per kecamatan',
      receivedOn: '2026-11-13',
    })
    const body = created.json<CaseBody>()
    expect(body.clock.state).toBe('overdue')
    const late = await call(s, 'POST', `/ppid/cases/${body.id}/extend`, { reason: 'Dokumen belum lengkap' })
    expect(late.statusCode).toBe(409)
  })

  it('run the objection clock of rule A5 and show it in the list', async () => {
    const s = await setup()
    s.clock.set(new Date('2026-04-20T03:00:00Z'))
    const created = (
      await call(s, 'POST', '/ppid/cases', {
        unitId: s.office.owner.rootUnit.id,
        requesterName: 'Sari',
        requestText: 'Rekam medis pasien lain',
        receivedOn: '2026-04-20',
      })
    ).json<CaseBody>()
    await call(s, 'POST', `/ppid/cases/${created.id}/notice/send`, {
      notice: {
        held: true,
        decision: 'refused',
        refusalGrounds: [{ code: 'h', subItem: '2', reason: 'Riwayat kesehatan' }],
      },
    })
    s.clock.set(new Date('2026-05-04T03:00:00Z'))
    const objection = await call(s, 'POST', `/ppid/cases/${created.id}/objection`, { grounds: ['a'] })
    expect(objection.statusCode, objection.body).toBe(200)
    expect(objection.json<CaseBody>()).toMatchObject({
      status: 'objection',
      objectionAnswerDueOn: '2026-06-23',
    })
    const noReason = await call(s, 'POST', `/ppid/cases/${created.id}/objection/answer`, {
      upholdsRefusal: true,
    })
    expect(noReason.statusCode).toBe(400)
    const answered = await call(s, 'POST', `/ppid/cases/${created.id}/objection/answer`, {
      upholdsRefusal: true,
      reason: 'Pasal 17 huruf h tetap berlaku.',
    })
    expect(answered.json<CaseBody>()).toMatchObject({
      status: 'objection_answered',
      disputeDueOn: '2026-05-26',
      clock: { kind: 'dispute', deadline: '2026-05-26' },
    })
    const list = await call(s, 'GET', '/ppid/cases?status=objection_answered')
    expect(list.json<{ cases: CaseBody[] }>().cases.map((c) => c.id)).toEqual([created.id])
  })

  it('refuse an objection received after its 30-WD window, naming the last day, and start the clock of one received on it', async () => {
    const s = await setup()
    s.clock.set(new Date('2026-04-20T03:00:00Z'))
    const created = (
      await call(s, 'POST', '/ppid/cases', {
        unitId: s.office.owner.rootUnit.id,
        requesterName: 'Sari',
        requestText: 'Rekam medis pasien lain',
        receivedOn: '2026-04-20',
      })
    ).json<CaseBody>()
    expect(created).toMatchObject({ objectionWindow: null })
    await call(s, 'POST', `/ppid/cases/${created.id}/notice/send`, {
      notice: {
        held: true,
        decision: 'refused',
        refusalGrounds: [{ code: 'h', subItem: '2', reason: 'Riwayat kesehatan' }],
      },
    })
    // Notice Mon 20 Apr 2026 + 30 WD (1, 14, 27 May and 1 Jun holidays; 15 and 28 May cuti bersama) → Tue 9 Jun.
    s.clock.set(new Date('2026-06-10T03:00:00Z'))
    const closed = (await call(s, 'GET', `/ppid/cases/${created.id}`)).json<CaseBody>()
    expect(closed.objectionWindow).toEqual({
      groundOn: '2026-04-20',
      endsOn: '2026-06-09',
      provisional: false,
      open: false,
      workingDaysLeft: -1,
    })
    const late = await call(s, 'POST', `/ppid/cases/${created.id}/objection`, { grounds: ['a'] })
    expect(late.statusCode).toBe(409)
    expect(late.json()).toMatchObject({
      error: {
        key: 'ppid.objection_too_late',
        params: { date: '2026-06-09', ground: '2026-04-20' },
        details: { receivedOn: expect.any(Object) },
      },
    })
    expect(late.json<{ error: { message: string } }>().error.message).toContain('2026')
    expect((await call(s, 'GET', `/ppid/cases/${created.id}`)).json<CaseBody>().status).toBe('decided')

    // Received by post on the last day and recorded a day later: in time, and its own 30-WD clock runs.
    const onTime = await call(s, 'POST', `/ppid/cases/${created.id}/objection`, {
      grounds: ['a'],
      receivedOn: '2026-06-09',
    })
    expect(onTime.statusCode, onTime.body).toBe(200)
    expect(onTime.json<CaseBody>()).toMatchObject({
      status: 'objection',
      objectionReceivedOn: '2026-06-09',
      objectionAnswerDueOn: '2026-07-22',
      objectionAnswerProvisional: false,
      objectionWindow: null,
      clock: { kind: 'objection_answer', deadline: '2026-07-22', state: 'on_time' },
    })
  })

  it('refuse an objection to an unanswered request received on or before the deadline it complains of', async () => {
    const s = await setup()
    s.clock.set(new Date('2026-03-13T03:00:00Z'))
    const created = (
      await call(s, 'POST', '/ppid/cases', {
        unitId: s.office.owner.rootUnit.id,
        requesterName: 'Budi',
        requestText: 'Daftar penerima hibah',
        receivedOn: '2026-03-13',
      })
    ).json<CaseBody>()
    s.clock.set(new Date('2026-04-08T03:00:00Z'))
    const early = await call(s, 'POST', `/ppid/cases/${created.id}/objection`, {
      grounds: ['c'],
      receivedOn: '2026-04-06',
    })
    expect(early.statusCode).toBe(400)
    expect(early.json()).toMatchObject({ error: { details: { receivedOn: expect.any(Object) } } })
    const filed = await call(s, 'POST', `/ppid/cases/${created.id}/objection`, { grounds: ['c'] })
    expect(filed.statusCode, filed.body).toBe(200)
  })

  it('rule A2: a request by e-mail returns its number and queues the receipt mail in the same transaction', async () => {
    const s = await setup()
    const created = await call(s, 'POST', '/ppid/cases', {
      unitId: s.office.owner.rootUnit.id,
      channel: 'email',
      requesterName: 'Budi',
      requesterContact: 'budi@contoh.id',
      requestText: 'Daftar penerima hibah 2025',
    })
    expect(created.statusCode, created.body).toBe(200)
    const body = created.json<CaseBody>()
    expect(body.registrationNumber).toMatch(/^\d{4}\/PPID\/\d{4}$/)
    const queued = await s.context.db.select().from(jobOutbox).where(eq(jobOutbox.name, 'send-ppid-receipt'))
    expect(queued.map((job) => job.payload)).toContainEqual({
      instansiId: s.office.owner.id,
      caseId: body.id,
    })
    // Without SMTP the job has nothing to send and nothing to retry; the number was shown at intake.
    expect(
      await sendPpidReceipt({ db: s.context.db, config: { mail: undefined } }, s.office.owner.id, body.id),
    ).toBe('no_mail')
    const inPerson = await call(s, 'POST', '/ppid/cases', {
      unitId: s.office.owner.rootUnit.id,
      channel: 'langsung',
      requesterName: 'Sari',
      requesterContact: 'sari@contoh.id',
      requestText: 'Data posyandu',
    })
    const all = await s.context.db.select().from(jobOutbox).where(eq(jobOutbox.name, 'send-ppid-receipt'))
    expect(all.map((job) => job.payload)).not.toContainEqual({
      instansiId: s.office.owner.id,
      caseId: inPerson.json<CaseBody>().id,
    })
  })

  it('count cuti bersama as working days when the instansi says so (rule A1, second setting)', async () => {
    const s = await setup()
    await writeSetting(
      s.context.db,
      s.office.owner.id,
      CALENDAR_SETTINGS_KEY,
      { cutiBersamaIsWorkingDay: true },
      new Date(),
    )
    s.clock.set(new Date('2026-03-16T03:00:00Z'))
    const created = await call(s, 'POST', '/ppid/cases', {
      unitId: s.office.owner.rootUnit.id,
      requesterName: 'Budi',
      requestText: 'Daftar penerima hibah 2025',
      receivedOn: '2026-03-13',
    })
    expect(created.json<CaseBody>().dueOn).toBe('2026-03-30')
  })

  it('show a PPID of another instansi nothing, and a PPID of another unit nothing of this one', async () => {
    const s = await setup()
    s.clock.set(new Date('2026-03-16T03:00:00Z'))
    const created = (
      await call(s, 'POST', '/ppid/cases', {
        unitId: s.office.owner.rootUnit.id,
        requesterName: 'Budi',
        requestText: 'Daftar penerima hibah 2025',
        receivedOn: '2026-03-13',
      })
    ).json<CaseBody>()
    const stranger = await createTestInstansi(s.context.db)
    const secret = generateTotpSecret()
    const outsider = await createTestUser(
      s.context.db,
      stranger,
      [{ unitId: stranger.rootUnit.id, role: 'ppid' }],
      {
        totpSecret: secret,
      },
    )
    s.clock.set(new Date())
    const outsiderHeaders = (await loginAs(s.app, { ...outsider, totpSecret: secret })).headers
    expect((await call(s, 'GET', `/ppid/cases/${created.id}`, undefined, outsiderHeaders)).statusCode).toBe(
      404,
    )
    expect(
      (await call(s, 'GET', '/ppid/cases', undefined, outsiderHeaders)).json<{ cases: unknown[] }>().cases,
    ).toEqual([])
    const unit = await createTestUnit(s.context.db, s.office.owner, s.office.owner.rootUnit)
    const secret2 = generateTotpSecret()
    const unitPpid = await createTestUser(s.context.db, s.office.owner, [{ unitId: unit.id, role: 'ppid' }], {
      totpSecret: secret2,
    })
    const unitHeaders = (await loginAs(s.app, { ...unitPpid, totpSecret: secret2 })).headers
    expect((await call(s, 'GET', `/ppid/cases/${created.id}`, undefined, unitHeaders)).statusCode).toBe(403)
    expect(
      (await call(s, 'GET', '/ppid/cases', undefined, unitHeaders)).json<{ cases: unknown[] }>().cases,
    ).toEqual([])
  })
})
