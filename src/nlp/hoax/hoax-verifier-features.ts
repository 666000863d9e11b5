// The hoax verifier's input: one (text, claim) pair described by what retrieval and the claim comparison found and
// how the text stands to the claim. The order is the model's weight order (hoax-verifier-model.ts); appending a
// feature means retraining (src/nlp/train/train-hoax-verifier.ts).

export const HOAX_FEATURE_NAMES = [
  'heuristic',
  'cover',
  'charCosine',
  'predicateMissing',
  'stanceFlip',
  'numberClash',
  'amountAgrees',
  'slotShare',
  'distinctiveHit',
  'retrievalCoverage',
  'keywordHit',
  'denial',
  'official',
  'continuity',
  'hearsay',
  'forward',
  'question',
  'firstPerson',
  'denialCover',
  'officialCover',
  'spreadCover',
  'predicateShare',
  'factCover',
  'factLead',
  'uniqueShare',
  'negatedShare',
  'factual',
  'factualCover',
  'negatedCover',
  'stanceFlipCover',
  'rivalUniqueShare',
  'reaction',
  'reactionCover',
  'logistics',
  'predicateNegated',
] as const

export type HoaxFeatureName = (typeof HOAX_FEATURE_NAMES)[number]
export type HoaxPairFeatures = Record<HoaxFeatureName, number>

export interface HoaxVerifierModel {
  /** Weights in HOAX_FEATURE_NAMES order. */
  weights: readonly number[]
  bias: number
  /** The probability a match needs. */
  threshold: number
}

/** The verifier's probability for one pair's features (logistic regression). */
export function verifyPair(features: HoaxPairFeatures, model: HoaxVerifierModel): number {
  let z = model.bias
  for (const [index, name] of HOAX_FEATURE_NAMES.entries()) z += (model.weights[index] ?? 0) * features[name]
  return 1 / (1 + Math.exp(-z))
}
