// Builds the clause corpus of the draft check's learned detectors from the hand-written fragments
// (check-clause-fragments.ts) and trains two binary heads over the shared hashed features: `sara` (hostility to a
// protected group: generalisation, blame, exclusion, dehumanising) and `partisan` (support for a candidate, pair,
// party or ballot number, a call to vote for or against one). Run:
//   npx tsx src/nlp/train/train-check-clauses.ts
// It writes corpus/check-clauses/clauses.jsonl and src/nlp/models/check-clauses.bin, and prints the held-out
// figures used to choose the thresholds in src/nlp/detectors/clause-model.ts. The held-out split is by fragment:
// every fifth group, hostile trait and partisan target never appears in training, so the figures measure
// generalisation to unseen names and wordings, not memory.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { corpusPath } from '../corpus-path.ts'
import { namesSubject } from '../detectors/clause-model.ts'
import { encodeModel, decodeModel, headProbabilities, committedModelsDir } from '../models/model-file.ts'
import { createFeatureExtractor, type FeatureConfig } from '../vectorise/feature-extractor.ts'
import {
  BLAME_FRAMES,
  ELECTIONS,
  EXCLUSION_FRAMES,
  GROUP_MODIFIERS,
  GROUPS,
  HOSTILE_CONSEQUENCES,
  HOSTILE_FOLLOWUPS,
  HOSTILE_TAILS,
  HOSTILE_TRAITS,
  LEADS,
  NEUTRAL_CONSEQUENCES,
  NEUTRAL_ELECTION_FRAMES,
  NEUTRAL_FOLLOWUPS,
  NEUTRAL_GROUP_FRAMES,
  NEUTRAL_TRAITS,
  NO_GROUP_NEGATIVES,
  PARTISAN_FRAMES,
  PLACE_TAILS,
  PROBLEMS,
  TARGETS,
} from './check-clause-fragments.ts'
import { DEFAULT_HEAD_OPTIONS, fitHead } from './fit-head.ts'
import { createRng } from './rng.ts'
import { buildSparseDataset } from './sparse-dataset.ts'

export type ClauseLabel = 'none' | 'sara' | 'partisan'
export interface ClauseExample {
  text: string
  label: ClauseLabel
  split: 'train' | 'heldout'
}

export const CLAUSE_FEATURES: FeatureConfig = {
  bits: 16,
  charMin: 3,
  charMax: 5,
  wordBigrams: true,
  negationScope: 3,
  charWeight: 0.4,
  boundaryWords: 0,
}

const isHeldOut = (index: number): boolean => index % 5 === 4
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

export function buildClauseExamples(seed = 20261207): ClauseExample[] {
  const rng = createRng(seed)
  const pick = <T>(items: readonly T[]): [T, number] => {
    const i = Math.floor(rng() * items.length)
    return [items[i]!, i]
  }
  const out: ClauseExample[] = []
  const seen = new Set<string>()
  const push = (text: string, label: ClauseLabel, heldOut: boolean): void => {
    const clean = text.replace(/\s+/g, ' ').trim()
    if (seen.has(clean)) return
    seen.add(clean)
    out.push({ text: clean, label, split: heldOut ? 'heldout' : 'train' })
  }
  const withLead = (sentence: string): string => {
    const [lead] = pick(LEADS)
    return lead ? `${lead}${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}` : capitalise(sentence)
  }

  for (let n = 0; n < 4000; n++) {
    const [group, g] = pick(GROUPS)
    const kind = rng()
    if (kind < 0.45) {
      const [trait, t] = pick(HOSTILE_TRAITS)
      const [tail] = pick(HOSTILE_TAILS)
      const quantifier = rng() < 0.3 ? pick(['semua ', 'kebanyakan ', 'rata-rata ', 'para '] as const)[0] : ''
      const [place] = pick(PLACE_TAILS)
      const [modifier] = pick(GROUP_MODIFIERS)
      const consequence = rng() < 0.3 ? `, ${pick(HOSTILE_CONSEQUENCES)[0]}` : ''
      push(
        withLead(`${quantifier}${group}${modifier || place} ${trait}${consequence}.${tail}`),
        'sara',
        isHeldOut(g) || isHeldOut(t),
      )
    } else if (kind < 0.75) {
      const [frame, f] = pick(EXCLUSION_FRAMES)
      push(withLead(frame.replace('{G}', group)), 'sara', isHeldOut(g) || isHeldOut(f))
    } else {
      const [frame, f] = pick(BLAME_FRAMES)
      const [problem] = pick(PROBLEMS)
      push(
        capitalise(frame.replace('{G}', group).replace('{X}', problem)),
        'sara',
        isHeldOut(g) || isHeldOut(f),
      )
    }
  }
  for (let n = 0; n < 4000; n++) {
    const [group, g] = pick(GROUPS)
    const [frame, f] = pick(NEUTRAL_GROUP_FRAMES)
    const [trait, t] = pick(HOSTILE_TRAITS)
    push(
      withLead(frame.replace('{G}', group).replace('{T}', trait)),
      'none',
      isHeldOut(g) || isHeldOut(f) || (frame.includes('{T}') && isHeldOut(t)),
    )
  }
  for (let n = 0; n < 3200; n++) {
    const [group, g] = pick(GROUPS)
    const [doing, d] = pick(NEUTRAL_TRAITS)
    const [place] = pick(PLACE_TAILS)
    const [tail] = pick(HOSTILE_TAILS)
    const quantifier = rng() < 0.2 ? pick(['semua ', 'sebagian ', 'para ', 'banyak '] as const)[0] : ''
    const [modifier] = pick(GROUP_MODIFIERS)
    const consequence = rng() < 0.3 ? `, ${pick(NEUTRAL_CONSEQUENCES)[0]}` : ''
    push(
      withLead(`${quantifier}${group}${modifier} ${doing}${place}${consequence}.${tail}`),
      'none',
      isHeldOut(g) || isHeldOut(d),
    )
  }
  // Two sentences, the second about "them": the check scores such a pair when the second names no group itself.
  for (let n = 0; n < 1600; n++) {
    const [group, g] = pick(GROUPS)
    const [doing, d] = pick(NEUTRAL_TRAITS)
    const [trait, t] = pick(HOSTILE_TRAITS)
    const hostileFirst = rng() < 0.3
    const first = capitalise(`${group} ${hostileFirst ? trait : doing}.`)
    const hostileSecond = rng() < 0.5
    const [second, f] = hostileSecond ? pick(HOSTILE_FOLLOWUPS) : pick(NEUTRAL_FOLLOWUPS)
    push(
      `${first} ${second}`,
      hostileFirst || hostileSecond ? 'sara' : 'none',
      isHeldOut(g) || isHeldOut(f) || (hostileFirst ? isHeldOut(t) : isHeldOut(d)),
    )
  }
  NO_GROUP_NEGATIVES.forEach((text, i) => {
    push(text, 'none', isHeldOut(i))
    push(withLead(text), 'none', isHeldOut(i))
  })
  for (let n = 0; n < 2400; n++) {
    const [target, c] = pick(TARGETS)
    const [frame, f] = pick(PARTISAN_FRAMES)
    const [election] = pick(ELECTIONS)
    push(
      withLead(frame.replace('{C}', target).replace('{E}', election)),
      'partisan',
      isHeldOut(c) || isHeldOut(f),
    )
  }
  for (let n = 0; n < 2800; n++) {
    const [target, c] = pick(TARGETS)
    const [frame, f] = pick(NEUTRAL_ELECTION_FRAMES)
    const [election] = pick(ELECTIONS)
    push(
      withLead(frame.replace('{C}', target).replace('{E}', election)),
      'none',
      isHeldOut(c) || isHeldOut(f),
    )
  }
  return out
}

