import { afterEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { Me } from '../../app/session-types.ts'
import { testMe } from '../../test-support/me-fixture.ts'
import { fakeApi, renderAppAt } from '../../test-support/render-with-providers.tsx'
import type { PpidCase } from './ppid-types.ts'

const ppid: Me = testMe({
  allowedActions: ['unit.read', 'calendar.read', 'account.read', 'inbox.read', 'ppid.manage'],
})
const ID = '5d1c7a8e-1111-4222-8333-444455556666'

function ppidCase(overrides: Partial<PpidCase> = {}): PpidCase {
  return {
    id: ID,
    registrationNumber: '0001/PPID/2026',
    inboxItemId: null,
    unitId: 'u1',
    channel: 'email',
    requesterName: 'Andi Rahman',
    requesterContact: 'andi@contoh.id',
    requestText: 'Mohon salinan laporan realisasi anggaran 2025.',
    purpose: null,
    receivedOn: '2026-03-13',
    dueOn: '2026-04-06',
    dueProvisional: false,
    extensionReason: null,
    extendedOn: null,
    extendedDueOn: null,
    extendedMaxOn: '2026-04-15',
    status: 'registered',
    notice: {},
    decision: null,
    noticeSentOn: null,
    noticeLate: false,
    objectionFilingEndsOn: null,
    objectionWindow: null,
    objectionGrounds: null,
    objectionReceivedOn: null,
    objectionAnswerDueOn: null,
    objectionAnswerProvisional: false,
    objectionAnsweredOn: null,
    objectionUpholdsRefusal: null,
    objectionAnswerReason: null,
    disputeDueOn: null,
    clock: { kind: 'notice', deadline: '2026-04-06', workingDaysLeft: 9, state: 'on_time' },
    createdAt: '2026-03-16T03:00:00.000Z',
    ...overrides,
  }
}

function serve(routes: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi({
    '/api/setup': { status: 200, body: { needed: false } },
    '/api/auth/me': { status: 200, body: ppid },
    ...routes,
  })
  vi.stubGlobal('fetch', vi.fn(api.fetchMock))
  return api.calls
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('PPID case page', () => {
  it('shows the KIP deadline and puts the refusal of a notice missing its cost on the cost field', async () => {
    const calls = serve({
      [`GET /api/ppid/cases/${ID}`]: { status: 200, body: ppidCase() },
      [`POST /api/ppid/cases/${ID}/notice/send`]: {
        status: 400,
        body: {
          error: {
            code: 'invalid_input',
            key: 'ppid.notice_incomplete',
            params: { points: 'g', fields: 'cost' },
            message: 'Pemberitahuan tertulis belum dapat dikirim',
            details: { 'notice.cost': { key: 'ppid.notice_missing_g', message: 'Butir (g)' } },
          },
        },
      },
    })
    renderAppAt(`/ppid/${ID}`)
    expect(await screen.findByRole('heading', { level: 1, name: 'Permohonan 0001/PPID/2026' })).toBeTruthy()
    expect(screen.getByTestId('ppid-dates').textContent).toContain('6 April 2026')
    const form = screen.getByTestId('notice-form')
    fireEvent.click(within(form).getByLabelText('Dikuasai'))
    fireEvent.change(within(form).getByLabelText('(c) Keputusan'), { target: { value: 'granted' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Kirim pemberitahuan dan putuskan' }))
    await waitFor(() =>
      expect(
        within(form).getAllByText('Butir (g): isi biaya (0 bila gratis) dan cara pembayarannya.').length,
      ).toBeGreaterThan(0),
    )
    const sent = calls.find((call) => call.method === 'POST')
    expect(sent?.body).toMatchObject({ notice: { held: true, decision: 'granted' } })
  })

  it('warns that the objection window closed on its last day and puts the API’s refusal on the date field', async () => {
    const decided = ppidCase({
      status: 'decided',
      decision: 'refused',
      noticeSentOn: '2026-04-20',
      objectionFilingEndsOn: '2026-06-09',
      objectionWindow: {
        groundOn: '2026-04-20',
        endsOn: '2026-06-09',
        provisional: false,
        open: false,
        workingDaysLeft: -1,
      },
      clock: { kind: null, deadline: null, workingDaysLeft: null, state: 'done' },
    })
    const calls = serve({
      [`GET /api/ppid/cases/${ID}`]: { status: 200, body: decided },
      [`POST /api/ppid/cases/${ID}/objection`]: {
        status: 409,
        body: {
          error: {
            code: 'conflict',
            key: 'ppid.objection_too_late',
            params: { date: '2026-06-09', ground: '2026-04-20' },
            message: 'Keberatan terlambat: batas pengajuannya 9 Juni 2026.',
            details: {
              receivedOn: {
                key: 'ppid.objection_too_late_field',
                params: { date: '2026-06-09' },
                message: 'Diterima setelah batas pengajuan keberatan (9 Juni 2026).',
              },
            },
          },
        },
      },
    })
    renderAppAt(`/ppid/${ID}`)
    const form = await screen.findByTestId('objection-form')
    expect(within(form).getByText('Batas pengajuan keberatan sudah lewat')).toBeTruthy()
    expect(form.textContent).toContain('Hari terakhir mengajukan keberatan adalah 9 Juni 2026')
    fireEvent.click(within(form).getByLabelText('a. Permohonan ditolak berdasarkan Pasal 17'))
    fireEvent.click(within(form).getByRole('button', { name: 'Catat keberatan' }))
    await waitFor(() =>
      expect(
        within(form).getByText('Diterima setelah batas pengajuan keberatan (9 Juni 2026).'),
      ).toBeTruthy(),
    )
    // The banner above the form names the last day too, so it is read even when the field is off screen.
    expect(form.textContent).toMatch(/^Periksa isian yang ditandai: Diterima setelah batas .*9 Juni 2026/)
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ grounds: ['a'] })
  })

  it('shows the objection on file with its grounds and the atasan PPID’s own clock', async () => {
    serve({
      [`GET /api/ppid/cases/${ID}`]: {
        status: 200,
        body: ppidCase({
          status: 'objection',
          decision: 'refused',
          noticeSentOn: '2026-04-20',
          objectionFilingEndsOn: '2026-06-09',
          objectionGrounds: ['a', 'g'],
          objectionReceivedOn: '2026-06-09',
          objectionAnswerDueOn: '2026-07-22',
          clock: { kind: 'objection_answer', deadline: '2026-07-22', workingDaysLeft: 29, state: 'on_time' },
        }),
      },
    })
    renderAppAt(`/ppid/${ID}`)
    const summary = await screen.findByTestId('objection-summary')
    expect(summary.textContent).toContain('a. Permohonan ditolak berdasarkan Pasal 17')
    expect(summary.textContent).toContain('g. Disampaikan melebihi jangka waktu')
    expect(summary.textContent).toContain('Atasan PPID wajib menanggapi paling lambat 22 Juli 2026')
    expect(summary.textContent).toContain('sisa 29 hari kerja')
    expect(screen.queryByTestId('objection-form')).toBeNull()
  })
})
