// Readers for the training and evaluation sets (../shared/data and corpus/gov-comments). Training-time only:
// the shipped classifier never reads these.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { corpusPath } from '../corpus-path.ts'
import type { GovCommentRow } from '../labelling/gov-comment-row.ts'
import {
  HATE_CATEGORIES,
  HATE_TARGETS,
  INTENT_LABELS,
  SENTIMENT_LABELS,
  type HateCategory,
  type HateTarget,
  type SentimentLabel,
} from '../types.ts'

// The target and category heads only run on hate speech, so their classes have no `none`.
export const TARGET_CLASSES = HATE_TARGETS.filter((target) => target !== 'none')
export const CATEGORY_CLASSES = HATE_CATEGORIES.filter((category) => category !== 'none')

const repoRoot = join(import.meta.dirname, '../../..')

/** ../shared/data next to the checkout, unless WARTA_NLP_DATA points elsewhere. */
export function sharedDataDir(): string {
  return process.env.WARTA_NLP_DATA ?? join(repoRoot, '../shared/data')
}

const govCommentsDir = corpusPath('gov-comments')

const readCsv = (file: string, encoding: BufferEncoding = 'utf8'): Record<string, string>[] =>
  parse<Record<string, string>>(readFileSync(file, encoding), {
    columns: true,
    skip_empty_lines: true,
    relax_quotes: true,
    bom: true,
  })

export interface SentimentExample {
  text: string
  label: SentimentLabel
}

const SENTIMENT_EN: Record<string, SentimentLabel> = {
  positive: 'positif',
  neutral: 'netral',
  negative: 'negatif',
}

export function loadSmsa(split: 'train' | 'valid' | 'test'): SentimentExample[] {
  const file = join(sharedDataDir(), `indonlu-smsa/${split}_preprocess.tsv`)
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line) => {
      const tab = line.lastIndexOf('\t')
      return { text: line.slice(0, tab), label: SENTIMENT_EN[line.slice(tab + 1).trim()]! }
    })
}

export function loadDkk(split: 'train' | 'test'): SentimentExample[] {
  return readCsv(join(sharedDataDir(), `dkk-semarang-instagram/${split}_masked.csv`)).map((row) => ({
    text: row.text ?? '',
    label: SENTIMENT_EN[row.label ?? '']!,
  }))
}

export function loadDkkUnlabelled(): string[] {
  return readCsv(join(sharedDataDir(), 'dkk-semarang-instagram/data_inference_masked.csv')).map(
    (r) => r.text ?? '',
  )
}

export interface IndolemFold {
  train: { text: string; positive: boolean }[]
  dev: { text: string; positive: boolean }[]
  test: { text: string; positive: boolean }[]
}

export function loadIndolem(fold: number): IndolemFold {
  const read = (name: string): { text: string; positive: boolean }[] =>
    readCsv(join(sharedDataDir(), `indolem-sentiment/${name}${fold}.csv`)).map((r) => ({
      text: r.sentence ?? '',
      positive: r.sentiment === '1',
    }))
  return { train: read('train'), dev: read('dev'), test: read('test') }
}

export interface HateExample {
  text: string
  hs: boolean
  abusive: boolean
  target: HateTarget
  category: HateCategory
  /** The 9 original labels we model, for the Ibrohim & Budi protocol. */
  raw: Record<string, boolean>
}

export const IBROHIM_LABELS = [
  'HS',
  'Abusive',
  'HS_Individual',
  'HS_Group',
  'HS_Religion',
  'HS_Race',
  'HS_Physical',
  'HS_Gender',
  'HS_Other',
] as const

/** Tweets of Ibrohim & Budi 2019 with twitter artefacts (RT, USER, URL, escaped bytes) cleaned. */
export function loadIbrohim(): HateExample[] {
  // The file is not valid UTF-8 (truncated emoji bytes): decoding replaces those bytes, the text is unaffected.
  const rows = readCsv(join(sharedDataDir(), 'id-multilabel-hate-speech/re_dataset.csv'))
  return rows.map((row) => {
    const flag = (k: string): boolean => row[k] === '1'
    const text = (row.Tweet ?? '')
      .replace(/\\x[0-9a-f]{2}/gi, ' ')
      .replace(/\\n/g, ' ')
      .replace(/\bRT\b/g, ' ')
      .replace(/\bUSER\b/g, '@user')
      .replace(/\bURL\b/g, 'http://url')
      .replace(/\uFFFD/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
    const category: HateCategory = !flag('HS')
      ? 'none'
      : flag('HS_Religion')
        ? 'agama'
        : flag('HS_Race')
          ? 'ras_suku'
          : flag('HS_Gender')
            ? 'gender'
            : flag('HS_Physical')
              ? 'fisik'
              : 'lainnya'
    const target: HateTarget = !flag('HS') ? 'none' : flag('HS_Group') ? 'kelompok' : 'individu'
    const raw: Record<string, boolean> = {}
    for (const k of IBROHIM_LABELS) raw[k] = flag(k)
    return { text, hs: flag('HS'), abusive: flag('Abusive'), target, category, raw }
  })
}

/** One labelled comment (docs/nlp/labelling-guide.md). */
export type GovComment = GovCommentRow

/** Every labelled row of corpus/gov-comments/*.jsonl (rows with an unknown label are left out). */
export function loadGovComments(): GovComment[] {
  if (!existsSync(govCommentsDir)) return []
  const rows: GovComment[] = []
  const seen = new Set<string>()
  for (const name of readdirSync(govCommentsDir).sort()) {
    if (!name.endsWith('.jsonl')) continue
    for (const line of readFileSync(join(govCommentsDir, name), 'utf8').split('\n')) {
      if (line.trim() === '') continue
      try {
        const row = JSON.parse(line) as GovComment
        if (typeof row.text !== 'string' || seen.has(row.id)) continue
        if (!INTENT_LABELS.includes(row.intent) || !SENTIMENT_LABELS.includes(row.sentiment)) continue
        seen.add(row.id)
        rows.push(row)
      } catch {
        // not JSON: left out here; src/nlp/labelling/validate-gov-comments.ts reports it
      }
    }
  }
  return rows
}

/** Lower-cased, space-collapsed key for de-duplication across splits. */
export const dedupeKey = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim()
