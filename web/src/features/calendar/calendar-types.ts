// The working-day calendar of one year as GET /api/calendar?year= returns it.

export interface CalendarDay {
  date: string
  name: string
  kind: string
  /** 'national' as shipped with Warta; 'instansi' added or changed here. */
  source: 'national' | 'instansi'
  replaces?: { kind: string; name: string }
}

export interface CalendarYear {
  year: number
  hasTable: boolean
  source: string | null
  days: CalendarDay[]
  missingTables?: number[]
}
