// `warta check [--claims FILE | --instansi SLUG]` (neither: the only instansi's knowledge base, if there is one):
// JSON Lines {"id", "platform", "text"} on stdin → {"id", "findings": [...]} per line, in input order. Finding
// shape and codes: src/nlp/types.ts (README, "warta check").
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
  // Without claims the hoax check cannot run: loadClaimsSource says so once on stderr (and which knowledge base
  // it uses when it finds one), rather than let an empty result look like "no hoax".
  const { matcher, failed: claimsFailed } = await loadClaimsSource(args, 'warta check', {
    useDefaultKnowledgeBase: true,
  })
  if (claimsFailed && !matcher) return 2
  const failed = await processJsonLines<Input>({
    schema: inputSchema,
    handle: (record) => ({ id: record.id, findings: checkDraft(record, { claims: matcher }) }),
  })
  if (failed > 0)
    process.stderr.write(`${cliText('cli.lines_failed', { command: 'warta check', count: failed })}\n`)
  return failed > 0 || claimsFailed ? 1 : 0
}
