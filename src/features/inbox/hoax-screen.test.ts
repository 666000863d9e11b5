import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createHoaxMatcher, type HoaxClaim } from '../../nlp/index.ts'
import { citizenComments } from '../sandbox/simulate-citizens.ts'
import { createHoaxScreen } from './hoax-screen.ts'

const evalDir = path.resolve(import.meta.dirname, '../../../corpus/eval')
const lines = <T>(file: string): T[] =>
  readFileSync(path.join(evalDir, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T)

const claims = lines<HoaxClaim>('hoax-claims.jsonl')
const matcher = createHoaxMatcher(claims)
const screen = createHoaxScreen(claims, matcher)

describe('the hoax screen in front of the matcher', () => {
  it('loses no match of the hoax evaluation sets', { timeout: 120_000 }, () => {
    const files = [
      'hoax-dev.jsonl',
      'hoax-dev2.jsonl',
      'hoax-dev3.jsonl',
      'hoax-test.jsonl',
      'hoax-test2.jsonl',
      'hoax-test3.jsonl',
    ]
    let matched = 0
    for (const file of files)
      for (const { text } of lines<{ text: string }>(file)) {
        const full = matcher.match(text)
        if (full.match) matched += 1
        expect(screen.match(text).match, text).toBe(full.match)
      }
    expect(matched).toBeGreaterThan(100)
  })

  it('spares the matcher most ordinary comments', { timeout: 60_000 }, () => {
    const comments = citizenComments().map((comment) => comment.text)
    const rulesOut = comments.filter(
      (text) => screen.match(text).score === 0 && matcher.match(text).score > 0,
    )
    console.log('ruled out', rulesOut.length / comments.length)
    expect(rulesOut.length / comments.length).toBeGreaterThan(0.3)
  })

  it('lets a text through on the keywords staff gave a claim, the claim itself does not use', () => {
    const claim: HoaxClaim = { id: 'k', claim: 'Kartu sembako murah dibagikan gratis di kelurahan' }
    const text = 'katanya KSM sudah bisa diambil di Cibeunying'
    expect(createHoaxScreen([claim], matcher).passes(text)).toBe(false)
    const withKeywords = { ...claim, keywords: ['KSM', 'Cibeunying'] }
    expect(createHoaxScreen([withKeywords], matcher).passes(text)).toBe(true)
  })
})
