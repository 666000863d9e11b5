// The shapes the language engine returns. The CLI contract (README, "warta classify / check / hoax match")
// serialises these as they are: keep them stable.
import type { PostingPlatform } from '../shared/platforms.ts'

// Label lists in the order the models' heads store them (training builds the heads from these).
export const SENTIMENT_LABELS = ['positif', 'netral', 'negatif'] as const
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number]
export const INTENT_LABELS = [
  'pertanyaan',
  'keluhan',
  'aspirasi',
  'apresiasi',
  'permohonan_informasi',
  'lainnya',
] as const
export type IntentLabel = (typeof INTENT_LABELS)[number]
export const HATE_TARGETS = ['none', 'individu', 'kelompok'] as const
export type HateTarget = (typeof HATE_TARGETS)[number]
export const HATE_CATEGORIES = ['none', 'agama', 'ras_suku', 'fisik', 'gender', 'lainnya'] as const
export type HateCategory = (typeof HATE_CATEGORIES)[number]

export interface Classification {
  sentiment: { label: SentimentLabel; score: number }
  abusive: { label: boolean; score: number }
  hate_speech: { label: boolean; score: number; target: HateTarget; category: HateCategory }
  intent: { label: IntentLabel; score: number }
}

/** The platforms a draft can be checked for: those that carry public posts (the shared vocabulary). */
export type Platform = PostingPlatform

export const FINDING_CODES = [
  'pii_nik',
  'pii_phone',
  'pii_email_private',
  'pii_npwp',
  'classified_marker',
  'sara_hate',
  'abusive_language',
  'hoax_claim',
  'personal_opinion',
  'too_long_for_platform',
  'informal_tone',
] as const
export type FindingCode = (typeof FINDING_CODES)[number]

export interface Finding {
  code: FindingCode
  severity: 'block' | 'warn'
  /** Character offsets (UTF-16 code units, as JavaScript strings index) of the offending span. */
  start: number
  end: number
  /** Bahasa Indonesia; says what to change. */
  message: string
}

export interface HoaxClaim {
  id: string
  claim: string
  fact?: string
  /** Words staff name the claim by (a programme's acronym, a place): a text sharing one is worth matching. */
  keywords?: readonly string[]
}

export interface HoaxMatch {
  match: string | null
  score: number
}
