// `warta check [--claims FILE | --instansi SLUG]`: JSON Lines {"id", "platform", "text"} on stdin → {"id", "findings": [...]} per line,
// in input order. Finding shape and codes: src/nlp/types.ts (README, "warta check").
import { z } from 'zod'
import { checkDraft } from '../../nlp/index.ts'
import { processJsonLines } from '../json-lines.ts'
import { cliText } from '../cli-text.ts'
import { loadClaimsSource } from './hoax.ts'

const PLATFORMS = [
  'x',
  'instagram',
  'facebook',
  'tiktok',
  'youtube',
  'bluesky',
  'mastodon',
  'telegram',
  'threads',
  'sandbox',
] as const

const inputSchema = z.object({
  id: z.union([z.string(), z.number()]),
  platform: z.enum(PLATFORMS),
  text: z.string(),
})
type Input = z.infer<typeof inputSchema>

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${cliText('cli.check_usage', { platforms: PLATFORMS })}\n`)
    return 0
  }
  const { matcher, failed: claimsFailed } = await loadClaimsSource(args, 'warta check')
  if (claimsFailed && !matcher) return 2
  // Without claims the hoax check cannot run; say so once rather than let an empty result look like "no hoax".
  if (!matcher) process.stderr.write(`${cliText('cli.check_hoax_off')}\n`)
  const failed = await processJsonLines<Input>({
    schema: inputSchema,
    handle: (record) => ({ id: record.id, findings: checkDraft(record, { claims: matcher }) }),
  })
  if (failed > 0)
    process.stderr.write(`${cliText('cli.lines_failed', { command: 'warta check', count: failed })}\n`)
  return failed > 0 || claimsFailed ? 1 : 0
}
