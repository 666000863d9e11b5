// Public surface of the language engine. Append-only: the detectors / hoax matcher add their exports below.
export { normalise, tokenise } from './text/index.ts'
export type { Token, TokenKind } from './text/index.ts'
export { classify, classifyBatch, loadClassifier } from './classify.ts'
export type { Classification, SentimentLabel, IntentLabel, HateTarget, HateCategory } from './types.ts'
