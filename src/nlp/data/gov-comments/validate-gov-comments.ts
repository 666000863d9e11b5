// Checks every labelled row in this folder against the labelling guide's schema (docs/nlp/labelling-guide.md)
// before it is committed, and prints label counts per source and split so the class balance is visible at each batch.
// Run: npx tsx src/nlp/data/gov-comments/validate-gov-comments.ts   (exit code 1 on any invalid row)
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

const folder = dirname(fileURLToPath(import.meta.url))

const isRealComment = (source: string): boolean => source !== 'written'
const hasUnmaskedHandle = (text: string): boolean => /@(?!user\b)[\w.]*\w/.test(text.replace(/@(dkk_semarang|pemkotsemarang|hendrarprihadi)\b/gi, ''))
const hasUnmaskedNumber = (text: string): boolean => /(\+62|\b62|\b0)8\d[\d\s-]{6,12}\d/.test(text) || /\b\d{16}\b/.test(text)

const rowSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    text: z.string().min(1),
    split: z.enum(['train', 'test']),
    source: z.string().min(1),
    intent: z.enum(['pertanyaan', 'keluhan', 'aspirasi', 'apresiasi', 'permohonan_informasi', 'lainnya']),
    sentiment: z.enum(['positif', 'netral', 'negatif']),
    abusive: z.boolean(),
    hate_speech: z.boolean(),
    hs_target: z.enum(['none', 'individu', 'kelompok']),
    hs_category: z.enum(['none', 'agama', 'ras_suku', 'fisik', 'gender', 'lainnya']),
  })
  .refine((row) => (row.hate_speech ? row.hs_target !== 'none' && row.hs_category !== 'none' : row.hs_target === 'none' && row.hs_category === 'none'), {
    message: 'hs_target/hs_category must be none exactly when hate_speech is false',
  })
  // Masking is part of the schema for real comments: a real person's handle or number must never reach a commit.
  // Written (synthetic) rows may carry invented handles, which are reported as warnings only.
  .refine((row) => !isRealComment(row.source) || !hasUnmaskedHandle(row.text), {
    message: 'unmasked @handle in a real comment (mask private people as @user)',
  })
  .refine((row) => !isRealComment(row.source) || !hasUnmaskedNumber(row.text), {
    message: 'unmasked phone number or NIK in a real comment',
  })

type Row = z.infer<typeof rowSchema>
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

for (const file of files) {
  const lines = readFileSync(join(folder, file), 'utf8').split('\n')
  lines.forEach((line, index) => {
    const where = `${file}:${index + 1}`
    if (line.trim() === '') {
      if (index !== lines.length - 1) report(where, 'empty line')
      return
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch {
      report(where, 'not valid JSON')
      return
    }
    const result = rowSchema.safeParse(parsed)
    if (!result.success) {
      report(where, result.error.issues.map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`).join('; '))
      return
    }
    const row: Row = result.data
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
    for (const key of countKeys) {
      const bucket = `${row.source} ${row.split} ${key}`
      const tally = counts.get(bucket) ?? new Map<string, number>()
      tally.set(String(row[key]), (tally.get(String(row[key])) ?? 0) + 1)
      counts.set(bucket, tally)
    }
  })
}

console.log(`${rows} valid rows in ${files.length} file(s); ${errors} error(s), ${warnings} warning(s)`)
for (const [bucket, tally] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
  const parts = [...tally].sort(([, a], [, b]) => b - a).map(([label, n]) => `${label}=${n}`)
  console.log(`${bucket}: ${parts.join(' ')}`)
}
if (errors > 0) process.exitCode = 1
