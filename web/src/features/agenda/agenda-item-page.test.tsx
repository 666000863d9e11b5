import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../test-support/render-with-providers.tsx'
import { filterBoardRows } from './agenda-board-filter.ts'
import { keyMessagesOf } from './agenda-create-page.tsx'
import { BoardTotalsView } from './agenda-item-page.tsx'
import { targetsBody } from './agenda-targets-field.tsx'
import type { AgendaBoardRow } from './agenda-types.ts'

function row(overrides: Partial<AgendaBoardRow>): AgendaBoardRow {
  return {
    taskId: 't',
    unit: { id: 'u', code: 'DINKES', name: 'Dinas Kesehatan' },
    account: null,
    state: 'not_started',
    boardStatus: 'not_started',
    completedAt: null,
    reach: 0,
    posts: [],
    canWork: false,
    ...overrides,
  }
}

const rows = [
  row({ taskId: 'a', boardStatus: 'done', state: 'done', reach: 1200 }),
  row({ taskId: 'b', unit: { id: 'v', code: 'DISHUB', name: 'Dinas Perhubungan' }, boardStatus: 'late' }),
  row({
    taskId: 'c',
    unit: { id: 'w', code: 'PKM', name: 'Puskesmas Gayamsari' },
    account: { id: 'x', platform: 'sandbox', handle: 'pkm.gayamsari' },
  }),
]

describe('the agenda board', () => {
  it('filters rows by standing and by words in the unit or account', () => {
    expect(filterBoardRows(rows, { status: 'late', query: '' }).map((found) => found.taskId)).toEqual(['b'])
    expect(filterBoardRows(rows, { status: '', query: 'gayam' }).map((found) => found.taskId)).toEqual(['c'])
    expect(filterBoardRows(rows, { status: '', query: 'dinas' }).map((found) => found.taskId)).toEqual([
      'a',
      'b',
    ])
  })

  it('shows the totals with their labels in the language on screen', () => {
    renderWithProviders(
      <BoardTotalsView totals={{ tasks: 3, done: 1, late: 1, inProgress: 0, notStarted: 1, reach: 12000 }} />,
    )
    const totals = within(screen.getByTestId('agenda-totals'))
    expect(totals.getByText('Selesai tepat waktu').nextElementSibling?.textContent).toBe('1')
    expect(totals.getByText('Jangkauan').nextElementSibling?.textContent).toBe('12.000')
  })

  it('shows the totals in English too', () => {
    renderWithProviders(
      <BoardTotalsView totals={{ tasks: 3, done: 1, late: 1, inProgress: 0, notStarted: 1, reach: 12000 }} />,
      { locale: 'en' },
    )
    expect(screen.getByText('Reach').nextElementSibling?.textContent).toBe('12,000')
  })
})

describe('the agenda form', () => {
  it('reads one key message per line and drops blank lines', () => {
    expect(keyMessagesOf('  Imunisasi gratis.\n\nBawa buku KIA. \n')).toEqual([
      'Imunisasi gratis.',
      'Bawa buku KIA.',
    ])
  })

  it('sends the chosen units as whole subtrees or alone, and the accounts beside them', () => {
    expect(targetsBody({ unitIds: ['u'], withSubtree: true, accountIds: ['x'] })).toEqual({
      unitIds: [],
      subtreeUnitIds: ['u'],
      accountIds: ['x'],
    })
    expect(targetsBody({ unitIds: ['u'], withSubtree: false, accountIds: [] })).toEqual({
      unitIds: ['u'],
      subtreeUnitIds: [],
      accountIds: [],
    })
  })
})
