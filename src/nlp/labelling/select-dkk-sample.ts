// Picks the DKK Semarang comments that get hand-labelled, in a fixed order, so the sample can be rebuilt and audited.
// Run: npx tsx src/nlp/labelling/select-dkk-sample.ts [poolDir] > candidates.jsonl
// Output lines: {"id":"dkk-u-<row>","row":<1-based data row in data_inference_masked.csv>,"order":n,"split",...,"text"}
// The labeller reads the candidates in `order`; the split is fixed by order (every 4th is test) and never changes.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { maskPersonalData } from './mask-personal-data.ts'

const poolDir = process.argv[2] ?? '../shared/data/dkk-semarang-instagram'

const readTexts = (file: string): string[] => {
  const rows = parse<Record<string, string>>(readFileSync(join(poolDir, file)), {
    columns: true,
    skip_empty_lines: true,
  })
  return rows.map((row) => row.text ?? '')
}

// Loose key: case, punctuation, emoji, mentions and letter repeats removed, so trivial variants collapse.
const looseKey = (text: string): string =>
  text
    .toLowerCase()
    .replace(/@[\w.]+/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .trim()

// Personal names of private people that the labeller spotted in free text (row → names). Names with health
// details attached are personal data; officials' and public figures' names stay.
const namesByRow = new Map<number, string[]>([
  [2264, ['shafira', 'syafira']],
  [4281, ['Vany']],
  [13784, ['widiyarni']],
  [7029, ['Leni wahyuningrum']],
  [2423, ['dani']],
  [5621, ['yuli']],
  [12136, ['syil']],
  [15639, ['lin']],
  [16333, ['eren']],
  [1963, ['Nana']],
])

const maskNames = (row: number, text: string): string =>
  (namesByRow.get(row) ?? []).reduce(
    (masked, name) => masked.replace(new RegExp(`\\b${name}\\b`, 'giu'), '[NAMA]'),
    text,
  )

const pool = readTexts('data_inference_masked.csv')
const labelled = new Set([...readTexts('train_masked.csv'), ...readTexts('test_masked.csv')].map(looseKey))

const seen = new Set<string>()
const candidates: Array<{ row: number; text: string; rank: string; emojiOnly: boolean }> = []
pool.forEach((raw, index) => {
  const text = raw.replace(/\s+/g, ' ').trim()
  if (text === '') return
  const key = looseKey(text)
  const emojiOnly = key === '' || /^(user\s*)+$/.test(key)
  // Emoji-only and tag-only comments are keyed by their exact form so a flood of the same one counts once.
  const dedupeKey = emojiOnly ? `raw:${text.replace(/@[\w.]+/g, '@')}` : key
  if (seen.has(dedupeKey) || (!emojiOnly && labelled.has(key))) return
  seen.add(dedupeKey)
  const rank = createHash('sha256')
    .update(`warta-intent-v1:${index + 1}`)
    .digest('hex')
  candidates.push({ row: index + 1, text, rank, emojiOnly })
})

candidates.sort((a, b) => (a.rank < b.rank ? -1 : 1))
// Keep emoji/tag-only comments to about 1 in 40 so `lainnya` is represented without flooding the sample.
let order = 0
let emojiBudget = 0
for (const candidate of candidates) {
  if (candidate.emojiOnly) {
    if (emojiBudget < 1) continue
    emojiBudget -= 1
  }
  emojiBudget = Math.min(emojiBudget + 1 / 40, 3)
  const split = order % 4 === 3 ? 'test' : 'train'
  console.log(
    JSON.stringify({
      id: `dkk-u-${candidate.row}`,
      row: candidate.row,
      order,
      split,
      text: maskNames(candidate.row, maskPersonalData(candidate.text)),
    }),
  )
  order += 1
}
