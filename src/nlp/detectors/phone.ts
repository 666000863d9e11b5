// Indonesian phone numbers (rules.md §7/§37), validated with libphonenumber-js rather than operator prefix lists.
// Only a private mobile number is a finding: call centres (1500-xxx, 1-500-xxx), toll-free 0800 lines, office
// landlines such as (021) … and emergency numbers (112, 110) are what an official account is meant to publish.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import type { DetectorSpan } from './detector-span.ts'

export type PhoneKind = 'mobile' | 'fixed_line' | 'toll_free' | 'shared_cost' | 'other'

export interface NormalisedPhone {
  e164: string
  kind: PhoneKind
}

/** E.164 form and kind of an Indonesian number written as 0…, 62… or +62…; null when libphonenumber rejects it. */
export function normalisePhone(value: string): NormalisedPhone | null {
  const compact = value.replace(/[\s.()-]/g, '')
  const withPlus = compact.startsWith('62') ? `+${compact}` : compact
  const parsed = parsePhoneNumberFromString(withPlus, 'ID')
  if (!parsed || parsed.country !== 'ID' || !parsed.isValid()) return null
  const type = parsed.getType()
  const kind: PhoneKind =
    type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE'
      ? 'mobile'
      : type === 'FIXED_LINE'
        ? 'fixed_line'
        : type === 'TOLL_FREE'
          ? 'toll_free'
          : type === 'SHARED_COST' || type === 'UAN'
            ? 'shared_cost'
            : 'other'
  return { e164: parsed.number, kind }
}

// A number that starts like an Indonesian subscriber number (+62, 62 or the trunk 0) followed by 8-12 more digits,
// with single spaces, dots or dashes between them. The look-arounds stop it from taking a slice of a longer number
// such as an NIK or a transaction id.
const CANDIDATE = /(?<![\p{L}\p{N}_+])(?:\+62|62|0)(?:[ .-]?\d){8,12}(?!\d|[.-]\d)/gu

/** Spans of private mobile numbers in free text. */
export function findPrivatePhones(text: string): DetectorSpan[] {
  const spans: DetectorSpan[] = []
  for (const match of text.matchAll(CANDIDATE)) {
    const raw = match[0]
    if (!/^(?:\+62|62|0)[ .-]?8/.test(raw)) continue
    const phone = normalisePhone(raw)
    if (phone?.kind !== 'mobile') continue
    const start = match.index
    spans.push({ start, end: start + raw.length })
  }
  return spans
}
