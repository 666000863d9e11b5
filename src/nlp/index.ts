// The language engine's public face. Code outside src/nlp imports the engine from this file only
// (tests/unit/layering.test.ts), so everything else in src/nlp can change without touching its users.

// Text: the normaliser and the tokeniser the classifiers and the hoax matcher read through.
export { normalise } from './text/normalise.ts'
export { tokenise } from './text/tokenise.ts'
export type { Token, TokenKind } from './text/token.ts'

// Classification (`warta classify`; the shapes are the README's stable contract).
export { classify, classifyBatch, loadClassifier } from './classify.ts'
export type { Classification, HateCategory, HateTarget, IntentLabel, SentimentLabel } from './types.ts'

// Compliance check of a draft (`warta check`) and known-hoax matching (`warta hoax match`).
export { checkDraft } from './check.ts'
export type { CheckOptions, ClassifyText, Draft } from './check.ts'
export type { Finding, FindingCode, HoaxClaim, HoaxMatch, Platform } from './types.ts'
export { createHoaxMatcher } from './hoax/create-hoax-matcher.ts'
export type { HoaxMatcher, HoaxMatcherOptions, HoaxScore } from './hoax/create-hoax-matcher.ts'
export { parseHoaxClaims } from './hoax/parse-hoax-claims.ts'
export type { ParsedHoaxClaims } from './hoax/parse-hoax-claims.ts'

// Identifiers (rules.md §F): validation, the masked NIK of rule 35, the NPWP display form, E.164 phone numbers.
export { isValidNik, maskNik } from './detectors/nik.ts'
export { formatNpwp, isValidNpwp } from './detectors/npwp.ts'
export { normalisePhone } from './detectors/phone.ts'
export type { NormalisedPhone, PhoneKind } from './detectors/phone.ts'
// Where personal data sits in a text (a citizen's wording kept as a hoax variant must carry none).
export { findNiks } from './detectors/nik.ts'
export { findPrivatePhones } from './detectors/phone.ts'
export { findPrivateEmails } from './detectors/private-email.ts'
export type { DetectorSpan } from './detectors/detector-span.ts'

// Training and evaluation (`warta nlp train | eval`, `npm run bench:nlp`); they read corpus/ and ../shared/data.
export { trainAllModels } from './train/train-models.ts'
export { committedModelsDir } from './models/model-file.ts'
export type { HeadSummary, TrainOptions } from './train/train-models.ts'
export { loadGovComments } from './train/datasets.ts'
export type { GovComment } from './train/datasets.ts'
export { EVAL_PROTOCOLS, evaluateAll } from './eval/index.ts'
export type { EvalOptions, EvalRow } from './eval/index.ts'
export { formatCheckHoaxEvaluation } from './eval/print-check-hoax-evaluation.ts'
