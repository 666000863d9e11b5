// Reads a date as people type it: "12 Oktober 2026", "12 okt 2026", "Senin, 12 Okt 2026", "12/10/2026" (day
// first, as in Indonesia) or "2026-10-12". Month names in Bahasa Indonesia or English. Returns YYYY-MM-DD, or null
// when the text is not a real calendar day.

const MONTHS: Record<string, number> = {
  januari: 1,
  january: 1,
  jan: 1,
  februari: 2,
  pebruari: 2,
  february: 2,
  feb: 2,
  peb: 2,
  maret: 3,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  agustus: 8,
  august: 8,
  agu: 8,
  agt: 8,
  ags: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nopember: 11,
  nov: 11,
  nop: 11,
  desember: 12,
  december: 12,
  des: 12,
  dec: 12,
}

function calendarDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > last) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function parseTypedDate(text: string): string | null {
  // A leading weekday ("Senin, ") says nothing the date does not.
  const value = text
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+,\s*/, '')
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value)
  if (match) return calendarDay(Number(match[1]), Number(match[2]), Number(match[3]))
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value)
  if (match) return calendarDay(Number(match[3]), Number(match[2]), Number(match[1]))
  match = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(value)
  if (match) {
    const month = MONTHS[match[2] ?? '']
    return month ? calendarDay(Number(match[3]), month, Number(match[1])) : null
  }
  return null
}
