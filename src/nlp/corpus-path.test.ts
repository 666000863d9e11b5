import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { corpusPath } from './corpus-path.ts'
import { loadCheckDrafts } from './eval/evaluate-check.ts'
import { loadHoaxClaims, loadHoaxDevTexts, loadHoaxTestTexts } from './eval/evaluate-hoax.ts'
import { parseGovCommentLine } from './labelling/gov-comment-row.ts'
import { loadGovComments } from './train/datasets.ts'

describe('corpus/', () => {
  it('holds the labelled comments in both splits, every line following the labelling schema', () => {
    const rows = loadGovComments()
    expect(rows.filter((r) => r.split === 'train').length).toBeGreaterThan(3000)
    expect(rows.filter((r) => r.split === 'test').length).toBeGreaterThan(1000)
    const dir = corpusPath('gov-comments')
    const problems = readdirSync(dir)
      .filter((name) => name.endsWith('.jsonl'))
      .flatMap((name) =>
        readFileSync(join(dir, name), 'utf8')
          .split('\n')
          .flatMap((line, index) => {
            if (line.trim() === '') return []
            const parsed = parseGovCommentLine(line)
            return parsed.ok ? [] : [`${name}:${index + 1}: ${parsed.message}`]
          }),
      )
    expect(problems).toEqual([])
  })

  it('holds every evaluation set of the check and the hoax matcher, each row in its schema', () => {
    const drafts = loadCheckDrafts()
    expect(drafts.length).toBeGreaterThan(150)
    expect(drafts.filter((draft) => draft.expected.length > 0).length).toBeGreaterThan(50)
    const claims = new Set(loadHoaxClaims().map((claim) => claim.id))
    expect(claims.size).toBeGreaterThan(30)
    const texts = [
      ...loadHoaxDevTexts(),
      ...loadHoaxTestTexts('test'),
      ...loadHoaxTestTexts('test2'),
      ...loadHoaxTestTexts('test3'),
    ]
    expect(texts.length).toBeGreaterThan(600)
    // Every restatement points at a claim of the base.
    expect(texts.filter((text) => text.claim !== null && !claims.has(text.claim))).toEqual([])
  })
})
