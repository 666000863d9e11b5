// `warta hoax match --claims FILE`: JSON Lines {"id", "text"} on stdin → {"id", "match": claim id | null, "score"}
// per line, in input order. Claims are JSON Lines {"id", "claim", "fact"}.
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { createHoaxMatcher, parseHoaxClaims, type HoaxMatcher } from '../../nlp/index.ts'
import { processJsonLines } from '../json-lines.ts'

const inputSchema = z.object({ id: z.union([z.string(), z.number()]), text: z.string() })
type Input = z.infer<typeof inputSchema>

const USAGE =
  'Pemakaian: warta hoax match --claims KLAIM.jsonl < teks.jsonl\n' +
  'KLAIM.jsonl: satu objek per baris {"id", "claim", "fact"}. Masukan: {"id", "text"} per baris.\n' +
  'Keluaran: {"id", "match": "<id klaim>" | null, "score"} per baris, urutan sama dengan masukan.\n'

/** Reads `--claims FILE` (or `--claims=FILE`); reports bad claim lines on stderr. Null when the file is unusable. */
export function loadClaimsOption(
  args: string[],
  command: string,
): { matcher: HoaxMatcher | undefined; failed: boolean } {
  const index = args.findIndex((a) => a === '--claims' || a.startsWith('--claims='))
  if (index < 0) return { matcher: undefined, failed: false }
  const flag = args[index] ?? ''
  const path = flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : args[index + 1]
  if (!path) {
    process.stderr.write(`${command}: --claims perlu nama berkas\n`)
    return { matcher: undefined, failed: true }
  }
  let source: string
  try {
    source = readFileSync(path, 'utf8')
  } catch (error) {
    process.stderr.write(
      `${command}: berkas klaim ${path} tidak dapat dibaca (${(error as Error).message})\n`,
    )
    return { matcher: undefined, failed: true }
  }
  const { claims, errors } = parseHoaxClaims(source)
  for (const error of errors) process.stderr.write(`${path} baris ${error.line}: ${error.message}\n`)
  return { matcher: createHoaxMatcher(claims), failed: errors.length > 0 }
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE)
    return 0
  }
  if (args[0] !== 'match') {
    process.stderr.write(`warta hoax: sub-perintah tidak dikenal '${args[0] ?? ''}'.\n${USAGE}`)
    return 2
  }
  const { matcher, failed: claimsFailed } = loadClaimsOption(args.slice(1), 'warta hoax match')
  if (!matcher) {
    if (!claimsFailed) process.stderr.write(`warta hoax match: --claims FILE wajib diisi.\n${USAGE}`)
    return 2
  }
  const failed = await processJsonLines<Input>({
    schema: inputSchema,
    handle: (record) => ({ id: record.id, ...matcher.match(record.text) }),
  })
  if (failed > 0)
    process.stderr.write(`warta hoax match: ${failed} baris gagal diproses (lihat pesan di atas)\n`)
  return failed > 0 || claimsFailed ? 1 : 0
}
