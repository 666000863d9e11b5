import { describe, it, expect, afterEach, vi } from 'vitest'
import { fireEvent, screen, within } from '@testing-library/react'
import { renderWithProviders } from '../test-support/render-with-providers.tsx'
import { DataTable, sortRows, type DataTableColumn } from './data-table.tsx'

interface Row {
  id: string
  name: string
  count: number | null
}

const columns: DataTableColumn<Row>[] = [
  { key: 'name', header: 'Nama', primary: true, sortValue: (row) => row.name, render: (row) => row.name },
  { key: 'count', header: 'Jumlah', sortValue: (row) => row.count, render: (row) => row.count ?? '—' },
  {
    key: 'actions',
    header: 'Tindakan',
    hideHeader: true,
    render: (row) => <button type="button">Ubah {row.name}</button>,
  },
]

const rows: Row[] = [
  { id: '1', name: 'Bidang 10', count: 3 },
  { id: '2', name: 'ékonomi', count: null },
  { id: '3', name: 'bidang 2', count: 12 },
  { id: '4', name: 'Arsip', count: 1 },
]

/** Makes `(max-width: 40em)` match, as on a phone. */
function onPhone() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query.includes('max-width'),
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
  }))
}

const names = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('td')?.textContent)

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('sortRows', () => {
  it('orders text with the Indonesian collation: case and accents ignored, numbers by value', () => {
    expect(sortRows(rows, columns, { key: 'name', direction: 'asc' }).map((row) => row.name)).toEqual([
      'Arsip',
      'bidang 2',
      'Bidang 10',
      'ékonomi',
    ])
  })

  it('orders numbers by value and puts empty values last in both directions', () => {
    expect(sortRows(rows, columns, { key: 'count', direction: 'asc' }).map((row) => row.count)).toEqual([
      1,
      3,
      12,
      null,
    ])
    expect(sortRows(rows, columns, { key: 'count', direction: 'desc' }).map((row) => row.count)).toEqual([
      12,
      3,
      1,
      null,
    ])
  })
})

describe('DataTable', () => {
  it('sorts by a column when its header is clicked, and says how it is sorted', () => {
    renderWithProviders(
      <DataTable
        caption="Daftar unit"
        columns={columns}
        rows={rows}
        rowKey={(row) => row.id}
        emptyText="Kosong"
      />,
    )
    expect(screen.getByRole('table', { name: 'Daftar unit' })).toBeTruthy()
    expect(names()).toEqual(['Bidang 10', 'ékonomi', 'bidang 2', 'Arsip'])
    fireEvent.click(screen.getByRole('button', { name: /^Nama/ }))
    expect(names()).toEqual(['Arsip', 'bidang 2', 'Bidang 10', 'ékonomi'])
    expect(screen.getByRole('columnheader', { name: /^Nama/ }).getAttribute('aria-sort')).toBe('ascending')
    fireEvent.click(screen.getByRole('button', { name: /^Nama/ }))
    expect(names()).toEqual(['ékonomi', 'Bidang 10', 'bidang 2', 'Arsip'])
    expect(screen.getByRole('columnheader', { name: /^Nama/ }).getAttribute('aria-sort')).toBe('descending')
  })

  it('pages long lists and tells where the reader is', () => {
    const many = Array.from({ length: 30 }, (_, index) => ({
      id: String(index),
      name: `Unit ${index + 1}`,
      count: index,
    }))
    renderWithProviders(
      <DataTable
        caption="Daftar"
        columns={columns}
        rows={many}
        rowKey={(row) => row.id}
        emptyText="Kosong"
        initialSort={{ key: 'count', direction: 'asc' }}
        pageSize={25}
      />,
    )
    expect(names()).toHaveLength(25)
    expect(screen.getByText('1–25 dari 30')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Berikutnya' }))
    expect(names()).toEqual(['Unit 26', 'Unit 27', 'Unit 28', 'Unit 29', 'Unit 30'])
    expect(screen.getByText('26–30 dari 30')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Berikutnya' }).hasAttribute('disabled')).toBe(true)
  })

  it('says what an empty list means instead of showing an empty table', () => {
    renderWithProviders(
      <DataTable
        caption="Daftar"
        columns={columns}
        rows={[]}
        rowKey={(row) => row.id}
        emptyText="Belum ada unit."
      />,
    )
    expect(screen.getByText('Belum ada unit.')).toBeTruthy()
    expect(screen.queryByRole('table')).toBeNull()
  })

  it('shows cards with labelled values instead of columns on a phone, with a sort choice', () => {
    onPhone()
    renderWithProviders(
      <DataTable
        caption="Daftar unit"
        columns={columns}
        rows={rows}
        rowKey={(row) => row.id}
        emptyText="Kosong"
      />,
    )
    expect(screen.queryByRole('table')).toBeNull()
    const cards = within(screen.getByRole('list', { name: 'Daftar unit' })).getAllByRole('listitem')
    expect(cards).toHaveLength(4)
    expect(cards[0]!.textContent).toContain('Bidang 10')
    expect(within(cards[0]!).getByText('Jumlah')).toBeTruthy()
    expect(within(cards[0]!).getByRole('button', { name: 'Ubah Bidang 10' })).toBeTruthy()
    expect(within(cards[0]!).queryByText('Tindakan')).toBeNull()

    fireEvent.change(screen.getByLabelText('Urutkan'), { target: { value: 'name:asc' } })
    const sorted = within(screen.getByRole('list', { name: 'Daftar unit' })).getAllByRole('listitem')
    expect(sorted.map((card) => card.querySelector('p')?.textContent)).toEqual([
      'Arsip',
      'bidang 2',
      'Bidang 10',
      'ékonomi',
    ])
  })
})
