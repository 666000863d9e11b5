import { describe, it, expect, afterEach, vi } from 'vitest'
import { act, fireEvent, screen } from '@testing-library/react'
import { fakeApi, renderAppAt } from '../../test-support/render-with-providers.tsx'
import { testMe } from '../../test-support/me-fixture.ts'

const POST_ID = '11111111-1111-4111-8111-111111111111'

function queueItem(unitPath: string) {
  return {
    post: {
      id: POST_ID,
      title: 'Jadwal vaksinasi',
      unit: { id: 'dinkes', name: 'Dinas Kesehatan', path: unitPath },
      scheduledAt: '2026-12-08T01:00:00.000Z',
      crisis: false,
      submittedFindings: [],
      override: null,
      variants: [
        {
          id: 'v1',
          accountId: 'a1',
          platform: 'sandbox',
          handle: 'dinkes.latihan',
          text: 'Vaksinasi gratis di puskesmas, tidak dipungut biaya.',
        },
      ],
    },
    steps: [{ kind: 'role', role: 'penanggung_jawab', mode: 'any' }],
    step: 0,
    waitingFor: [],
    decisions: [],
    crisisFastTrack: false,
  }
}

const blockedAtApproval = {
  status: 400,
  body: {
    error: {
      code: 'invalid_input',
      key: 'posts.blocked_by_findings',
      params: { count: 1 },
      message: 'Ada 1 temuan yang menghalangi.',
      details: {},
    },
  },
}

function serve(grants: { role: string; unitPath: string }[], unitPath: string, locale: 'id' | 'en' = 'id') {
  const me = testMe({ user: { locale }, grants, allowedActions: ['post.read', 'post.approve'] })
  const api = fakeApi({
    '/api/setup': { status: 200, body: { needed: false } },
    '/api/auth/me': { status: 200, body: me },
    'GET /api/approvals/queue': { status: 200, body: { items: [queueItem(unitPath)] } },
    [`POST /api/posts/${POST_ID}/approve`]: [blockedAtApproval, { status: 200, body: { id: POST_ID } }],
  })
  vi.stubGlobal('fetch', vi.fn(api.fetchMock))
  return api.calls
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the approval queue', () => {
  it('lets a penanggung jawab approve through a finding that appeared at approval, with a written reason', async () => {
    const calls = serve([{ role: 'penanggung_jawab', unitPath: '/root/' }], '/root/dinkes/')
    renderAppAt('/approvals')
    await act(async () => {
      fireEvent.click(await screen.findByTestId('approve-post'))
    })
    expect(await screen.findByTestId('approve-override-form')).toBeTruthy()
    // Approving as it stands would only be refused again: the override takes the plain button's place.
    expect(screen.queryByTestId('approve-post')).toBeNull()
    const button = screen.getByTestId('approve-with-override')
    expect((button as HTMLButtonElement).disabled).toBe(true)
    fireEvent.change(screen.getByLabelText('Alasan pengecualian'), {
      target: { value: 'Klarifikasi resmi, bukan penyebaran hoaks.' },
    })
    await act(async () => {
      fireEvent.click(button)
    })
    const approvals = calls.filter((call) => call.method === 'POST' && call.path.endsWith('/approve'))
    expect(approvals.map((call) => call.body)).toEqual([
      { comment: null },
      { comment: null, overrideReason: 'Klarifikasi resmi, bukan penyebaran hoaks.' },
    ])
  })

  it('tells an approver who is not penanggung jawab of the unit that only one may override', async () => {
    serve([{ role: 'pimpinan', unitPath: '/root/' }], '/root/dinkes/', 'en')
    renderAppAt('/approvals', { locale: 'en' })
    await act(async () => {
      fireEvent.click(await screen.findByTestId('approve-post'))
    })
    expect((await screen.findByTestId('approve-override-unavailable')).textContent).toContain(
      'Only a penanggung jawab of this unit',
    )
    expect(screen.queryByTestId('approve-override-form')).toBeNull()
    expect(screen.queryByTestId('approve-post')).toBeNull()
  })
})
