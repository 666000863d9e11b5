// Trains the hoax matcher's verifier: logistic regression over the features of (text, claim) pairs that
// retrieval offers (src/nlp/hoax/hoax-verifier-features.ts), labelled match when the claim is the text's own.
//   npx tsx src/nlp/train/train-hoax-verifier.ts
// Reads corpus/hoax-pairs/{written,round2,round3}.jsonl, the dev sets corpus/eval/hoax-dev*.jsonl and the two spent
// independent sets corpus/eval/hoax-independent*.jsonl (released as development data in round three; never an old
// test set, never corpus/sealed), writes src/nlp/hoax/hoax-verifier-model.ts and its model card, and prints 5-fold
// out-of-fold figures and cross-set figures (each independent set scored by a model fitted without it).
// --without-independent trains as round two did; --dry-run writes nothing.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import { corpusPath } from '../corpus-path.ts'
import { loadHoaxClaims, loadHoaxDevTexts, loadHoaxTestTexts } from '../eval/evaluate-hoax.ts'
import { readJsonLines } from '../eval/read-json-lines.ts'
import {
  createHoaxMatcher,
  RIVAL_BELOW_THRESHOLD,
  rivalTooClose,
  WRONG_CLAIM_MARGIN,
} from '../hoax/create-hoax-matcher.ts'
import { HOAX_FEATURE_NAMES, verifyPair } from '../hoax/hoax-verifier-features.ts'
import type { HoaxPairFeatures, HoaxVerifierModel } from '../hoax/hoax-verifier-features.ts'
import type { HoaxClaim } from '../types.ts'

const writtenSchema = z.object({
  id: z.string(),
  text: z.string(),
  claim: z.string().nullable(),
  kind: z.string(),
})

/** Texts written for the verifier (corpus/hoax-pairs/README.md): round one, and round two's training part. */
const TRAINING_FILES = ['written.jsonl', 'round2.jsonl', 'round3.jsonl']

/** Selects units and claim parts; the features do not depend on the verifier's weights. */
const SELECTION_MODEL: HoaxVerifierModel = {
  weights: HOAX_FEATURE_NAMES.map((name) => (name === 'heuristic' ? 12 : 0)),
  bias: -4.92,
  threshold: 0.5,
}
/**
 * The independent sets of rounds one and two, scored once each and since released as development data (issue #10,
 * round three). Each is also held out in turn (cross-set figures): the model fitted without it scores it.
 */
const INDEPENDENT_SPLITS = ['independent', 'independent2'] as const
const INCLUDE_INDEPENDENT = !process.argv.includes('--without-independent')
const L2 = 0.0005
const EPOCHS = 6000
const LEARNING_RATE = 2
const FOLDS = 5
/** The threshold keeps out-of-fold false matches at or under this (the issue's target is 5 %). */
const MAX_FALSE_MATCH_RATE = 0.04

interface TrainingText {
  id: string
  text: string
  claim: string | null
  source: string
  candidates: Array<{ claimId: string; features: HoaxPairFeatures }>
}

function fit(pairs: Array<{ x: number[]; y: number }>): HoaxVerifierModel {
  const dims = HOAX_FEATURE_NAMES.length
  const weights = new Array<number>(dims).fill(0)
  let bias = 0
  const positives = pairs.filter((pair) => pair.y === 1).length
  // Balanced classes: a match is rarer than a non-match among retrieved pairs.
  const weightOf = (y: number): number =>
    y === 1
      ? pairs.length / (2 * Math.max(1, positives))
      : pairs.length / (2 * Math.max(1, pairs.length - positives))
  for (let epoch = 0; epoch < EPOCHS; epoch += 1) {
    const gradient = new Array<number>(dims).fill(0)
    let gradientBias = 0
    for (const { x, y } of pairs) {
      let z = bias
      for (let i = 0; i < dims; i += 1) z += (weights[i] ?? 0) * (x[i] ?? 0)
      const error = (1 / (1 + Math.exp(-z)) - y) * weightOf(y)
      for (let i = 0; i < dims; i += 1) gradient[i] = (gradient[i] ?? 0) + error * (x[i] ?? 0)
      gradientBias += error
    }
    for (let i = 0; i < dims; i += 1)
      weights[i] =
        (weights[i] ?? 0) - LEARNING_RATE * ((gradient[i] ?? 0) / pairs.length + L2 * (weights[i] ?? 0))
    bias -= (LEARNING_RATE * gradientBias) / pairs.length
  }
  return {
    weights: weights.map((w) => Math.round(w * 10000) / 10000),
    bias: Math.round(bias * 10000) / 10000,
    threshold: 0.5,
  }
}

