// The board's filters and colours: pure, so the component test and the page read the same rules.
import type { AgendaBoardStatus } from '../../../../src/shared/agenda.ts'
import type { AgendaBoardRow } from './agenda-types.ts'

export interface BoardFilters {
  status: AgendaBoardStatus | ''
  /** Words in the unit's name or code, or the account's handle. */
  query: string
}

export function filterBoardRows(rows: readonly AgendaBoardRow[], filters: BoardFilters): AgendaBoardRow[] {
  const query = filters.query.trim().toLocaleLowerCase('id')
  return rows.filter(
    (row) =>
      (!filters.status || row.boardStatus === filters.status) &&
      (!query ||
        [row.unit.name, row.unit.code, row.account?.handle ?? ''].some((text) =>
          text.toLocaleLowerCase('id').includes(query),
        )),
  )
}

// Only red, green, orange and the app's own colour are tuned for AA contrast (app/theme.ts).
export const BOARD_STATUS_COLOURS: Record<AgendaBoardStatus, string> = {
  done: 'green',
  late: 'red',
  in_progress: 'warta',
  not_started: 'orange',
}
