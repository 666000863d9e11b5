// Times on the content calendar in the office's zone. Indonesia's three zones have fixed offsets (no daylight
// saving), so the calendar runs in UTC and is given each instant shifted by the zone's offset: what it shows and
// what a drag produces are wall-clock times in that zone, turned back into instants here.
import { TIME_ZONES, type IndonesianTimeZone } from '../../../../src/shared/dates.ts'

export type ZoneLabel = (typeof TIME_ZONES)[IndonesianTimeZone]

const OFFSET_HOURS: Record<IndonesianTimeZone, number> = {
  'Asia/Jakarta': 7,
  'Asia/Makassar': 8,
  'Asia/Jayapura': 9,
}
const HOUR_MS = 3_600_000

export const ZONE_LABELS = Object.values(TIME_ZONES)

export function isZoneLabel(value: unknown): value is ZoneLabel {
  return (ZONE_LABELS as readonly unknown[]).includes(value)
}

export function zoneOfLabel(label: ZoneLabel): IndonesianTimeZone {
  return (Object.keys(TIME_ZONES) as IndonesianTimeZone[]).find((zone) => TIME_ZONES[zone] === label)!
}

/** An instant → a Date whose UTC fields are the wall clock in the zone (what the calendar is given). */
export function toWallClock(iso: string, zone: IndonesianTimeZone): Date {
  return new Date(new Date(iso).getTime() + OFFSET_HOURS[zone] * HOUR_MS)
}

/** A wall-clock time in the zone (a Date from the calendar, its UTC fields) → the instant, as ISO. */
export function fromWallClock(wallClock: Date, zone: IndonesianTimeZone): string {
  return new Date(wallClock.getTime() - OFFSET_HOURS[zone] * HOUR_MS).toISOString()
}

/** An instant → 'YYYY-MM-DDTHH:mm' in the zone, for a datetime-local input. */
export function toZoneInput(iso: string, zone: IndonesianTimeZone): string {
  return toWallClock(iso, zone).toISOString().slice(0, 16)
}

/** 'YYYY-MM-DDTHH:mm' typed in the zone → the instant as ISO; null for an empty or unreadable value. */
export function fromZoneInput(value: string, zone: IndonesianTimeZone): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null
  const wallClock = new Date(`${value}:00Z`)
  return Number.isNaN(wallClock.getTime()) ? null : fromWallClock(wallClock, zone)
}

/** 'HH.mm' of an instant in the zone, as Indonesians write times. */
export function zoneTime(iso: string, zone: IndonesianTimeZone): string {
  return toWallClock(iso, zone).toISOString().slice(11, 16).replace(':', '.')
}
