// Assembles the training set of each product model from the public sets and the in-domain gov-comments, applying
// the label reconciliation of issue #3 and removing every text that occurs in a test split we report on.
import { hateCues, institutionOnly } from '../rules/hate-rules.ts'
import type { HateCategory, HateTarget, IntentLabel, SentimentLabel } from '../types.ts'
import {
  dedupeKey,
  loadDkk,
  loadDkkUnlabelled,
  loadGovComments,
  loadIbrohim,
  loadSmsa,
  type GovComment,
} from './datasets.ts'

export interface Row<L> {
  text: string
  label: L
  weight: number
  source: string
}

/** In-domain rows count more: they are what the product is scored on. */
export const IN_DOMAIN_WEIGHT = 3

export interface TrainingSets {
  sentiment: Row<SentimentLabel>[]
  abusive: Row<boolean>[]
  hate: Row<boolean>[]
  hateTarget: Row<Exclude<HateTarget, 'none'>>[]
  hateCategory: Row<Exclude<HateCategory, 'none'>>[]
  intent: Row<IntentLabel>[]
  govTest: GovComment[]
  /** Unlabelled DKK comments for self-training, without any text that is labelled anywhere we train or test. */
  unlabelledPool: string[]
  counts: Record<string, Record<string, number>>
}

export interface TrainingSetOptions {
  /** Apply the institution rule to the Twitter hate-speech labels. */
  relabelInstitutions: boolean
  /**
   * Also train on the sets whose licence forbids commercial use (Ibrohim & Budi 2019, CC BY-NC-SA 4.0). Off for the
   * committed models: a paid deployment is commercial use (issue #10, item 3). See `dataLicences` below.
   */
  includeNoncommercial: boolean
}

export const DEFAULT_TRAINING_SET_OPTIONS: TrainingSetOptions = {
  relabelInstitutions: true,
  includeNoncommercial: false,
}

export function buildTrainingSets(options: Partial<TrainingSetOptions> = {}): TrainingSets {
  const { relabelInstitutions, includeNoncommercial } = { ...DEFAULT_TRAINING_SET_OPTIONS, ...options }
  const gov = loadGovComments()
  const govTrain = gov.filter((r) => r.split === 'train')
  const govTest = gov.filter((r) => r.split === 'test')
  const held = new Set<string>(
    [...govTest, ...loadDkk('test'), ...loadSmsa('test')].map((r) => dedupeKey(r.text)),
  )
  const keep = (text: string): boolean => !held.has(dedupeKey(text))
  const counts: Record<string, Record<string, number>> = {}
  const count = (task: string, source: string): void => {
    counts[task] ??= {}
    counts[task][source] = (counts[task][source] ?? 0) + 1
  }

  const sentiment: Row<SentimentLabel>[] = []
  for (const r of [...loadSmsa('train'), ...loadSmsa('valid')]) {
    if (keep(r.text)) sentiment.push({ text: r.text, label: r.label, weight: 1, source: 'indonlu-smsa' })
  }
  for (const r of loadDkk('train')) {
    if (keep(r.text)) sentiment.push({ text: r.text, label: r.label, weight: 1, source: 'dkk-semarang' })
  }
  for (const r of govTrain) {
    if (keep(r.text))
      sentiment.push({ text: r.text, label: r.sentiment, weight: IN_DOMAIN_WEIGHT, source: 'gov-comments' })
  }

  const abusive: Row<boolean>[] = []
  const hate: Row<boolean>[] = []
  const hateTarget: TrainingSets['hateTarget'] = []
  const hateCategory: TrainingSets['hateCategory'] = []
  let relabelled = 0
  for (const r of includeNoncommercial ? loadIbrohim() : []) {
    if (!keep(r.text)) continue
    const source = 'id-multilabel-hate-speech'
    abusive.push({ text: r.text, label: r.abusive, weight: 1, source })
    let hs = r.hs
    // "PLN/pemprov/pemerintah …" insults are abusive, not hate speech, by the product's definition.
    if (hs && relabelInstitutions && r.category === 'lainnya' && institutionOnly(hateCues(r.text))) {
      hs = false
      relabelled++
    }
    hate.push({ text: r.text, label: hs, weight: 1, source })
    if (hs && r.target !== 'none') hateTarget.push({ text: r.text, label: r.target, weight: 1, source })
    if (hs && r.category !== 'none') hateCategory.push({ text: r.text, label: r.category, weight: 1, source })
  }
  counts.hate = { relabelled_institution_only: relabelled }
  for (const r of govTrain) {
    if (!keep(r.text)) continue
    const source = 'gov-comments'
    abusive.push({ text: r.text, label: r.abusive, weight: IN_DOMAIN_WEIGHT, source })
    hate.push({ text: r.text, label: r.hate_speech, weight: IN_DOMAIN_WEIGHT, source })
    if (r.hate_speech && r.hs_target !== 'none') {
      hateTarget.push({ text: r.text, label: r.hs_target, weight: IN_DOMAIN_WEIGHT, source })
    }
    if (r.hate_speech && r.hs_category !== 'none') {
      hateCategory.push({ text: r.text, label: r.hs_category, weight: IN_DOMAIN_WEIGHT, source })
    }
  }
  const intent: Row<IntentLabel>[] = govTrain
    .filter((r) => keep(r.text))
    .map((r) => ({ text: r.text, label: r.intent, weight: 1, source: 'gov-comments' }))

  for (const [task, rows] of Object.entries({ sentiment, abusive, hate, hateTarget, hateCategory, intent })) {
    for (const row of rows) count(task, row.source)
  }
  const labelled = new Set([
    ...held,
    ...gov.map((r) => dedupeKey(r.text)),
    ...loadDkk('train').map((r) => dedupeKey(r.text)),
  ])
  const unlabelledPool = [...new Set(loadDkkUnlabelled())].filter(
    (t) => t.trim() !== '' && !labelled.has(dedupeKey(t)),
  )
  return { sentiment, abusive, hate, hateTarget, hateCategory, intent, govTest, unlabelledPool, counts }
}
