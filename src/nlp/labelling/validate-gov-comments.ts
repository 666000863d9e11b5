// Checks every labelled row in corpus/gov-comments against the labelling guide's schema (docs/nlp/labelling-guide.md)
// before it is committed, and prints label counts per source and split so the class balance is visible at each batch.
// Run: npx tsx src/nlp/labelling/validate-gov-comments.ts   (exit code 1 on any invalid row)
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { corpusPath } from '../corpus-path.ts'
import {
  hasUnmaskedHandle,
  hasUnmaskedNumber,
  isRealComment,
  parseGovCommentLine,
} from './gov-comment-row.ts'
import type { GovCommentRow } from './gov-comment-row.ts'

const folder = corpusPath('gov-comments')

type CountKey = 'intent' | 'sentiment' | 'abusive' | 'hate_speech' | 'hs_target' | 'hs_category'
const countKeys: CountKey[] = ['intent', 'sentiment', 'abusive', 'hate_speech', 'hs_target', 'hs_category']

const files = readdirSync(folder).filter((name) => name.endsWith('.jsonl'))
const ids = new Map<string, string>()
const texts = new Map<string, string>()
const counts = new Map<string, Map<string, number>>()
let errors = 0
let warnings = 0
let rows = 0

const report = (where: string, message: string): void => {
  errors += 1
  console.error(`${where}: ${message}`)
}

const tally = (row: GovCommentRow): void => {
  for (const key of countKeys) {
    const bucket = `${row.source} ${row.split} ${key}`
    const byLabel = counts.get(bucket) ?? new Map<string, number>()
    byLabel.set(String(row[key]), (byLabel.get(String(row[key])) ?? 0) + 1)
    counts.set(bucket, byLabel)
  }
}

for (const file of files) {
  const lines = readFileSync(join(folder, file), 'utf8').split('\n')
  lines.forEach((line, index) => {
    const where = `${file}:${index + 1}`
    if (line.trim() === '') {
      if (index !== lines.length - 1) report(where, 'empty line')
      return
    }
    const parsed = parseGovCommentLine(line)
    if (!parsed.ok) {
      report(where, parsed.message)
      return
    }
    const { row } = parsed
    rows += 1
    if (!isRealComment(row.source) && (hasUnmaskedHandle(row.text) || hasUnmaskedNumber(row.text))) {
      warnings += 1
      console.warn(`${where}: warning: handle or number in a written row (fine if invented, mask it if real)`)
    }
    const earlierId = ids.get(row.id)
    if (earlierId !== undefined) report(where, `duplicate id ${row.id} (first at ${earlierId})`)
    ids.set(row.id, where)
    const textKey = row.text.toLowerCase().replace(/\s+/g, ' ').trim()
    const earlierText = texts.get(textKey)
    if (earlierText !== undefined) report(where, `duplicate text (first at ${earlierText})`)
    texts.set(textKey, where)
    tally(row)
  })
}

console.log(`${rows} valid rows in ${files.length} file(s); ${errors} error(s), ${warnings} warning(s)`)
for (const [bucket, byLabel] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
  const parts = [...byLabel].sort(([, a], [, b]) => b - a).map(([label, n]) => `${label}=${n}`)
  console.log(`${bucket}: ${parts.join(' ')}`)
}
if (errors > 0) process.exitCode = 1
