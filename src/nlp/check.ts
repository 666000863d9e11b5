// Compliance check of a draft post before publication (rules.md §12 C and F): personal data, classification
// markings, SARA hate, abusive words, known hoaxes, personal opinion or partisanship, platform length and tone.
// Each finding points at the offending span so the editor can highlight it; whole-text findings span the text.
import { classify as defaultClassify } from './classify.ts'
import { findClassifiedMarkers } from './detectors/classified-marker.ts'
import { findLearnedClauses } from './detectors/clause-model.ts'
import type { DetectorSpan } from './detectors/detector-span.ts'
import { findInformalTone } from './detectors/informal-tone.ts'
import type { InformalKind } from './detectors/informal-tone.ts'
import { findNiks } from './detectors/nik.ts'
import { findNpwps } from './detectors/npwp.ts'
import { findAbusiveWords, findGroupMentions, findSaraHate } from './detectors/offensive-language.ts'
import { findPersonalOpinion } from './detectors/personal-opinion.ts'
import { findPrivatePhones } from './detectors/phone.ts'
import { checkPlatformLimit } from './detectors/platform-limit.ts'
import { findPrivateEmails } from './detectors/private-email.ts'
import { isCorrectingHoax } from './draft-hoax-stance.ts'
import type { HoaxMatcher } from './hoax/create-hoax-matcher.ts'
import type { TextCounting } from '../shared/platform-rules.ts'
import { PLATFORM_LABELS } from '../shared/platforms.ts'
import type { Classification, Finding, FindingCode, Platform } from './types.ts'
import { sentenceSpans } from './detectors/sentence-spans.ts'

export interface Draft {
  platform: Platform
  text: string
}

export type ClassifyText = (text: string) => Classification

export interface CheckOptions {
  /** Known hoax claims; without it no hoax_claim finding is produced. */
  claims?: HoaxMatcher
  /** The classifier for SARA hate and abusive language; defaults to the committed models (`classify`). */
  classify?: ClassifyText | null
  /**
   * Classifier confidence needed for a finding when no offending word is found. Drafts by government staff are far
   * from the citizen comments the models learnt from, so a verdict without lexical evidence must be confident.
   */
  classifierOnlyThreshold?: number
}

const SEVERITY: Record<FindingCode, Finding['severity']> = {
  pii_nik: 'block',
  pii_phone: 'block',
  pii_email_private: 'block',
  pii_npwp: 'block',
  classified_marker: 'block',
  sara_hate: 'block',
  abusive_language: 'block',
  hoax_claim: 'block',
  too_long_for_platform: 'block',
  personal_opinion: 'warn',
  informal_tone: 'warn',
}

const UNIT_NAMES: Record<TextCounting, string> = {
  x_weighted: 'karakter berbobot',
  mastodon: 'karakter (tautan dihitung 23)',
  graphemes: 'karakter (grafem)',
  code_points: 'karakter',
  utf16_units: 'unit UTF-16',
  utf8_bytes: 'byte',
  emoji_bytes: 'karakter (emoji dihitung per byte)',
}

const INFORMAL_MESSAGES: Record<InformalKind, string> = {
  slang: 'Ganti kata gaul ini dengan bahasa Indonesia baku yang santun; akun resmi mewakili instansi.',
  excessive_punctuation: 'Kurangi tanda seru atau tanda tanya berulang; cukup satu tanda baca.',
  excessive_caps: 'Hindari huruf kapital berlebihan (terkesan berteriak); gunakan huruf kapital sesuai EYD.',
  alay_spelling:
    'Perbaiki ejaan alay (angka pengganti huruf, huruf berulang, huruf besar-kecil acak) ke ejaan baku.',
}

const MESSAGES = {
  pii_nik:
    'Hapus NIK ini atau samarkan (mis. 3171********0001); NIK adalah data pribadi dan tidak boleh dipublikasikan.',
  pii_npwp:
    'Hapus NPWP ini atau samarkan; nomor pajak seseorang adalah data pribadi dan tidak boleh dipublikasikan.',
  pii_phone:
    'Hapus nomor ponsel pribadi ini; cantumkan nomor layanan resmi instansi (call center atau telepon kantor).',
  pii_email_private: 'Ganti alamat e-mail pribadi ini dengan alamat resmi instansi (domain .go.id).',
  classified_marker:
    'Teks memuat penanda klasifikasi keamanan; dokumen Sangat Rahasia, Rahasia atau Terbatas tidak boleh dipublikasikan. Hapus bagian ini atau pastikan dokumennya berklasifikasi Biasa.',
  sara_hate:
    'Hapus ujaran yang menyerang atau memusuhi kelompok suku, agama, ras atau antargolongan (SARA); akun resmi wajib netral dan menyejukkan.',
  abusive_language: 'Ganti kata kasar atau menghina ini dengan bahasa yang santun.',
  personal_opinion: 'Hindari opini pribadi; akun resmi berbicara atas nama instansi, bukan atas nama admin.',
  partisan:
    'Hapus dukungan atau ajakan memilih partai, calon, pasangan calon atau nomor urut tertentu; akun resmi wajib netral (netralitas ASN). Informasi pemilu yang netral (jadwal, lokasi TPS, tata cara mencoblos) boleh.',
} as const

