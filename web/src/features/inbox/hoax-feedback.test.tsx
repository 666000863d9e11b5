import { afterEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { fakeApi, renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { HoaxFeedbackBlock, type HoaxFeedback } from './hoax-feedback.tsx'

afterEach(() => {
  vi.unstubAllGlobals()
})

const ITEM = '11111111-1111-4111-8111-111111111111'
const VACCINE = '33333333-3333-4333-8333-333333333333'
const BANSOS = '44444444-4444-4444-8444-444444444444'
const URL = `/api/inbox/items/${ITEM}/hoax-feedback`

function feedback(overrides: Partial<HoaxFeedback>): HoaxFeedback {
  return {
    itemId: ITEM,
    hoaxClaimId: VACCINE,
    priority: 80,
    feedback: null,
    canJudge: true,
    canAddVariant: false,
    ...overrides,
  }
}

function verdict(overrides: Partial<NonNullable<HoaxFeedback['feedback']>>): HoaxFeedback['feedback'] {
  return {
    verdict: 'confirmed',
    claimId: VACCINE,
    claim: 'Vaksin mengandung chip',
    matchedClaimId: VACCINE,
    matchedClaim: 'Vaksin mengandung chip',
    matchedScore: 0.62,
    text: 'katanya vaksin ada chipnya, hub 0812 3456 7890',
    judgedBy: { id: 'u1', name: 'Rina Pengelola' },
    judgedAt: '2026-12-07T03:00:00.000Z',
    ...overrides,
  }
}

const claim = (id: string, text: string) => ({
  id,
  label: 'hoaks',
  claim: text,
  facts: 'Tidak benar.',
  sources: [],
  firstSeenOn: null,
  clarifiedOn: null,
  units: [],
  variants: [],
  keywords: [],
  status: 'active',
  createdBy: null,
  updatedBy: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  archivedAt: null,
})

function serve(routes: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi({
    'GET /api/hoax-claims': {
      status: 200,
      body: {
        items: [claim(VACCINE, 'Vaksin mengandung chip'), claim(BANSOS, 'Bansos dihentikan')],
        canManage: false,
      },
    },
    ...routes,
  })
  vi.stubGlobal('fetch', api.fetchMock)
  return api
}

describe('the hoax verdict in the context pane', () => {
  it('rejects a wrong match, then offers only marking the item with a claim', async () => {
    const api = serve({
      [`GET ${URL}`]: { status: 200, body: feedback({}) },
      [`PUT ${URL}`]: {
        status: 200,
        body: feedback({ hoaxClaimId: null, priority: 55, feedback: verdict({ verdict: 'rejected' }) }),
      },
    })
    renderWithProviders(<HoaxFeedbackBlock itemId={ITEM} />)
    expect(await screen.findByRole('button', { name: 'Benar, ini hoaks tersebut' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Bukan hoaks ini' }))

    expect((await screen.findByTestId('inbox-hoax-verdict')).textContent).toBe(
      'Ditolak: bukan “Vaksin mengandung chip” — Rina Pengelola, 7 Des 2026 10.00 WIB',
    )
    expect(api.calls.find((call) => call.method === 'PUT')?.body).toEqual({ verdict: 'rejected' })
    expect(screen.queryByRole('button', { name: 'Benar, ini hoaks tersebut' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Bukan hoaks ini' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Tandai sebagai hoaks…' })).toBeTruthy()
  })

  it('marks an item the matcher missed with the claim chosen from the active ones', async () => {
    const api = serve({
      [`GET ${URL}`]: { status: 200, body: feedback({ hoaxClaimId: null }) },
      [`PUT ${URL}`]: {
        status: 200,
        body: feedback({
          hoaxClaimId: BANSOS,
          feedback: verdict({
            verdict: 'other_claim',
            claimId: BANSOS,
            claim: 'Bansos dihentikan',
            matchedClaimId: null,
          }),
        }),
      },
    })
    renderWithProviders(<HoaxFeedbackBlock itemId={ITEM} />)
    expect(await screen.findByText(/Pencocok tidak menemukan klaim hoaks/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Bukan hoaks ini' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Tandai sebagai hoaks…' }))
    const picker = await screen.findByTestId('inbox-hoax-choose')
    fireEvent.click(picker)
    fireEvent.click(await screen.findByRole('option', { name: 'Bansos dihentikan', hidden: true }))
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }))

    await waitFor(() =>
      expect(api.calls.find((call) => call.method === 'PUT')?.body).toEqual({
        verdict: 'other_claim',
        claimId: BANSOS,
      }),
    )
    expect((await screen.findByTestId('inbox-hoax-verdict')).textContent).toContain(
      'Ditandai sebagai: “Bansos dihentikan”',
    )
  })

  it('keeps a confirmed wording as a variant once the phone number the server refused is taken out', async () => {
    const api = serve({
      [`GET ${URL}`]: {
        status: 200,
        body: feedback({ feedback: verdict({}), canAddVariant: true }),
      },
      [`POST ${URL}/variant`]: [
        {
          status: 400,
          body: {
            error: {
              code: 'invalid_input',
              key: 'inbox.hoax_variant_personal_data',
              params: { kinds: ['phone'] },
              message: 'Teks masih memuat data pribadi',
              details: {
                text: { key: 'inbox.hoax_variant_personal_data', params: { kinds: ['phone'] }, message: '' },
              },
            },
          },
        },
        { status: 200, body: claim(VACCINE, 'Vaksin mengandung chip') },
      ],
    })
    renderWithProviders(<HoaxFeedbackBlock itemId={ITEM} />, { locale: 'en' })
    expect((await screen.findByTestId('inbox-hoax-verdict')).textContent).toContain(
      'Confirmed: “Vaksin mengandung chip”',
    )
    // Already confirmed: confirming again is not offered, rejecting still is.
    expect(screen.queryByRole('button', { name: 'Yes, this is that hoax' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Make it a variant' }))
    const dialog = await screen.findByRole('dialog')
    const text = within(dialog).getByLabelText<HTMLTextAreaElement>(/Variant text/)
    expect(text.value).toBe('katanya vaksin ada chipnya, hub 0812 3456 7890')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add the variant' }))
    expect(await within(dialog).findByText(/still holds personal data/)).toBeTruthy()

    fireEvent.change(text, { target: { value: 'katanya vaksin ada chipnya' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add the variant' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(api.calls.filter((call) => call.method === 'POST').map((call) => call.body)).toEqual([
      { text: 'katanya vaksin ada chipnya, hub 0812 3456 7890' },
      { text: 'katanya vaksin ada chipnya' },
    ])
  })

  it('shows the verdict without the buttons to someone who may not work the item', async () => {
    serve({
      [`GET ${URL}`]: { status: 200, body: feedback({ canJudge: false, feedback: verdict({}) }) },
    })
    renderWithProviders(<HoaxFeedbackBlock itemId={ITEM} />)
    expect(await screen.findByTestId('inbox-hoax-verdict')).toBeTruthy()
    expect(within(screen.getByTestId('inbox-hoax-feedback')).queryByRole('button')).toBeNull()
  })
})