const vector = (features: HoaxPairFeatures): number[] => HOAX_FEATURE_NAMES.map((name) => features[name])

/** The matcher's decision over scored candidates: the best above threshold, unless a second is close. */
function decide(scored: Array<{ claimId: string; p: number }>, threshold: number): string | null {
  const [best, second] = [...scored].sort((a, b) => b.p - a.p)
  if (!best || best.p < threshold) return null
  if (rivalTooClose(best.p, second?.p, threshold)) return null
  return best.claimId
}

interface Figures {
  recall: number
  falseMatchRate: number
  wrongClaims: number
  restatements: number
  others: number
}

function figures(
  texts: TrainingText[],
  probabilities: Map<string, Array<{ claimId: string; p: number }>>,
  threshold: number,
): Figures {
  let restatements = 0
  let correct = 0
  let wrongClaims = 0
  let others = 0
  let falseMatches = 0
  for (const text of texts) {
    const match = decide(probabilities.get(text.id) ?? [], threshold)
    if (text.claim === null) {
      others += 1
      if (match !== null) falseMatches += 1
    } else {
      restatements += 1
      if (match === text.claim) correct += 1
      else if (match !== null) wrongClaims += 1
    }
  }
  return {
    recall: correct / Math.max(1, restatements),
    falseMatchRate: falseMatches / Math.max(1, others),
    wrongClaims,
    restatements,
    others,
  }
}

function probabilitiesOf(
  texts: TrainingText[],
  model: HoaxVerifierModel,
): Map<string, Array<{ claimId: string; p: number }>> {
  return new Map(
    texts.map((row) => [
      row.id,
      row.candidates.map((candidate) => ({
        claimId: candidate.claimId,
        p: verifyPair(candidate.features, model),
      })),
    ]),
  )
}

function chooseThreshold(
  texts: TrainingText[],
  probabilities: Map<string, Array<{ claimId: string; p: number }>>,
): number {
  let best = { threshold: 0.5, net: -1 }
  for (let step = 30; step <= 95; step += 1) {
    const threshold = step / 100
    const f = figures(texts, probabilities, threshold)
    const net = f.recall - f.wrongClaims / Math.max(1, f.restatements)
    if (f.falseMatchRate <= MAX_FALSE_MATCH_RATE && net > best.net) best = { threshold, net }
  }
  return best.threshold
}

/** The fitted matcher on the held-out round-two texts: recall, false matches and wrong claims, by kind. */
function heldOutFigures(claims: HoaxClaim[], model: HoaxVerifierModel): string {
  const matcher = createHoaxMatcher(claims, { verifier: model })
  const rows = readJsonLines(corpusPath('hoax-pairs', 'round2-heldout.jsonl'), writtenSchema)
  const byKind = new Map<string, { total: number; hit: number }>()
  let restatements = 0
  let correct = 0
  let wrong = 0
  let falseMatches = 0
  for (const row of rows) {
    const { match } = matcher.match(row.text)
    const kind = byKind.get(row.kind) ?? { total: 0, hit: 0 }
    kind.total += 1
    if (row.claim === null) {
      if (match !== null) {
        falseMatches += 1
        kind.hit += 1
      }
    } else {
      restatements += 1
      if (match === row.claim) {
        correct += 1
        kind.hit += 1
      } else if (match !== null) wrong += 1
    }
    byKind.set(row.kind, kind)
  }
  const others = rows.length - restatements
  const percent = (x: number, of: number): string => ((100 * x) / Math.max(1, of)).toFixed(1)
  const kinds = [...byKind].map(([kind, { total, hit }]) => `${kind} ${percent(hit, total)}`).join(', ')
  return `recall ${percent(correct, restatements)} of ${restatements}, false matches ${percent(falseMatches, others)} of ${others}, wrong claim ${wrong} (by kind, matched: ${kinds})`
}

