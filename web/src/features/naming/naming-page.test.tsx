import { describe, it, expect, afterEach, vi } from 'vitest'
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { fakeApi, renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { NamingPage } from './naming-page.tsx'

afterEach(() => {
  vi.unstubAllGlobals()
})

const UNIT = '11111111-1111-4111-8111-111111111111'
const tooLong = {
  key: 'naming.too_long_for_units',
  params: { platform: 'X', maximum: 15, count: 1, examples: ['DINASPENDIDIKAN: humas_dinaspendidikan (21)'] },
  message: 'For 1 units this pattern gives a name longer than the 15 characters X allows, …',
}
const result = (fits: boolean) => ({
  result: {
    platform: 'x',
    pattern: 'humas_{unit}',
    unit: { id: UNIT, code: 'DINASPENDIDIKAN', name: 'Dinas Pendidikan' },
    name: 'humas_dinaspendidikan',
    length: 21,
    maximum: 15,
    hasWildcard: false,
    missing: [],
    fits,
    verdict: { key: 'naming.too_long', params: { platform: 'X', length: 21, maximum: 15 }, message: '…' },
  },
})

function serve() {
  const api = fakeApi({
    'GET /api/naming/patterns': { status: 200, body: { patterns: {}, warnings: {}, syntax: '' } },
    'PUT /api/naming/patterns': {
      status: 200,
      body: { patterns: { x: 'humas_{unit}' }, warnings: { x: [tooLong] }, syntax: '' },
    },
    'GET /api/units': {
      status: 200,
      body: {
        items: [
          {
            id: UNIT,
            parentId: null,
            code: 'DINASPENDIDIKAN',
            name: 'Dinas Pendidikan',
            path: '/1/',
            archivedAt: null,
          },
        ],
      },
    },
    'GET /api/naming/test': { status: 200, body: result(false) },
  })
  vi.stubGlobal('fetch', vi.fn(api.fetchMock))
  return api
}

describe('NamingPage', () => {
  it('shows a pattern saved with warnings as a warning in the language on screen, not as a success', async () => {
    serve()
    renderWithProviders(<NamingPage />)
    const field = await screen.findByLabelText('X', {}, { timeout: 5000 })
    fireEvent.change(field, { target: { value: 'humas_{unit}' } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Simpan pola' }))
    })
    const warnings = await screen.findByTestId('naming-warnings', {}, { timeout: 5000 })
    expect(warnings.textContent).toContain(
      'Untuk 1 unit, nama dari pola ini lebih panjang dari 15 karakter yang diizinkan X, misalnya DINASPENDIDIKAN: humas_dinaspendidikan (21).',
    )
    expect(screen.getByText('Pola disimpan, tetapi perlu diperhatikan:')).toBeTruthy()
    // The success toast is for a clean save only.
    expect(screen.queryByText(/^Pola nama disimpan\./)).toBeNull()
  })

  it('tries the pattern being typed on a unit and says whether the platform accepts the name', async () => {
    const api = serve()
    renderWithProviders(<NamingPage />, { locale: 'en' })
    const field = await screen.findByLabelText('X', {}, { timeout: 5000 })
    fireEvent.change(field, { target: { value: 'humas_{unit}' } })
    const box = await screen.findByTestId('naming-test-result')
    await waitFor(() => expect(box.textContent).toContain('humas_dinaspendidikan'), { timeout: 5000 })
    expect(box.textContent).toContain('Does not fit')
    expect(box.textContent).toContain('Too long for X: 21 characters, at most 15.')
    await waitFor(
      () =>
        expect(
          api.calls.some(
            (call) =>
              call.path.startsWith('/api/naming/test?') &&
              call.path.includes(`unitId=${UNIT}`) &&
              call.path.includes(`pattern=${encodeURIComponent('humas_{unit}')}`),
          ),
        ).toBe(true),
      { timeout: 5000 },
    )
  })
})
