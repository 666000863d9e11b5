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
const CANDIDATE = /(?<![\p{L}\p{N}_+])(?:\(\+62\)|\+62|62|0)(?:[ .-]?\d){8,12}(?!\d|[.-]\d)/gu

// An agency's own WhatsApp or SMS service line is a mobile number too, but it is the institution's: words right
// before the number that name a service line exempt it, unless they also name a person.
const SERVICE_LINE_CONTEXT =
  /\b(?:call\s*cent(?:er|re)|contact\s*cent(?:er|re)|hotline|pusat\s+(?:panggilan|informasi|pengaduan)|command\s+cent(?:er|re)|(?:wa|whatsapp|sms)\s+(?:resmi|center|centre|layanan|pengaduan)|layanan\s+(?:pengaduan|informasi|whatsapp|wa|sms|darurat)|nomor\s+resmi|kanal\s+resmi)\b[^\d]{0,30}$/iu
const PERSON_CONTEXT =
  /\b(?:saya|aku|gue|pak|bu|bapak|ibu|mas|mbak|kak|bang|a\.?\s?n\.?|atas\s+nama|narahubung|cp|contact\s+person|koordinator|petugas|staf|admin)\b/iu

/** Spans of private mobile numbers in free text. */
export function findPrivatePhones(text: string): DetectorSpan[] {
  const spans: DetectorSpan[] = []
  for (const match of text.matchAll(CANDIDATE)) {
    const raw = match[0]
    if (!/^(?:\(\+62\)|\+62|62|0)[ .-]?8/.test(raw)) continue
    const phone = normalisePhone(raw)
    if (phone?.kind !== 'mobile') continue
    const start = match.index
    const before = text.slice(Math.max(0, start - 50), start)
    if (SERVICE_LINE_CONTEXT.test(before) && !PERSON_CONTEXT.test(before)) continue
    spans.push({ start, end: start + raw.length })
  }
  return spans
}