export function trainHoaxVerifier(): { model: HoaxVerifierModel; report: string } {
  const claims = loadHoaxClaims()
  const matcher = createHoaxMatcher(claims, { verifier: SELECTION_MODEL })
  // round2-heldout.jsonl is not trained on: it is only scored, after fitting, for the report (heldOutFigures).
  const written = TRAINING_FILES.flatMap((file) =>
    readJsonLines(corpusPath('hoax-pairs', file), writtenSchema),
  )
  const texts: TrainingText[] = [
    ...written.map((row) => ({ id: row.id, text: row.text, claim: row.claim, source: 'written' })),
    ...loadHoaxDevTexts().map((row) => ({ id: row.id, text: row.text, claim: row.claim, source: 'dev' })),
    ...(INCLUDE_INDEPENDENT ? INDEPENDENT_SPLITS : []).flatMap((split) =>
      loadHoaxTestTexts(split).map((row) => ({
        id: row.id,
        text: row.text,
        claim: row.claim,
        source: split,
      })),
    ),
  ].map((row, index) => ({ ...row, id: `${index}:${row.id}`, candidates: matcher.candidates(row.text) }))
  const pairsOf = (rows: TrainingText[]): Array<{ x: number[]; y: number }> =>
    rows.flatMap((row) =>
      row.candidates.map((candidate) => ({
        x: vector(candidate.features),
        y: candidate.claimId === row.claim ? 1 : 0,
      })),
    )
  const retrievalMisses = texts.filter(
    (row) => row.claim !== null && !row.candidates.some((c) => c.claimId === row.claim),
  )

  // Out-of-fold probabilities: each text scored by a model fitted without it.
  const outOfFold = new Map<string, Array<{ claimId: string; p: number }>>()
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const model = fit(pairsOf(texts.filter((_, index) => index % FOLDS !== fold)))
    for (const [index, row] of texts.entries())
      if (index % FOLDS === fold)
        outOfFold.set(
          row.id,
          row.candidates.map((candidate) => ({
            claimId: candidate.claimId,
            p: verifyPair(candidate.features, model),
          })),
        )
  }
  const threshold = chooseThreshold(texts, outOfFold)
  const oof = figures(texts, outOfFold, threshold)
  const fitted = fit(pairsOf(texts))
  const model: HoaxVerifierModel = { ...fitted, threshold }
  const inSample = new Map(
    texts.map((row) => [
      row.id,
      row.candidates.map((c) => ({ claimId: c.claimId, p: verifyPair(c.features, model) })),
    ]),
  )
  const fittedFigures = figures(texts, inSample, threshold)
  const pairs = pairsOf(texts)
  const percent = (x: number): string => (x * 100).toFixed(1)
  const heldOut = heldOutFigures(claims, model)
  const crossSet = (INCLUDE_INDEPENDENT ? INDEPENDENT_SPLITS : []).map((split) => {
    const trainOn = texts.filter((row) => row.source !== split)
    const scoreOn = texts.filter((row) => row.source === split)
    const crossModel = fit(pairsOf(trainOn))
    const crossThreshold = chooseThreshold(trainOn, probabilitiesOf(trainOn, crossModel))
    const f = figures(scoreOn, probabilitiesOf(scoreOn, crossModel), crossThreshold)
    return `${split} held out (fitted without it, threshold ${crossThreshold} chosen without it): recall ${percent(f.recall)} of ${f.restatements}, false matches ${percent(f.falseMatchRate)} of ${f.others}, wrong claim ${f.wrongClaims}`
  })
  const report = [
    `texts: ${texts.length} (${written.length} written pairs file, ${texts.filter((row) => row.source === 'dev').length} dev, ${texts.filter((row) => row.source.startsWith('independent')).length} independent); retrieved pairs: ${pairs.length} (${pairs.filter((p) => p.y === 1).length} matches)`,
    `retrieval misses (restatement whose claim was not retrieved): ${retrievalMisses.length} — ${retrievalMisses.map((r) => r.id).join(', ')}`,
    `threshold ${threshold} (highest out-of-fold recall with false matches ≤ ${percent(MAX_FALSE_MATCH_RATE)} %)`,
    `${FOLDS}-fold out-of-fold: recall ${percent(oof.recall)} of ${oof.restatements}, false matches ${percent(oof.falseMatchRate)} of ${oof.others}, wrong claim ${oof.wrongClaims}`,
    `held out (corpus/hoax-pairs/round2-heldout.jsonl, never trained on; dev figures): ${heldOut}`,
    ...crossSet,
    `fitted on all (optimistic): recall ${percent(fittedFigures.recall)}, false matches ${percent(fittedFigures.falseMatchRate)}, wrong claim ${fittedFigures.wrongClaims}`,
    `weights: ${HOAX_FEATURE_NAMES.map((name, i) => `${name} ${model.weights[i]}`).join(', ')}, bias ${model.bias}`,
  ].join('\n')
  return { model, report }
}

