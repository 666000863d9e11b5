// `warta check [--claims FILE]`: JSON Lines {"id", "platform", "text"} on stdin → {"id", "findings": [...]} per line,
// in input order. Finding shape and codes: src/nlp/types.ts (README, "warta check").
import { z } from 'zod'
import { checkDraft } from '../../nlp/index.ts'
import { processJsonLines } from '../json-lines.ts'
import { loadClaimsOption } from './hoax.ts'

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
] as const

const inputSchema = z.object({
  id: z.union([z.string(), z.number()]),
  platform: z.enum(PLATFORMS),
  text: z.string(),
})
type Input = z.infer<typeof inputSchema>

const USAGE =
  'Pemakaian: warta check [--claims KLAIM.jsonl] < draf.jsonl\n' +
  `Masukan: {"id", "platform", "text"} per baris; platform: ${PLATFORMS.join(', ')}.\n` +
  'Keluaran: {"id", "findings": [{"code", "severity", "start", "end", "message"}]} per baris, urutan sama.\n'

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE)
    return 0
  }
  const { matcher, failed: claimsFailed } = loadClaimsOption(args, 'warta check')
  if (claimsFailed && !matcher) return 2
  const failed = await processJsonLines<Input>({
    schema: inputSchema,
    handle: (record) => ({ id: record.id, findings: checkDraft(record, { claims: matcher }) }),
  })
  if (failed > 0) process.stderr.write(`warta check: ${failed} baris gagal diproses (lihat pesan di atas)\n`)
  return failed > 0 || claimsFailed ? 1 : 0
}
