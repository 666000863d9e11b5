// Shared JSON Lines loop for the streaming commands (classify, check, hoax match): one output line per input
// line, in input order; a malformed line is reported on stderr with its line number and the rest still run.
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import type { z } from 'zod'

export interface JsonLinesOptions<T> {
  schema: z.ZodType<T>
  handle(record: T): unknown
  input?: Readable
  output?: Writable
  errors?: Writable
  /** Records handed to `handleBatch` at once, when given; lets a command amortise per-call overhead. */
  batchSize?: number
  handleBatch?(records: T[]): unknown[]
}

/** Returns the number of lines that failed. */
export async function processJsonLines<T>(options: JsonLinesOptions<T>): Promise<number> {
  const input = options.input ?? process.stdin
  const output = options.output ?? process.stdout
  const errors = options.errors ?? process.stderr
  const lines = createInterface({ input, crlfDelay: Infinity })
  let lineNumber = 0
  let failed = 0
  let pending: string[] = []
  const batchSize = options.handleBatch ? Math.max(1, options.batchSize ?? 256) : 1

  const flush = (): void => {
    if (pending.length > 0) {
      output.write(pending.join(''))
      pending = []
    }
  }

  let batch: T[] = []
  const runBatch = (): void => {
    if (batch.length === 0) return
    const results = options.handleBatch!(batch)
    for (const result of results) pending.push(`${JSON.stringify(result)}\n`)
    batch = []
    flush()
  }

  for await (const raw of lines) {
    lineNumber += 1
    const line = raw.trim()
    if (line === '') continue
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch (error) {
      runBatch()
      failed += 1
      errors.write(
        `line ${lineNumber}: not valid JSON (${(error as Error).message}); fix or remove this line\n`,
      )
      continue
    }
    const result = options.schema.safeParse(parsed)
    if (!result.success) {
      runBatch()
      failed += 1
      const issues = result.error.issues
        .map((i) => `${i.path.join('.') || '(line)'}: ${i.message}`)
        .join('; ')
      errors.write(`line ${lineNumber}: ${issues}\n`)
      continue
    }
    if (options.handleBatch) {
      batch.push(result.data)
      if (batch.length >= batchSize) runBatch()
    } else {
      try {
        pending.push(`${JSON.stringify(options.handle(result.data))}\n`)
      } catch (error) {
        failed += 1
        errors.write(`line ${lineNumber}: ${(error as Error).message}\n`)
      }
      if (pending.length >= 256) flush()
    }
  }
  runBatch()
  flush()
  return failed
}
