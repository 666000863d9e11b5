// Working-day arithmetic for legal deadlines (UU KIP, SP4N-LAPOR!). Pure: dates are Asia/Jakarta calendar dates
// as 'YYYY-MM-DD' strings, so no time zone or clock can shift a deadline by a day.
import type { OffDayKind } from './national-calendar.ts'

/** A day off other than the weekly ones: national (holiday, cuti bersama) or the instansi's libur daerah. */
export type DayOffKind = OffDayKind | 'regional_holiday'

export interface WorkingCalendar {
  /** Days off other than weekends, by date. */
  offDays: ReadonlyMap<string, DayOffKind>
  /** The name of each day off (for explaining a deadline); optional. */
  dayNames?: ReadonlyMap<string, string>
  /**
   * Hari kerja pengganti: dates that are working days although they fall on a weekly day off (a Saturday the
   * government declares a working day in exchange for a cuti bersama).
   */
  extraWorkingDays?: ReadonlySet<string>
  /** Years whose holiday table is known; counting into any other year makes the result provisional. */
  yearsWithTable: ReadonlySet<number>
  /** rules.md §10: no source says whether cuti bersama counts for KIP/SP4N deadlines, so it is a setting. */
  cutiBersamaIsWorkingDay: boolean
  /** Days of the week off (0 = Sunday … 6 = Saturday); the ASN week is Monday to Friday. */
  weekendDays?: readonly number[]
}

export interface WorkingDayResult {
  date: string
  /** True when the count ran through a year with no holiday table: the date may move once that year's SKB is out. */
  provisional: boolean
  /** The years without a table that the count ran through. */
  provisionalYears: number[]
}

const DAY_MS = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const parsed = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value
}

function toUtcMs(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`)
  return Date.parse(`${date}T00:00:00Z`)
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

export function addCalendarDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS)
}

export function dayOfWeek(date: string): number {
  return new Date(toUtcMs(date)).getUTCDay()
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4))
}

/** The Asia/Jakarta (WIB, UTC+7, no daylight saving) calendar date of an instant. */
export function jakartaDateOf(instant: Date): string {
  return fromUtcMs(instant.getTime() + 7 * 3_600_000)
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  return whyNotWorking(date, calendar) === null
}

/** Why a date is not a working day: its day-off kind, 'weekend', or null for a working day. */
export function whyNotWorking(date: string, calendar: WorkingCalendar): DayOffKind | 'weekend' | null {
  if (calendar.extraWorkingDays?.has(date)) return null
  const off = calendar.offDays.get(date)
  // A libur nasional or libur daerah is named even on a weekend: it says more than "weekend".
  if (off === 'holiday' || off === 'regional_holiday') return off
  if (off === 'cuti_bersama' && !calendar.cutiBersamaIsWorkingDay) return off
  const weekend = calendar.weekendDays ?? [0, 6]
  if (weekend.includes(dayOfWeek(date))) return 'weekend'
  return null
}

/**
 * The date `n` working days after `start`; counting starts the day after `start` (the day of receipt does not
 * count, rules.md §12). A day in a year without a table counts as working unless it is a weekend, and marks the
 * result provisional rather than silently guessing that year's holidays.
 */
export function addWorkingDays(start: string, n: number, calendar: WorkingCalendar): WorkingDayResult {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`)
  const provisionalYears = new Set<number>()
  let date = start
  let counted = 0
  while (counted < n) {
    date = addCalendarDays(date, 1)
    if (!calendar.yearsWithTable.has(yearOf(date))) provisionalYears.add(yearOf(date))
    if (isWorkingDay(date, calendar)) counted += 1
  }
  const years = [...provisionalYears].sort((a, b) => a - b)
  return { date, provisional: years.length > 0, provisionalYears: years }
}

/** Working days from `from` to `to`: counted after `from` up to `to`; negative when `to` is before `from`. */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  if (from === to) return 0
  const [start, end, sign] = from < to ? [from, to, 1] : [to, from, -1]
  let count = 0
  for (let date = addCalendarDays(start, 1); date <= end; date = addCalendarDays(date, 1))
    if (isWorkingDay(date, calendar)) count += 1
  return sign * count
}

export interface SkippedDay {
  date: string
  reason: DayOffKind | 'weekend'
  /** The holiday's name; null for a weekly day off. */
  name: string | null
}

/**
 * The days from the day after `start` up to `end` that did not count as working days, with why: what a person
 * checking a deadline by hand wants to see.
 */
export function skippedDays(start: string, end: string, calendar: WorkingCalendar): SkippedDay[] {
  const skipped: SkippedDay[] = []
  for (let date = addCalendarDays(start, 1); date <= end; date = addCalendarDays(date, 1)) {
    const reason = whyNotWorking(date, calendar)
    if (reason !== null)
      skipped.push({
        date,
        reason,
        name: reason === 'weekend' ? null : (calendar.dayNames?.get(date) ?? null),
      })
  }
  return skipped
}
