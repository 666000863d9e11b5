// Working hours on the working-day calendar: the reply-target clock (issue #9 item 3). A target such as "4 working
// hours" counts only the office's hours on working days, in the instansi's own time zone (WIB, WITA or WIT, none
// with daylight saving), so a complaint received Friday 15:00 with 1.5 hours left that day lands on Monday. Pure:
// the calendar comes from src/features/calendar, the instant from the caller's clock.
import {
  addCalendarDays,
  dayOfWeek,
  isWorkingDay,
  yearOf,
  type WorkingCalendar,
} from '../calendar/add-working-days.ts'

export const INSTANSI_TIME_ZONES = ['WIB', 'WITA', 'WIT'] as const
export type InstansiTimeZone = (typeof INSTANSI_TIME_ZONES)[number]

/** Hours east of UTC: WIB Asia/Jakarta, WITA Asia/Makassar, WIT Asia/Jayapura. */
export const TIME_ZONE_OFFSET_HOURS: Readonly<Record<InstansiTimeZone, number>> = { WIB: 7, WITA: 8, WIT: 9 }

/** One day's office hours, 'HH:MM' local time, start before end. */
export interface DayHours {
  start: string
  end: string
}

export interface WorkingHours {
  timeZone: InstansiTimeZone
  /**
   * Office hours by day of the week (index 0 = Sunday … 6 = Saturday); null where the office is closed. A hari
   * kerja pengganti on a closed weekday (a Saturday worked in exchange for a cuti bersama) uses Monday's hours.
   */
  days: ReadonlyArray<DayHours | null>
}

/**
 * The ASN week (Perpres 21/2023, 37.5 hours [M]): 08:00–16:00 Monday to Thursday, 08:00–16:30 on Friday, in WIB.
 * Each instansi sets its own.
 */
export const DEFAULT_WORKING_HOURS: WorkingHours = {
  timeZone: 'WIB',
  days: [
    null,
    { start: '08:00', end: '16:00' },
    { start: '08:00', end: '16:00' },
    { start: '08:00', end: '16:00' },
    { start: '08:00', end: '16:00' },
    { start: '08:00', end: '16:30' },
    null,
  ],
}

export interface WorkingHoursResult {
  dueAt: Date
  /** The count ran through a year without a holiday table: the time may move once that year's SKB is out. */
  provisional: boolean
  provisionalYears: number[]
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/
const MINUTE_MS = 60_000
/** No target runs longer than ten years of closed days; a calendar with no open day at all stops here. */
const MAX_DAYS = 3660

export function minutesOf(hhmm: string): number {
  const match = HHMM.exec(hhmm)
  if (!match) throw new RangeError(`not a time of day HH:MM: ${hhmm}`)
  return Number(match[1]) * 60 + Number(match[2])
}

export function isTimeOfDay(value: string): boolean {
  return HHMM.test(value)
}

/** Problems with a working-hours setting, by path ('days.5.end'); empty when it is usable. */
export function workingHoursProblems(hours: WorkingHours): string[] {
  const problems: string[] = []
  if (!INSTANSI_TIME_ZONES.includes(hours.timeZone)) problems.push('timeZone')
  if (hours.days.length !== 7) problems.push('days')
  hours.days.forEach((day, index) => {
    if (day === null) return
    if (!isTimeOfDay(day.start)) problems.push(`days.${index}.start`)
    else if (!isTimeOfDay(day.end) || minutesOf(day.end) <= minutesOf(day.start))
      problems.push(`days.${index}.end`)
  })
  if (hours.days.every((day) => day === null)) problems.push('days')
  return problems
}

/** The local calendar date and minute of the day of an instant in a time zone. */
export function localTimeOf(instant: Date, timeZone: InstansiTimeZone): { date: string; minute: number } {
  const shifted = new Date(instant.getTime() + TIME_ZONE_OFFSET_HOURS[timeZone] * 3_600_000)
  return {
    date: shifted.toISOString().slice(0, 10),
    minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() + shifted.getUTCSeconds() / 60,
  }
}

/** The instant of a local date and minute of the day. */
export function instantOf(date: string, minute: number, timeZone: InstansiTimeZone): Date {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`)
  return new Date(midnightUtc + minute * MINUTE_MS - TIME_ZONE_OFFSET_HOURS[timeZone] * 3_600_000)
}

/** The office hours of a date: null when it is not a working day or the office is closed that weekday. */
export function hoursOn(date: string, hours: WorkingHours, calendar: WorkingCalendar): DayHours | null {
  if (!isWorkingDay(date, calendar)) return null
  const own = hours.days[dayOfWeek(date)] ?? null
  if (own) return own
  // A hari kerja pengganti on a day the office is normally closed: a full ordinary day.
  return calendar.extraWorkingDays?.has(date) ? (hours.days[1] ?? null) : null
}

/**
 * The instant `minutes` working minutes after `start`: only office hours on working days count. Time received
 * outside hours starts counting at the next opening; a target that ends exactly at closing time is due then.
 */
export function addWorkingMinutes(
  start: Date,
  minutes: number,
  hours: WorkingHours,
  calendar: WorkingCalendar,
): WorkingHoursResult {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`working minutes must be ≥ 0, got ${minutes}`)
  const provisionalYears = new Set<number>()
  const local = localTimeOf(start, hours.timeZone)
  let date = local.date
  let from = local.minute
  let remaining = minutes
  for (let step = 0; step < MAX_DAYS; step += 1) {
    if (!calendar.yearsWithTable.has(yearOf(date))) provisionalYears.add(yearOf(date))
    const open = hoursOn(date, hours, calendar)
    if (open) {
      const begin = Math.max(from, minutesOf(open.start))
      const end = minutesOf(open.end)
      if (begin < end || (remaining === 0 && begin <= end)) {
        const available = end - begin
        if (remaining <= available) {
          const years = [...provisionalYears].sort((a, b) => a - b)
          return {
            dueAt: instantOf(date, begin + remaining, hours.timeZone),
            provisional: years.length > 0,
            provisionalYears: years,
          }
        }
        remaining -= available
      }
    }
    date = addCalendarDays(date, 1)
    from = 0
  }
  throw new RangeError(`no working hours within ${MAX_DAYS} days of ${start.toISOString()}`)
}

export function addWorkingHours(
  start: Date,
  workingHours: number,
  hours: WorkingHours,
  calendar: WorkingCalendar,
): WorkingHoursResult {
  return addWorkingMinutes(start, Math.round(workingHours * 60), hours, calendar)
}
