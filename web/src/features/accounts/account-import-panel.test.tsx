import { describe, it, expect, afterEach, vi } from 'vitest'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { fakeApi, renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { AccountImportPanel, importToResume } from './account-import-panel.tsx'
import type { AccountImport } from './account-types.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

const previewed: AccountImport = {
  id: '66666666-6666-4666-8666-666666666666',
  mode: 'preview',
  status: 'previewed',
  totalRows: 4,
  processedRows: 4,
  created: 2,
  updated: 1,
  unchanged: 0,
  rejected: 1,
  failure: null,
  createdAt: '2026-03-01T01:00:00.000Z',
  finishedAt: null,
}

const items = {
  items: [
    {
      row: 2,
      outcome: 'create',
      platform: 'x',
      handle: 'HumasDinkes',
      unitCode: 'DINKES',
      changed: [],
      problems: [],
    },
    {
      row: 3,
      outcome: 'update',
      platform: 'instagram',
      handle: 'humas.kota',
      unitCode: 'PROKOPIM',
      changed: ['displayName'],
      problems: [],
    },
    {
      row: 5,
      outcome: 'error',
      platform: 'tiktok',
      handle: 'x',
      unitCode: 'NOPE',
      changed: [],
      problems: [
        {
          row: 5,
          column: 'kode_unit',
          key: 'accounts.csv_unit_code_unknown',
          params: { code: 'NOPE' },
          message: 'Kode unit "NOPE" tidak ada di instansi ini; lihat kode di halaman Unit kerja.',
        },
      ],
    },
  ],
  total: 3,
}

describe('the CSV import panel', () => {
  it('picks up an import still running or waiting for confirmation, not one finished', () => {
    expect(importToResume([{ ...previewed, status: 'done', mode: 'apply' }, previewed])?.id).toBe(
      previewed.id,
    )
    expect(importToResume([{ ...previewed, status: 'discarded' }])).toBeUndefined()
    expect(importToResume([{ ...previewed, status: 'running', mode: 'apply' }])?.status).toBe('running')
  })

  it('shows the preview with data rows counted (not the header), each row’s outcome, and a problem in the language on screen', async () => {
    const api = fakeApi({
      'GET /api/accounts/imports': { status: 200, body: { items: [previewed] } },
      [`GET /api/accounts/imports/${previewed.id}`]: [
        { status: 200, body: previewed },
        ...Array.from({ length: 5 }, () => ({
          status: 200,
          body: { ...previewed, mode: 'apply', status: 'running', processedRows: 2, created: 1, updated: 0 },
        })),
      ],
      [`GET /api/accounts/imports/${previewed.id}/items`]: { status: 200, body: items },
      [`POST /api/accounts/imports/${previewed.id}/apply`]: {
        status: 200,
        body: { ...previewed, mode: 'apply', status: 'queued', processedRows: 0 },
      },
    })
    vi.stubGlobal('fetch', vi.fn(api.fetchMock))
    renderWithProviders(<AccountImportPanel />, { locale: 'en' })
    const summary = await screen.findByText(/^Checked, nothing saved yet\. 4 rows:/, {}, { timeout: 5000 })
    expect(summary.textContent).toContain(
      '2 accounts would be created, 1 changed, 0 unchanged, 1 with problems',
    )
    const table = await screen.findByRole('table', { name: 'Rows of the file to import' }, { timeout: 5000 })
    const rows = within(table).getAllByRole('row')
    expect(rows[1]?.textContent).toContain('Create')
    expect(rows[2]?.textContent).toContain('Changes: Display name')
    expect(rows[3]?.textContent).toContain('There is no unit with code "NOPE" in this agency')
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Import 3 accounts' }))
    })
    await waitFor(() =>
      expect(api.calls.some((call) => call.method === 'POST' && call.path.endsWith('/apply'))).toBe(true),
    )
    expect(await screen.findByText(/^(Waiting in the job queue…|Importing: 2 of 4 rows…)$/)).toBeTruthy()
  })
})
