// The one table of the web app: sortable columns (Indonesian collation for text), paging (by itself, or the
// server's pages), an empty state, and on screens narrower than 640 px a list of cards instead of columns, so a
// phone never scrolls sideways. Every list of rows in Warta goes through it.
import {
  Box,
  Button,
  DataList,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { useMemo, useState, type ReactNode } from 'react'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from './error-banner.tsx'
import { compareIndonesian } from './indonesian-collation.ts'

export interface DataTableColumn<T> {
  /** Stable id of the column (sorting state, React keys). */
  key: string
  header: string
  /** The cell; `layout` says whether it sits in a table row or in a phone card (e.g. to drop tree indentation). */
  render: (row: T, layout: DataTableLayout) => ReactNode
  /** Makes the column sortable: numbers compare as numbers, text with the Indonesian collation. */
  sortValue?: (row: T) => string | number | null | undefined
  /** The header is read only by screen readers (an actions column); in a card the cell has no label. */
  hideHeader?: boolean
  /** In a phone card this column is the title line. */
  primary?: boolean
  /** Keep the cell on one line (short codes, dates). */
  noWrap?: boolean
}

export type DataTableLayout = 'table' | 'cards'
export type SortDirection = 'asc' | 'desc'
export interface SortState {
  key: string
  direction: SortDirection
}

/** Paging done by the server: the table shows the rows it got and these controls. */
export interface ServerPaging {
  /** Where we are, e.g. "1–50 dari 120 akun" or "Halaman 2". */
  label: string
  hasPrevious: boolean
  hasNext: boolean
  onPrevious: () => void
  onNext: () => void
}

export interface DataTableProps<T> {
  /** The table's accessible name (a visually hidden caption), e.g. "Daftar pengguna". */
  caption: string
  columns: readonly DataTableColumn<T>[]
  /** Undefined while the first load runs. */
  rows: readonly T[] | undefined
  rowKey: (row: T) => string
  /** What an empty list means, e.g. "Belum ada akun yang cocok dengan saringan." */
  emptyText: string
  loading?: boolean
  error?: unknown
  /** The order before the person picks one; rows keep their given order without it. */
  initialSort?: SortState | null
  /** Rows per page when the table pages by itself (default 25); 0 shows every row. */
  pageSize?: number
  /** The server pages the data; the table then neither cuts nor counts pages itself. */
  serverPaging?: ServerPaging
  /** data-testid of the table (or of the card list on a phone). */
  testId?: string
}

/** Screens narrower than this get cards instead of columns (40em = 640 px). */
export const CARD_LAYOUT_QUERY = '(max-width: 40em)'

export function sortRows<T>(
  rows: readonly T[],
  columns: readonly DataTableColumn<T>[],
  sort: SortState | null,
): readonly T[] {
  const column = sort ? columns.find((candidate) => candidate.key === sort.key) : undefined
  if (!sort || !column?.sortValue) return rows
  const read = column.sortValue
  const sign = sort.direction === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const x = read(a)
    const y = read(b)
    // Empty values go last in either direction: people look for what is there.
    if (x === null || x === undefined || x === '') return y === null || y === undefined || y === '' ? 0 : 1
    if (y === null || y === undefined || y === '') return -1
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign
    return compareIndonesian(String(x), String(y)) * sign
  })
}

function Pager({
  label,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
}: {
  label: string
  hasPrevious: boolean
  hasNext: boolean
  onPrevious: () => void
  onNext: () => void
}) {
  const { t } = useI18n()
  return (
    <Group justify="space-between" mt="sm" gap="xs" wrap="nowrap">
      <Button variant="default" size="sm" disabled={!hasPrevious} onClick={onPrevious}>
        {t('common.previous')}
      </Button>
      <Text size="sm" ta="center" aria-live="polite">
        {label}
      </Text>
      <Button variant="default" size="sm" disabled={!hasNext} onClick={onNext}>
        {t('common.next')}
      </Button>
    </Group>
  )
}

function SortHeader<T>({
  column,
  sort,
  onSort,
}: {
  column: DataTableColumn<T>
  sort: SortState | null
  onSort: (key: string) => void
}) {
  const { t } = useI18n()
  const active = sort?.key === column.key
  const arrow = !active ? '↕' : sort.direction === 'asc' ? '↑' : '↓'
  return (
    <UnstyledButton
      onClick={() => onSort(column.key)}
      fw={700}
      fz="sm"
      style={{ display: 'inline-flex', gap: 4, alignItems: 'flex-end', textAlign: 'start' }}
    >
      {column.header}
      <span aria-hidden="true" style={{ opacity: active ? 1 : 0.55 }}>
        {arrow}
      </span>
      <VisuallyHidden>{t('table.sortHint')}</VisuallyHidden>
    </UnstyledButton>
  )
}