function finding(
  code: FindingCode,
  span: DetectorSpan,
  message: string,
  severity: Finding['severity'] = SEVERITY[code],
): Finding {
  return { code, severity, start: span.start, end: span.end, message }
}

/** A claim named in a finding: its first words, cut at a word boundary. */
function claimExcerpt(claim: string, max = 90): string {
  if (claim.length <= max) return claim
  const cut = claim.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

function hoaxFindings(text: string, matcher: HoaxMatcher): Finding[] {
  const whole = matcher.match(text)
  if (whole.match === null) return []
  // A draft that denies the claim or informs about the genuine service is the account doing its job, not spreading
  // it: the stance gate (draft-hoax-stance.ts) decides around the matcher, whatever the matcher's own cues.
  if (isCorrectingHoax(text, matcher.claimText(whole.match) ?? '')) return []
  let span: DetectorSpan = { start: 0, end: text.length }
  for (const sentence of sentenceSpans(text)) {
    if (matcher.match(text.slice(sentence.start, sentence.end)).match === whole.match) {
      span = sentence
      break
    }
  }
  return [
    finding(
      'hoax_claim',
      span,
      `Bagian ini mengulang klaim hoaks yang tercatat: «${claimExcerpt(matcher.claimText(whole.match) ?? whole.match)}». Jangan sebarkan; bila bermaksud meluruskan, nyatakan dengan jelas bahwa itu hoaks dan sertakan faktanya dari sumber resmi.`,
    ),
  ]
}

function offensiveFindings(text: string, options: CheckOptions): Finding[] {
  const findings: Finding[] = []
  const classifyText = options.classify === undefined ? defaultClassify : options.classify
  const threshold = options.classifierOnlyThreshold ?? 0.9
  const verdict = classifyText ? classifyText(text) : undefined
  const whole: DetectorSpan = { start: 0, end: text.length }

  // The rules first; the learned sentence model (clause-model.ts) adds the generalisations, blame and exclusion
  // they have no pattern for.
  let saraSpans = findSaraHate(text)
  if (saraSpans.length === 0) saraSpans = findLearnedClauses('sara', text)
  for (const span of saraSpans) findings.push(finding('sara_hate', span, MESSAGES.sara_hate))
  if (saraSpans.length === 0 && verdict?.hate_speech.label && verdict.hate_speech.score >= threshold) {
    // sara_hate is about groups (suku, agama, ras, antargolongan): an insult to one person is abusive, not SARA.
    const group = findGroupMentions(text)[0]
    if (group) findings.push(finding('sara_hate', group, MESSAGES.sara_hate))
  }

  const abusiveSpans = findAbusiveWords(text)
  for (const span of abusiveSpans) findings.push(finding('abusive_language', span, MESSAGES.abusive_language))
  if (abusiveSpans.length === 0 && verdict?.abusive.label && verdict.abusive.score >= threshold) {
    findings.push(finding('abusive_language', whole, MESSAGES.abusive_language))
  }
  return findings
}

/** Every compliance finding for one draft, ordered by position. */
export function checkDraft(draft: Draft, options: CheckOptions = {}): Finding[] {
  const { platform, text } = draft
  const findings: Finding[] = []

  // A 16-digit NIK-form NPWP is reported once, as what the text calls it.
  const npwpSpans = findNpwps(text)
  for (const span of npwpSpans) findings.push(finding('pii_npwp', span, MESSAGES.pii_npwp))
  for (const span of findNiks(text)) {
    if (npwpSpans.some((npwp) => npwp.start < span.end && span.start < npwp.end)) continue
    findings.push(finding('pii_nik', span, MESSAGES.pii_nik))
  }
  for (const span of findPrivatePhones(text)) findings.push(finding('pii_phone', span, MESSAGES.pii_phone))
  for (const span of findPrivateEmails(text))
    findings.push(finding('pii_email_private', span, MESSAGES.pii_email_private))
  for (const span of findClassifiedMarkers(text))
    findings.push(finding('classified_marker', span, MESSAGES.classified_marker))
  findings.push(...offensiveFindings(text, options))
  if (options.claims) findings.push(...hoaxFindings(text, options.claims))
  // First-person opinion is a matter of tone (warn); partisan support breaks netralitas ASN (rule 22) and blocks.
  const opinions = findPersonalOpinion(text)
  for (const span of opinions) {
    if (span.kind === 'partisan') findings.push(finding('personal_opinion', span, MESSAGES.partisan, 'block'))
    else findings.push(finding('personal_opinion', span, MESSAGES.personal_opinion))
  }
  // Polite support the partisan patterns have no wording for: the learned sentence model (clause-model.ts).
  if (!opinions.some((span) => span.kind === 'partisan')) {
    for (const span of findLearnedClauses('partisan', text))
      findings.push(finding('personal_opinion', span, MESSAGES.partisan, 'block'))
  }
  for (const span of findInformalTone(text))
    findings.push(finding('informal_tone', span, INFORMAL_MESSAGES[span.kind]))

  const limit = checkPlatformLimit(platform, text)
  if (!limit.fits) {
    findings.push(
      finding(
        'too_long_for_platform',
        { start: 0, end: text.length },
        `Teks terlalu panjang untuk ${PLATFORM_LABELS[platform]}: ${limit.length} dari batas ${limit.limit} ${UNIT_NAMES[limit.counting]}. Persingkat teks atau pecah menjadi beberapa unggahan.`,
      ),
    )
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end)
}
