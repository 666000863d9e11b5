// NIK (Nomor Induk Kependudukan) validation and detection. Structure per PP 37/2007 Pasal 37 and rules.md §7/§34:
// PPRRDD region + DDMMYY birth date (+40 on the day for women) + 4-digit serial. There is no checksum, so a
// 16-digit number is only reported when its region exists, its date is real and its serial is not 0000, and the
// words right before it do not say it is a card, account or transaction number.
import type { DetectorSpan } from './detector-span.ts'
import { passesLuhn } from './luhn.ts'
import { isKnownDistrictCode } from './region-codes.ts'

export interface NikInfo {
  provinceCode: string
  regencyCode: string
  districtCode: string
  sex: 'male' | 'female'
  /** Day and month of birth; the century is not encoded in the NIK. */
  birthDay: number
  birthMonth: number
  birthYearTwoDigits: number
  serial: string
}

function isRealDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** Parses a bare 16-digit NIK; null when it fails any structural rule. */
export function parseNik(value: string): NikInfo | null {
  if (!/^\d{16}$/.test(value)) return null
  if (!isKnownDistrictCode(value.slice(0, 6))) return null
  const rawDay = Number(value.slice(6, 8))
  const month = Number(value.slice(8, 10))
  const year = Number(value.slice(10, 12))
  const female = rawDay > 40
  const day = female ? rawDay - 40 : rawDay
  if (day < 1 || day > 31) return null
  // Two-digit year: valid when the date exists in the 1900s or the 2000s (29 February needs a leap year in one).
  if (!isRealDate(day, month, 1900 + year) && !isRealDate(day, month, 2000 + year)) return null
  const serial = value.slice(12)
  if (serial === '0000') return null
  return {
    provinceCode: value.slice(0, 2),
    regencyCode: value.slice(0, 4),
    districtCode: value.slice(0, 6),
    sex: female ? 'female' : 'male',
    birthDay: day,
    birthMonth: month,
    birthYearTwoDigits: year,
    serial,
  }
}

export function isValidNik(value: string): boolean {
  return parseNik(value) !== null
}

/** Masks all but the region's first four and the serial's last four digits, as rules.md §35 shows. */
export function maskNik(value: string): string {
  return value.length === 16 ? `${value.slice(0, 4)}********${value.slice(12)}` : value
}

// Sixteen digits written plainly, in 4-4-4-4 groups with one separator, or as PP.RR.DD.DDMMYY.SSSS.
const CANDIDATE =
  /(?<![\p{L}\p{N}_+])(\d{16}|\d{4}([ .-])\d{4}\2\d{4}\2\d{4}|\d{2}\.\d{2}\.\d{2}\.\d{6}\.\d{4})(?![\p{L}\p{N}_]|[.,-]\d)/gu

// Words that say a 16-digit number is something else (payment card, bank account, transaction, order or customer
// id). Checked in the few words before the number, and overridden when the text names it an NIK or KTP number.
const DECOY_CONTEXT =
  /\b(kartu\s+(kredit|debit|atm)|credit\s+card|debit\s+card|card|visa|mastercard|rekening|rek\.?|no\.?\s*rek|va|virtual\s+account|transaksi|trx|ref(erensi)?|resi|invoice|inv|order|pesanan|tagihan|billing|kode\s+bayar|kode\s+billing|id\s*pel(anggan)?|idpel|pelanggan|meter|token|voucher|kupon|tiket|booking|no\.?\s*seri|serial|imei|polis|kontrak|sertifikat|nomor\s+surat|no\.?\s*surat)\b[^\d]{0,25}$/i
const IDENTITY_CONTEXT =
  /\b(nik|ktp|e-?ktp|kependudukan|nomor\s+induk|no\.?\s*kk|kartu\s+keluarga|kk)\b[^\d]{0,25}$/i

/** Spans of valid NIKs in free text; decoy numbers (cards, accounts, transaction ids) are left alone. */
export function findNiks(text: string): DetectorSpan[] {
  const spans: DetectorSpan[] = []
  for (const match of text.matchAll(CANDIDATE)) {
    const raw = match[1] ?? ''
    const digits = raw.replace(/\D/g, '')
    if (!isValidNik(digits)) continue
    // One digit repeated (1111…, 0000…) is a placeholder or a test value, not somebody's number.
    if (/^(\d)\1+$/.test(digits)) continue
    const start = match.index
    const before = text.slice(Math.max(0, start - 40), start)
    const named = IDENTITY_CONTEXT.test(before)
    if (DECOY_CONTEXT.test(before) && !named) continue
    // Part of a path-like reference (INV/2024/…, #…, id=…) rather than a number standing on its own.
    if (/[/#=:_]$/.test(before) || text[start + raw.length] === '/') {
      if (!named) continue
    }
    // Payment cards are printed in groups of four and carry a Luhn check digit; an NIK has none, so a grouped,
    // Luhn-valid number with a card-network first digit is taken for a card unless the text calls it an NIK.
    if (
      !named &&
      /^\d{4} \d{4} \d{4} \d{4}$/.test(raw) &&
      /^(?:4|5[1-5]|6[2-5])/.test(digits) &&
      passesLuhn(digits)
    )
      continue
    spans.push({ start, end: start + raw.length })
  }
  return spans
}