interface HeadReport {
  head: string
  thresholds: Array<{ threshold: number; precision: number; recall: number }>
}

function trainHeads(rows: ClauseExample[]) {
  const extractor = createFeatureExtractor(CLAUSE_FEATURES)
  const texts = rows.map((r) => r.text)
  const dim = 1 << CLAUSE_FEATURES.bits
  const heads = (['sara', 'partisan'] as const).map((name) => {
    const data = buildSparseDataset(
      extractor,
      texts,
      rows.map((r) => (r.label === name ? 1 : 0)),
    )
    return fitHead(name, ['other', name], data, dim, { ...DEFAULT_HEAD_OPTIONS, balance: true }).head
  })
  return encodeModel('check-clauses', CLAUSE_FEATURES, heads)
}

function report(bytes: Uint8Array, rows: ClauseExample[]): HeadReport[] {
  const model = decodeModel(bytes)
  const extractor = createFeatureExtractor(model.features)
  const probs = new Float64Array(2)
  return model.heads.map((head, h) => {
    const name = h === 0 ? 'sara' : 'partisan'
    // Scored as the check scores them: a sentence that names no group (no election) never reaches the model.
    const scored = rows.map((row) => {
      if (!namesSubject(name, row.text)) return { score: 0, positive: row.label === name, text: row.text }
      const v = extractor.extract(row.text)
      headProbabilities(head, v.indices, v.values, v.size, probs)
      return { score: probs[1]!, positive: row.label === name, text: row.text }
    })
    if (process.env['SHOW_ERRORS'])
      for (const s of scored)
        if (s.positive !== s.score >= 0.6)
          process.stdout.write(`  ${name} ${s.positive ? 'FN' : 'FP'} ${s.score.toFixed(2)} ${s.text}\n`)
    const thresholds = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map((threshold) => {
      let tp = 0
      let fp = 0
      let fn = 0
      for (const s of scored) {
        if (s.score >= threshold && s.positive) tp++
        else if (s.score >= threshold) fp++
        else if (s.positive) fn++
      }
      return { threshold, precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1) }
    })
    return { head: name, thresholds }
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = buildClauseExamples()
  const corpusFile = corpusPath('check-clauses', 'clauses.jsonl')
  mkdirSync(dirname(corpusFile), { recursive: true })
  writeFileSync(corpusFile, rows.map((r) => JSON.stringify(r)).join('\n') + '\n')
  const train = rows.filter((r) => r.split === 'train')
  const heldOut = rows.filter((r) => r.split === 'heldout')
  const count = (list: ClauseExample[], label: ClauseLabel) => list.filter((r) => r.label === label).length
  process.stdout.write(
    `examples: ${rows.length} (train ${train.length}: sara ${count(train, 'sara')}, partisan ${count(train, 'partisan')}, none ${count(train, 'none')}; held-out ${heldOut.length}: sara ${count(heldOut, 'sara')}, partisan ${count(heldOut, 'partisan')}, none ${count(heldOut, 'none')})\n`,
  )
  for (const r of report(trainHeads(train), heldOut)) {
    process.stdout.write(`held-out ${r.head}:\n`)
    for (const t of r.thresholds)
      process.stdout.write(
        `  >= ${t.threshold}: precision ${(t.precision * 100).toFixed(1)} recall ${(t.recall * 100).toFixed(1)}\n`,
      )
  }
  writeFileSync(`${committedModelsDir}/check-clauses.bin`, trainHeads(rows))
}
