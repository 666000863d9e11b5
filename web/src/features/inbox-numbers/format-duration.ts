// A duration as an office reads it in a report: "45 mnt", "3 j 20 mnt", "2 hr 4 j" (Indonesian) or "45 min",
// "3 h 20 min", "2 d 4 h" (English); two units at most, rounded down to the minute.
import type { Locale } from '../../i18n/i18n.tsx'

const UNITS = {
  id: { day: 'hr', hour: 'j', minute: 'mnt' },
  en: { day: 'd', hour: 'h', minute: 'min' },
} as const

export function formatDuration(seconds: number | null, locale: Locale): string {
  if (seconds === null) return '—'
  const unit = UNITS[locale]
  const minutes = Math.floor(seconds / 60)
  if (minutes < 1) return `< 1 ${unit.minute}`
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const rest = minutes % 60
  if (days > 0) return hours > 0 ? `${days} ${unit.day} ${hours} ${unit.hour}` : `${days} ${unit.day}`
  if (hours > 0) return rest > 0 ? `${hours} ${unit.hour} ${rest} ${unit.minute}` : `${hours} ${unit.hour}`
  return `${rest} ${unit.minute}`
}