function Cards<T>({
  caption,
  columns,
  rows,
  rowKey,
  testId,
}: {
  caption: string
  columns: readonly DataTableColumn<T>[]
  rows: readonly T[]
  rowKey: (row: T) => string
  testId?: string | undefined
}) {
  const primary = columns.find((column) => column.primary) ?? columns[0]
  const labelled = columns.filter((column) => column !== primary && !column.hideHeader)
  const unlabelled = columns.filter((column) => column !== primary && column.hideHeader)
  return (
    <Stack
      component="ul"
      aria-label={caption}
      data-testid={testId}
      gap="sm"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {rows.map((row) => (
        <Paper component="li" key={rowKey(row)} withBorder p="sm" radius="sm">
          {primary ? (
            <Text fw={700} mb={6} style={{ overflowWrap: 'anywhere' }}>
              {primary.render(row, 'cards')}
            </Text>
          ) : null}
          <DataList size="sm" gap={6} labelWidth="7.5rem" style={{ overflowWrap: 'anywhere' }}>
            {labelled.map((column) => (
              <DataList.Item key={column.key}>
                <DataList.ItemLabel>{column.header}</DataList.ItemLabel>
                <DataList.ItemValue>{column.render(row, 'cards')}</DataList.ItemValue>
              </DataList.Item>
            ))}
          </DataList>
          {unlabelled.map((column) => (
            <Box key={column.key} mt="xs">
              {column.render(row, 'cards')}
            </Box>
          ))}
        </Paper>
      ))}
    </Stack>
  )
}

export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  emptyText,
  loading = false,
  error,
  initialSort = null,
  pageSize = 25,
  serverPaging,
  testId,
}: DataTableProps<T>) {
  const { t } = useI18n()
  const cards = useMediaQuery(CARD_LAYOUT_QUERY, false, { getInitialValueInEffect: false })
  const [sort, setSort] = useState<SortState | null>(initialSort)
  const [page, setPage] = useState(1)

  const sorted = useMemo(() => sortRows(rows ?? [], columns, sort), [rows, columns, sort])
  const paged = !serverPaging && pageSize > 0
  const pageCount = paged ? Math.max(1, Math.ceil(sorted.length / pageSize)) : 1
  const currentPage = Math.min(page, pageCount)
  const visible = paged ? sorted.slice((currentPage - 1) * pageSize, currentPage * pageSize) : sorted

  const toggleSort = (key: string) => {
    setPage(1)
    setSort((previous) =>
      previous?.key === key
        ? { key, direction: previous.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: 'asc' },
    )
  }
  const sortable = columns.filter((column) => column.sortValue)

  if (error) return <ErrorBanner error={error} />
  if (!rows)
    return loading ? (
      <Group gap="xs" role="status">
        <Loader size="sm" />
        <Text size="sm">{t('common.loading')}</Text>
      </Group>
    ) : null

  const empty = (
    <Text c="dimmed" py="sm">
      {emptyText}
    </Text>
  )

  return (
    <Box>
      {sorted.length === 0 ? (
        empty
      ) : cards ? (
        <>
          {sortable.length > 0 ? (
            <NativeSelect
              label={t('table.sortBy')}
              size="sm"
              mb="sm"
              value={sort ? `${sort.key}:${sort.direction}` : ''}
              onChange={(event) => {
                const [key, direction] = event.currentTarget.value.split(':')
                setPage(1)
                setSort(key ? { key, direction: direction === 'desc' ? 'desc' : 'asc' } : null)
              }}
              data={[
                { value: '', label: t('table.sortDefault') },
                ...sortable.flatMap((column) => [
                  { value: `${column.key}:asc`, label: t('table.sortAscending', { column: column.header }) },
                  {
                    value: `${column.key}:desc`,
                    label: t('table.sortDescending', { column: column.header }),
                  },
                ]),
              ]}
            />
          ) : null}
          <Cards caption={caption} columns={columns} rows={visible} rowKey={rowKey} testId={testId} />
        </>
      ) : (
        <Box
          style={{ overflowX: 'auto' }}
          tabIndex={0}
          role="region"
          aria-label={caption}
          className="data-table-scroll"
        >
          <Table data-testid={testId} striped highlightOnHover verticalSpacing="xs" fz="sm">
            <VisuallyHidden component="caption">{caption}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => (
                  <Table.Th
                    key={column.key}
                    scope="col"
                    aria-sort={
                      sort?.key === column.key
                        ? sort.direction === 'asc'
                          ? 'ascending'
                          : 'descending'
                        : undefined
                    }
                    // Long headers wrap between words (a wide table must fit a laptop screen); the
                    // sort arrow stays beside the last word.
                    style={{ verticalAlign: 'bottom' }}
                  >
                    {column.hideHeader ? (
                      <VisuallyHidden>{column.header}</VisuallyHidden>
                    ) : column.sortValue ? (
                      <SortHeader column={column} sort={sort} onSort={toggleSort} />
                    ) : (
                      column.header
                    )}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((row) => (
                <Table.Tr key={rowKey(row)}>
                  {columns.map((column) => (
                    <Table.Td key={column.key} style={column.noWrap ? { whiteSpace: 'nowrap' } : undefined}>
                      {column.render(row, 'table')}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      )}
      {serverPaging && (serverPaging.hasNext || serverPaging.hasPrevious) ? (
        <Pager {...serverPaging} />
      ) : paged && pageCount > 1 ? (
        <Pager
          label={t('table.range', {
            from: (currentPage - 1) * pageSize + 1,
            to: Math.min(sorted.length, currentPage * pageSize),
            total: sorted.length,
          })}
          hasPrevious={currentPage > 1}
          hasNext={currentPage < pageCount}
          onPrevious={() => setPage(currentPage - 1)}
          onNext={() => setPage(currentPage + 1)}
        />
      ) : null}
    </Box>
  )
}
