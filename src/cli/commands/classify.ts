// `warta classify`: JSON Lines {"id", "text"} on stdin → one classification line per input, in input order.
import { z } from 'zod'
import { classifyBatch, loadClassifier } from '../../nlp/index.ts'
import { processJsonLines } from '../json-lines.ts'
import { cliText } from '../cli-text.ts'

const inputSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
})

type Input = z.infer<typeof inputSchema>

const toOutput = (record: Input, result: ReturnType<typeof classifyBatch>[number]): object => ({
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
    schema: inputSchema,
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
