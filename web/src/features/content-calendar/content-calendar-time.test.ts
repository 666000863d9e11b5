import { describe, expect, it } from 'vitest'
import {
  fromWallClock,
  fromZoneInput,
  toWallClock,
  toZoneInput,
  zoneOfLabel,
  zoneTime,
} from './content-calendar-time.ts'

describe('content calendar times', () => {
  it('shows an instant at the wall clock of WIB, WITA and WIT', () => {
    const iso = '2026-12-10T02:30:00.000Z'
    expect(zoneTime(iso, 'Asia/Jakarta')).toBe('09.30')
    expect(zoneTime(iso, 'Asia/Makassar')).toBe('10.30')
    expect(zoneTime(iso, 'Asia/Jayapura')).toBe('11.30')
    expect(toWallClock(iso, 'Asia/Jayapura').toISOString()).toBe('2026-12-10T11:30:00.000Z')
  })

  it('turns a time dragged or typed in the zone back into the same instant', () => {
    const iso = '2026-12-31T20:15:00.000Z'
    for (const zone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const) {
      expect(fromWallClock(toWallClock(iso, zone), zone)).toBe(iso)
      expect(fromZoneInput(toZoneInput(iso, zone), zone)).toBe(iso)
    }
    expect(toZoneInput(iso, 'Asia/Jayapura')).toBe('2027-01-01T05:15')
    expect(fromZoneInput('2026-12-10T09:00', zoneOfLabel('WITA'))).toBe('2026-12-10T01:00:00.000Z')
    expect(fromZoneInput('', 'Asia/Jakarta')).toBeNull()
  })
})
