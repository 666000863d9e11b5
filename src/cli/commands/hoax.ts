// `warta hoax match --claims FILE`: JSON Lines {"id", "text"} on stdin → {"id", "match": claim id | null, "score"}
// per line, in input order. Claims are JSON Lines {"id", "claim", "fact"}.
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { createHoaxMatcher, parseHoaxClaims, type HoaxMatcher } from '../../nlp/index.ts'
import { processJsonLines } from '../json-lines.ts'
import { cliText } from '../cli-text.ts'

const inputSchema = z.object({ id: z.union([z.string(), z.number()]), text: z.string() })
type Input = z.infer<typeof inputSchema>

const usage = (): string => `${cliText('cli.hoax_usage')}\n`

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
    process.stderr.write(`${cliText('cli.claims_file_missing', { command })}\n`)
    return { matcher: undefined, failed: true }
  }
  let source: string
  try {
    source = readFileSync(path, 'utf8')
  } catch (error) {
    const reason = (error as Error).message
    process.stderr.write(`${cliText('cli.claims_unreadable', { command, file: path, reason })}\n`)
    return { matcher: undefined, failed: true }
  }
  const { claims, errors } = parseHoaxClaims(source)
  for (const error of errors)
    process.stderr.write(
      `${cliText('cli.claims_line_invalid', { file: path, line: error.line, reason: error.message })}\n`,
    )
  return { matcher: createHoaxMatcher(claims), failed: errors.length > 0 }
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage())
    return 0
  }
  if (args[0] !== 'match') {
    process.stderr.write(`${cliText('cli.hoax_unknown_subcommand', { name: args[0] ?? '' })}\n${usage()}`)
    return 2
  }
  const { matcher, failed: claimsFailed } = loadClaimsOption(args.slice(1), 'warta hoax match')
  if (!matcher) {
    if (!claimsFailed) process.stderr.write(`${cliText('cli.hoax_claims_required')}\n${usage()}`)
    return 2
  }
  const failed = await processJsonLines<Input>({
    schema: inputSchema,
    handle: (record) => ({ id: record.id, ...matcher.match(record.text) }),
  })
  if (failed > 0)
    process.stderr.write(`${cliText('cli.lines_failed', { command: 'warta hoax match', count: failed })}\n`)
  return failed > 0 || claimsFailed ? 1 : 0
}
