// The classifier alone: the engine's second door, for a caller that needs nothing else of it and must start fast.
// `warta classify` comes in here instead of through index.ts, which also brings the compliance check, hoax matching,
// training and evaluation with their libraries (a third of the command's start-up). index.ts exports the same.
export { classify, classifyBatch, loadClassifier } from './classify.ts'
export type { Classification, HateCategory, HateTarget, IntentLabel, SentimentLabel } from './types.ts'
