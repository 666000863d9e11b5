// Private e-mail addresses. An official address (government .go.id, military .mil.id, village .desa.id, other
// countries' government domains) is contact information the account is meant to publish; any other address is
// treated as personal data of whoever owns it.
import type { DetectorSpan } from './detector-span.ts'

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@((?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,})(?![\p{L}\p{N}-])/gu

// Suffixes of official domains. Universities (.ac.id) and schools (.sch.id) are institutional, not personal.
const OFFICIAL_SUFFIXES = ['.go.id', '.mil.id', '.desa.id', '.ac.id', '.sch.id', '.gov', '.mil', '.int']
const OFFICIAL_PATTERNS = [/\.gov\.[a-z]{2}$/, /\.go\.[a-z]{2}$/, /\.mil\.[a-z]{2}$/]

export function isOfficialEmailDomain(domain: string): boolean {
  const lower = domain.toLowerCase()
  return (
    OFFICIAL_SUFFIXES.some((suffix) => lower.endsWith(suffix) || lower === suffix.slice(1)) ||
    OFFICIAL_PATTERNS.some((pattern) => pattern.test(lower))
  )
}

// Webmail is always somebody's own mailbox; on an organisation's domain a role address (info@, humas@) is not.
const WEBMAIL =
  /^(?:gmail|googlemail|yahoo|ymail|rocketmail|hotmail|outlook|live|msn|icloud|me|aol|proton|protonmail|gmx|yandex|zoho|mail)\./i
const ROLE_LOCAL_PART =
  /^(?:info|informasi|humas|cs|customer\.?care|pengaduan|layanan|admin|kontak|contact|support|helpdesk|halo|redaksi|sekretariat|ppid|office|hello|marketing|sales|media|press|pr)$/i

// Addresses spelt out to dodge scrapers: "budi [at] gmail [dot] com", "budi(at)gmail.com".
const OBFUSCATED =
  /(?<![\p{L}\p{N}._%+-])([\p{L}\p{N}._%+-]+)\s*(?:\[at\]|\(at\)|\{at\})\s*([\p{L}\p{N}-]+(?:\s*(?:\[dot\]|\(dot\)|\.)\s*[\p{L}\p{N}-]+)+)/giu

/** Spans of e-mail addresses outside official domains. */
export function findPrivateEmails(text: string): DetectorSpan[] {
  const spans: DetectorSpan[] = []
  for (const match of text.matchAll(EMAIL)) {
    let raw = match[0]
    // A sentence-final dot belongs to the sentence, not the address.
    raw = raw.replace(/\.+$/, '')
    const domain = raw.slice(raw.indexOf('@') + 1)
    if (isOfficialEmailDomain(domain)) continue
    const localPart = raw.slice(0, raw.indexOf('@'))
    if (!WEBMAIL.test(domain) && ROLE_LOCAL_PART.test(localPart)) continue
    spans.push({ start: match.index, end: match.index + raw.length })
  }
  for (const match of text.matchAll(OBFUSCATED)) {
    const domain = (match[2] ?? '').replace(/\s*(?:\[dot\]|\(dot\))\s*|\s*\.\s*/giu, '.')
    if (isOfficialEmailDomain(domain)) continue
    spans.push({ start: match.index, end: match.index + match[0].length })
  }
  return spans
}
