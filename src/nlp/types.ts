// The shapes the language engine returns. The CLI contract (README, "warta classify / check / hoax match")
// serialises these as they are: keep them stable.

export type SentimentLabel = 'positif' | 'netral' | 'negatif'
export type IntentLabel =
  'pertanyaan' | 'keluhan' | 'aspirasi' | 'apresiasi' | 'permohonan_informasi' | 'lainnya'
export type HateTarget = 'none' | 'individu' | 'kelompok'
export type HateCategory = 'none' | 'agama' | 'ras_suku' | 'fisik' | 'gender' | 'lainnya'

export interface Classification {
  sentiment: { label: SentimentLabel; score: number }
  abusive: { label: boolean; score: number }
  hate_speech: { label: boolean; score: number; target: HateTarget; category: HateCategory }
  intent: { label: IntentLabel; score: number }
}

export type Platform =
  'x' | 'instagram' | 'facebook' | 'tiktok' | 'youtube' | 'bluesky' | 'mastodon' | 'telegram' | 'threads'

export type FindingCode =
  | 'pii_nik'
  | 'pii_phone'
  | 'pii_email_private'
  | 'pii_npwp'
  | 'classified_marker'
  | 'sara_hate'
  | 'abusive_language'
  | 'hoax_claim'
  | 'personal_opinion'
  | 'too_long_for_platform'
  | 'informal_tone'

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
}

export interface HoaxMatch {
  match: string | null
  score: number
}