function writeModel(model: HoaxVerifierModel, report: string): void {
  const directory = path.resolve(import.meta.dirname, '../hoax')
  const weights = HOAX_FEATURE_NAMES.map((name, i) => `    ${model.weights[i]}, // ${name}`).join('\n')
  writeFileSync(
    path.join(directory, 'hoax-verifier-model.ts'),
    `// Generated by \`npx tsx src/nlp/train/train-hoax-verifier.ts\`; do not edit by hand. Model card: hoax-verifier.md.
import type { HoaxVerifierModel } from './hoax-verifier-features.ts'

export const HOAX_VERIFIER_MODEL: HoaxVerifierModel = {
  weights: [
${weights}
  ],
  bias: ${model.bias},
  threshold: ${model.threshold},
}
`,
  )
  writeFileSync(
    path.join(directory, 'hoax-verifier.md'),
    `# Model card: hoax verifier (\`hoax-verifier-model.ts\`)

Decides whether a text asserts, asks about or spreads a claim that retrieval offered, rather than merely sharing
its topic. Generated by \`npx tsx src/nlp/train/train-hoax-verifier.ts\`; do not edit by hand.

## Model

Logistic regression (L2 ${L2}, balanced classes, full-batch gradient descent, ${EPOCHS} epochs, deterministic) over
${HOAX_FEATURE_NAMES.length} features of a (text, claim) pair: the comparison's heuristic score, weighted claim-word
coverage, character n-gram cosine, a missing predicate, a stance flip, amounts clashing or agreeing, the share of
the claim's public-service concepts (programme, institution, document, place, claim kind) the text names, the
claim's most distinctive word and its words no other claim uses, the share of its predicate covered, how much of the
claim's fact the text restates and by how much more than the claim, retrieval coverage, a staff keyword, and the
stance cues (denial, official update,
continuity, hearsay, forward, question, first-person consequence, a checked fact, a reaction that presupposes the
claim, a practical question) with coverage interactions, the share of the covered words and of the predicate the text negates, and words
unique to another retrieved claim. A match needs
probability ≥ ${model.threshold}, and a second claim within ${WRONG_CLAIM_MARGIN} of the best and no more than
${RIVAL_BELOW_THRESHOLD} under the threshold means no match.

## Training data and licence

- \`corpus/hoax-pairs/round3.jsonl\` (Apache-2.0, written for Warta): round three's plain denials, true statements,
  paraphrases and consequences.
- \`corpus/eval/hoax-independent.jsonl\` and \`hoax-independent2.jsonl\` (Apache-2.0, written for the project by
  writers who saw only the claims and facts): scored once each in rounds one and two, then released as development
  data; each is also held out in turn for the cross-set figures below.
- \`corpus/hoax-pairs/round2.jsonl\` (Apache-2.0, written for Warta): round two's paraphrases, slang, consequences,
  denials, true statements and near claims (\`round2-heldout.jsonl\` is only scored, never trained on).
- \`corpus/hoax-pairs/written.jsonl\`: texts written for Warta beside the code (Apache-2.0), against the claims of
  \`corpus/eval/hoax-claims.jsonl\`: restatements in synonyms, acronyms, other amounts, Javanese, Sundanese and
  English, first-person consequences, forwarded and hearsay framing; and non-matches: genuine questions, official
  updates, the real service promoted, denials, same-topic texts.
- \`corpus/eval/hoax-dev.jsonl\`, \`hoax-dev2.jsonl\`, \`hoax-dev3.jsonl\` (Apache-2.0, written for the project).
- Never the old test sets (\`hoax-test*.jsonl\`) nor the sealed set of the next round. No third-party data.

Each text gives one pair per claim retrieval offers; the pair is a match when the claim is the text's own.

## Figures at training time

\`\`\`
${report}
\`\`\`

Out-of-fold and cross-set figures are on tuning data (the dev and independent sets were used to design the features
and lexicon classes), so they are optimistic; see docs/nlp/evaluation-check-hoax.md for the held-out figures.
`,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { model, report } = trainHoaxVerifier()
  process.stdout.write(`${report}\n`)
  if (!process.argv.includes('--dry-run')) writeModel(model, report)
}
