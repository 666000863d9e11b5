import { Readable, Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { processJsonLines } from './json-lines.ts'

const LINES = 100_000
const schema = z.object({ id: z.number(), text: z.string() })
type Row = z.infer<typeof schema>

/** Input lines made on demand, counting how many were taken. */
function countingInput(): { input: Readable; taken: () => number } {
  let taken = 0
  function* lines(): Generator<string> {
    for (let id = 0; id < LINES; id += 1) {
      taken += 1
      yield `{"id":${id},"text":"apa kabar warga ${id}"}\n`
    }
  }
  return { input: Readable.from(lines()), taken: () => taken }
}

/** A reader that takes nothing until `resume()`, remembering the most bytes ever buffered for it. */
function pausedReader(highWaterMark: number) {
  let resume: () => void = () => undefined
  const resumed = new Promise<void>((resolve) => (resume = resolve))
  const chunks: string[] = []
  let mostBuffered = 0
  const output = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, callback) {
      mostBuffered = Math.max(mostBuffered, output.writableLength)
      void resumed.then(() => {
        chunks.push(chunk.toString('utf8'))
        callback()
      })
    },
  })
  const originalWrite = output.write.bind(output)
  output.write = ((...args: Parameters<typeof output.write>) => {
    const accepted = originalWrite(...args)
    mostBuffered = Math.max(mostBuffered, output.writableLength)
    return accepted
  }) as typeof output.write
  return { output, resume, text: () => chunks.join(''), mostBuffered: () => mostBuffered }
}

const nothing = new Writable({ write: (_chunk, _encoding, callback) => callback() })

describe('processJsonLines', () => {
  it.each([
    ['one line at a time', undefined],
    ['in batches', 512],
  ])(
    'waits for a paused reader (%s) instead of buffering the output, and stops reading input meanwhile',
    async (_mode, batchSize) => {
      const { input, taken } = countingInput()
      const reader = pausedReader(16 * 1024)
      const finished = processJsonLines<Row>({
        schema,
        input,
        output: reader.output,
        errors: nothing,
        handle: (record) => ({ id: record.id }),
        ...(batchSize ? { batchSize, handleBatch: (records) => records.map((r) => ({ id: r.id })) } : {}),
      })
      let done = false
      void finished.then(() => (done = true))
      await new Promise((resolve) => setTimeout(resolve, 300))

      expect(done).toBe(false)
      // One flush of at most 512 short lines (~10 kB) may sit on top of the 16 kB mark; never the whole output.
      expect(reader.mostBuffered()).toBeLessThan(64 * 1024)
      expect(taken()).toBeLessThan(LINES / 10)

      reader.resume()
      expect(await finished).toBe(0)
      const ids = reader
        .text()
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as { id: number }).id)
      expect(ids).toHaveLength(LINES)
      expect(ids.every((id, index) => id === index)).toBe(true)
    },
    30_000,
  )

  it('reports malformed lines by number on stderr and still answers the others in order', async () => {
    const input = Readable.from([
      '{"id":1,"text":"a"}\n',
      'bukan json\n',
      '{"id":"x"}\n',
      '{"id":4,"text":"d"}\n',
    ])
    const out: string[] = []
    const err: string[] = []
    const sink = (into: string[]) =>
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          into.push(chunk.toString('utf8'))
          callback()
        },
      })
    const failed = await processJsonLines({
      schema,
      input,
      output: sink(out),
      errors: sink(err),
      handle: (record) => ({ id: record.id }),
    })
    expect(failed).toBe(2)
    expect(out.join('')).toBe('{"id":1}\n{"id":4}\n')
    // The words follow the terminal's language; the line numbers do not.
    expect(err.join('')).toMatch(/^\S+ 2: .*\n\S+ 3: id: .*\n$/)
  })
  it('skips the schema for lines the cheap check accepts and loads it only to word the complaint about a bad one', async () => {
    const run = async (lines: string[]) => {
      let loads = 0
      const out: string[] = []
      const err: string[] = []
      const sink = (into: string[]) =>
        new Writable({
          write(chunk: Buffer, _encoding, callback) {
            into.push(chunk.toString('utf8'))
            callback()
          },
        })
      const failed = await processJsonLines<Row>({
        schema: () => {
          loads += 1
          return Promise.resolve(schema)
        },
        accepts: (value): value is Row =>
          typeof (value as Row).id === 'number' && typeof (value as Row).text === 'string',
        input: Readable.from(lines),
        output: sink(out),
        errors: sink(err),
        handle: (record) => ({ id: record.id }),
      })
      return { failed, loads, out: out.join(''), err: err.join('') }
    }

    const clean = await run(['{"id":1,"text":"a"}\n', '{"id":2,"text":"b"}\n'])
    expect(clean).toEqual({ failed: 0, loads: 0, out: '{"id":1}\n{"id":2}\n', err: '' })

    const mixed = await run(['{"id":1,"text":"a"}\n', '{"id":"x"}\n', '{"id":3}\n', '{"id":4,"text":"d"}\n'])
    expect(mixed.failed).toBe(2)
    expect(mixed.loads).toBe(1)
    expect(mixed.out).toBe('{"id":1}\n{"id":4}\n')
    expect(mixed.err).toMatch(/^\S+ 2: id: .*\n\S+ 3: text: .*\n$/)
  })
})
