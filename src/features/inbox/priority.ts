// The priority of an inbox item, 0–100, higher first (issue #9 item 2): a pure function of what classification
// found and of who sent it, so the list can put what the office owes first. What pushes an item up:
// - intent: a request for public information (UU KIP clock) and a complaint most, a question less;
// - a match in the instansi's hoax knowledge base (a wrong claim spreading under the office's own post);
// - abusive language or hate speech: not to answer first, but to moderate (hide or delete) quickly;
// - the same citizen asking again (an unanswered citizen writes twice), and a direct message (one person waiting).
// Praise (apresiasi) goes down: it needs a thank-you at most.
import type { InboxItemKind } from '../../shared/statuses.ts'

export interface PriorityInput {
  intent: string | null
  kind: InboxItemKind
  sentiment: string | null
  abusive: boolean
  hateSpeech: boolean
  /** A claim of the hoax knowledge base matched the text. */
  hoaxMatched: boolean
  /** The author's earlier questions, complaints or requests to the instansi on this platform, recently. */
  earlierAsks: number
}

const BASE = 30

/** What each intent adds (labels of src/nlp INTENT_LABELS); an unknown or missing intent adds nothing. */
export const INTENT_WEIGHTS: Readonly<Record<string, number>> = {
  permohonan_informasi: 30,
  keluhan: 25,
  pertanyaan: 15,
  aspirasi: 5,
  lainnya: 0,
  apresiasi: -20,
}

/** The intents that are a citizen asking for something (an answer is owed). */
export const ASKING_INTENTS: readonly string[] = ['permohonan_informasi', 'keluhan', 'pertanyaan']

export const PRIORITY_WEIGHTS = {
  hoax: 25,
  abusive: 15,
  hateSpeech: 25,
  directMessage: 10,
  negative: 5,
  /** Per earlier ask of the same author, up to `repeatCap`. */
  repeat: 8,
  repeatCap: 24,
} as const

export function priorityOf(input: PriorityInput): number {
  let score = BASE + (input.intent ? (INTENT_WEIGHTS[input.intent] ?? 0) : 0)
  if (input.hoaxMatched) score += PRIORITY_WEIGHTS.hoax
  // Abuse and hate both count when both are found: hate speech is the graver (rules.md group E).
  if (input.abusive) score += PRIORITY_WEIGHTS.abusive
  if (input.hateSpeech) score += PRIORITY_WEIGHTS.hateSpeech
  if (input.kind === 'direct_message') score += PRIORITY_WEIGHTS.directMessage
  if (input.sentiment === 'negatif') score += PRIORITY_WEIGHTS.negative
  score += Math.min(PRIORITY_WEIGHTS.repeatCap, Math.max(0, input.earlierAsks) * PRIORITY_WEIGHTS.repeat)
  return Math.max(0, Math.min(100, Math.round(score)))
}
