// Shared JSON Lines loop for the streaming commands (classify, check, hoax match): one output line per input
// line, in input order; a malformed line is reported on stderr with its line number and the rest still run.
// Output respects backpressure: when the reader is slow, writing waits for it and reading the input pauses, so
// memory stays flat however long the input is.
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import type { z } from 'zod'
import { cliText } from './cli-text.ts'

export interface JsonLinesOptions<T> {
  /** Validates each parsed line; given as a loader, it is loaded only when `accepts` turns a line down. */
  schema: z.ZodType<T> | (() => Promise<z.ZodType<T>>)
  /**
   * A cheap test that a parsed line is valid as it is (it must accept nothing the schema rejects): lines it accepts
   * skip the schema, so a command whose input is clean never loads the validation library at all.
   */
  accepts?(value: unknown): value is T
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
  const loadSchema = options.schema
  let schema = typeof loadSchema === 'function' ? undefined : loadSchema

  const flush = async (): Promise<void> => {
    if (pending.length > 0) {
      const text = pending.join('')
      pending = []
      await writeRespectingBackpressure(output, text)
    }
  }
  const report = (text: string): Promise<void> => writeRespectingBackpressure(errors, `${text}\n`)

  let batch: T[] = []
  const runBatch = async (): Promise<void> => {
    if (batch.length === 0) return
    const results = options.handleBatch!(batch)
    for (const result of results) pending.push(`${JSON.stringify(result)}\n`)
    batch = []
    await flush()
  }

  for await (const raw of lines) {
    lineNumber += 1
    const line = raw.trim()
    if (line === '') continue
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch (error) {
      await runBatch()
      await flush()
      failed += 1
      await report(cliText('cli.line_not_json', { line: lineNumber, reason: (error as Error).message }))
      continue
    }
    let data: T
    if (options.accepts?.(parsed)) data = parsed
    else {
      schema ??= await (loadSchema as () => Promise<z.ZodType<T>>)()
      const result = schema.safeParse(parsed)
      if (result.success) data = result.data
      else {
        await runBatch()
        await flush()
        failed += 1
        const issues = result.error.issues
          .map((i) => `${i.path.join('.') || '(line)'}: ${i.message}`)
          .join('; ')
        await report(cliText('cli.line_invalid', { line: lineNumber, issues }))
        continue
      }
    }
    if (options.handleBatch) {
      batch.push(data)
      if (batch.length >= batchSize) await runBatch()
    } else {
      try {
        pending.push(`${JSON.stringify(options.handle(data))}\n`)
      } catch (error) {
        await flush()
        failed += 1
        await report(cliText('cli.line_invalid', { line: lineNumber, issues: (error as Error).message }))
      }
      if (pending.length >= 256) await flush()
    }
  }
  await runBatch()
  await flush()
  return failed
}

/**
 * Writes, then waits for 'drain' when the stream's buffer is full, so a slow reader slows the writer down
 * instead of the text piling up in memory. Rejects when the stream fails or closes before draining.
 */
export async function writeRespectingBackpressure(stream: Writable, text: string): Promise<void> {
  if (stream.write(text)) return
  if (stream.destroyed) throw stream.errored ?? new Error('the output is closed')
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error): void => {
      stream.off('drain', onDrain)
      stream.off('error', onError)
      stream.off('close', onClose)
      if (error) reject(error)
      else resolve()
    }
    const onDrain = (): void => done()
    const onError = (error: Error): void => done(error)
    const onClose = (): void => done(new Error('the output closed before everything was written'))
    stream.on('drain', onDrain)
    stream.on('error', onError)
    stream.on('close', onClose)
  })
}
