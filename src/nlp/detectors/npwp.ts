// NPWP (taxpayer number) validation and detection per rules.md §7/§36: the legacy 15 digits carry a Luhn check
// digit in position 9; since PMK 112/2022 a 16-digit NPWP is either "0" + the legacy 15 (Luhn over its first 10
// digits) or an individual's NIK.
import type { DetectorSpan } from './detector-span.ts'
import { passesLuhn } from './luhn.ts'
import { isValidNik } from './nik.ts'

export function isValidNpwp(value: string): boolean {
  const digits = value.replace(/[.\-\s]/g, '')
  if (/^\d{15}$/.test(digits)) return passesLuhn(digits.slice(0, 9))
  if (/^\d{16}$/.test(digits))
    return digits.startsWith('0') ? passesLuhn(digits.slice(0, 10)) : isValidNik(digits)
  return false
}

/** Legacy display form 99.999.999.9-999.999 (for a "0"-prefixed 16-digit NPWP, of its last 15 digits). */
export function formatNpwp(value: string): string {
  const digits = value.replace(/\D/g, '')
  const legacy = digits.length === 16 && digits.startsWith('0') ? digits.slice(1) : digits
  if (legacy.length !== 15) return value
  return `${legacy.slice(0, 2)}.${legacy.slice(2, 5)}.${legacy.slice(5, 8)}.${legacy.slice(8, 9)}-${legacy.slice(9, 12)}.${legacy.slice(12)}`
}

// The legacy form 99.999.999.9-999.999 as people write it (dots, dashes or spaces between the six groups, an
// optional leading 0 for the 16-digit form), sixteen digits in groups of four, or 15/16 bare digits.
const SEPARATOR = String.raw`(?:[ \t]?[.-][ \t]?|[ \t])`
const CANDIDATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_+])((0?\d{2}${SEPARATOR}\d{3}${SEPARATOR}\d{3}${SEPARATOR}\d${SEPARATOR}\d{3}${SEPARATOR}\d{3})|\d{4}([ .-])\d{4}\3\d{4}\3\d{4}|\d{15,16})(?![\p{L}\p{N}_]|[.,-]\d)`,
  'gu',
)
const NPWP_CONTEXT = /\b(?:npwp(?:15|16)?|nomor\s+pokok\s+wajib\s+pajak)\b[^\d]{0,25}$/i

/**
 * NPWP spans in free text. Detection is not validation: what the text calls an NPWP, and any number in the NPWP's
 * own six-group shape, is reported whatever its check digit (a mistyped or invented number published beside a
 * name still reads as somebody's tax number). A bare number must prove itself instead: 15 digits need the type
 * prefix 0 and the Luhn check; a bare 16-digit number that is a valid NIK is left to the NIK detector (an
 * individual's NPWP is their NIK since PMK 112/2022, so the digits alone cannot say which the writer meant); a bare
 * "0"-prefixed 16-digit number needs the taxpayer-type prefix "00", because phone-like decoys (08…) pass a 10-digit
 * Luhn one time in ten.
 */
export function findNpwps(text: string): DetectorSpan[] {
  const spans: DetectorSpan[] = []
  for (const match of text.matchAll(CANDIDATE)) {
    const raw = match[1] ?? ''
    const digits = raw.replace(/\D/g, '')
    // One digit repeated (1111…, 0000…, the 99.999.999.9-999.999 template) is a placeholder, not a number.
    if (/^(\d)\1+$/.test(digits)) continue
    const start = match.index
    const named = NPWP_CONTEXT.test(text.slice(Math.max(0, start - 40), start))
    const shaped = match[2] !== undefined
    if (!named && !shaped) {
      // Groups of four are how cards and NIKs are written too: only an NPWP when the text calls it one.
      if (match[3] !== undefined) continue
      if (!isValidNpwp(digits)) continue
      if (digits.length === 16 && !digits.startsWith('00')) continue
      // Legacy taxpayer types are 00-09, so a bare 15-digit NPWP starts with 0.
      if (digits.length === 15 && !digits.startsWith('0')) continue
    }
    spans.push({ start, end: start + raw.length })
  }
  return spans
}
