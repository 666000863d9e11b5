import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { classify, classifyBatch } from './classify.ts'

// A fixed sample (classify-sample.jsonl: in-domain comments, every hate-speech and abusive kind the corpus has, and
// edge cases such as empty texts, emoji sequences, leet and very long texts) with the labels and scores the committed
// models gave it. Any change to the engine's speed must leave every one of them as it was; retraining the models
// changes them on purpose: then `npx vitest run --project unit src/nlp/classify-sample.test.ts -u` records the new
// ones, and the diff shows which texts moved.
const texts = readFileSync(new URL('classify-sample.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => (JSON.parse(line) as { text: string }).text)

const asLines = (results: ReturnType<typeof classify>[]): string =>
  results.map((result) => `${JSON.stringify(result)}\n`).join('')

describe('classify on a fixed sample', () => {
  it('gives every text of the sample the labels and scores the committed models gave it', async () => {
    expect(texts.length).toBeGreaterThan(800)
    await expect(asLines(classifyBatch(texts))).toMatchFileSnapshot(
      '__snapshots__/classify-sample.results.jsonl',
    )
  })

  it('gives the same results again once its per-word caches are warm, and one text at a time as in a batch', () => {
    const first = asLines(classifyBatch(texts))
    const reversed = asLines(
      texts
        .toReversed()
        .map((text) => classify(text))
        .toReversed(),
    )
    expect(reversed).toBe(first)
  })
})
