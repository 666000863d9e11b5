// `warta classify`: JSON Lines {"id", "text"} on stdin → one classification line per input, in input order.
import type { z } from 'zod'
import { classifyBatch, loadClassifier, type Classification } from '../../nlp/classifier.ts'
import { processJsonLines } from '../json-lines.ts'
import { cliText } from '../cli-text.ts'

interface Input {
  id: string | number
  text: string
}

// The schema states the contract and words the complaint about a bad line; it is loaded only when a line fails the
// cheap check below, so a clean run never loads zod.
const loadInputSchema = async (): Promise<z.ZodType<Input>> => {
  const { z } = await import('zod')
  return z.object({ id: z.union([z.string(), z.number()]), text: z.string() })
}

/** Accepts only what the schema accepts (a JSON number may still be infinite: 1e400). */
const isInput = (value: unknown): value is Input => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const { id, text } = value as Record<string, unknown>
  return (
    typeof text === 'string' && (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)))
  )
}

const toOutput = (record: Input, result: Classification): object => ({
  id: record.id,
  sentiment: result.sentiment,
  abusive: result.abusive,
  hate_speech: result.hate_speech,
  intent: result.intent,
})

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${cliText('cli.classify_usage')}\n`)
    return 0
  }
  loadClassifier()
  const failed = await processJsonLines<Input>({
    schema: loadInputSchema,
    accepts: isInput,
    handle: (record) => toOutput(record, classifyBatch([record.text])[0]!),
    batchSize: 512,
    handleBatch: (records) => {
      const results = classifyBatch(records.map((r) => r.text))
      return records.map((record, i) => toOutput(record, results[i]!))
    },
  })
  if (failed > 0)
    process.stderr.write(`${cliText('cli.lines_failed', { command: 'warta classify', count: failed })}\n`)
  return failed > 0 ? 1 : 0
}
