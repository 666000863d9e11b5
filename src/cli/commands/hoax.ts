// `warta hoax match --claims FILE`: JSON Lines {"id", "text"} on stdin → {"id", "match": claim id | null, "score"}
// per line, in input order. Claims are JSON Lines {"id", "claim", "fact"}.
import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import { loadConfig } from '../../config.ts'
import { pgliteDirOf } from '../../context.ts'
import { migrate } from '../../db/migrate.ts'
import { claimsForMatchingBySlug, defaultKnowledgeBase } from '../../features/hoax/manage-hoax-claims.ts'
import { openCliDatabase } from '../open-cli-database.ts'
import { readOption } from '../read-option.ts'
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

export interface ClaimsSource {
  matcher: HoaxMatcher | undefined
  failed: boolean
}

export interface LoadClaimsOptions {
  /**
   * Without `--claims` or `--instansi`, use the only instansi's knowledge base in the database, when there is
   * one (`warta check`), and say on stderr which one, or why the hoax check is off.
   */
  useDefaultKnowledgeBase?: boolean
}

/**
 * The claims a command checks against. `--claims FILE` wins; otherwise `--instansi SLUG` reads that instansi's
 * active claims from the database the server uses: PostgreSQL when DATABASE_URL is set, else the embedded data
 * folder, which must already exist (a check never creates a database). Without either there is no matcher, and
 * the command says so, unless it asks for the default knowledge base: then a database holding exactly one
 * instansi gives that one's claims. With several the slug is required rather than guessed: checking against the
 * wrong one's claims would look like "no hoax".
 */
export async function loadClaimsSource(
  args: string[],
  command: string,
  options: LoadClaimsOptions = {},
): Promise<ClaimsSource> {
  const slug = readOption(args, 'instansi')
  const hasClaimsFile = args.some((a) => a === '--claims' || a.startsWith('--claims='))
  if (hasClaimsFile) {
    if (slug) process.stderr.write(`${cliText('cli.check_instansi_and_claims', { command })}\n`)
    return loadClaimsOption(args, command)
  }
  if (slug === undefined) {
    return options.useDefaultKnowledgeBase
      ? loadDefaultClaims(command)
      : { matcher: undefined, failed: false }
  }
  if (slug === '' || slug.startsWith('--')) {
    process.stderr.write(`${cliText('cli.check_instansi_missing', { command })}\n`)
    return { matcher: undefined, failed: true }
  }
  const config = loadConfig()
  if (!config.databaseUrl && !existsSync(pgliteDirOf(config))) {
    process.stderr.write(`${cliText('cli.check_no_database', { command, folder: pgliteDirOf(config) })}\n`)
    return { matcher: undefined, failed: true }
  }
  const database = await openCliDatabase(command.replace(/^warta /, ''))
  if (!database) return { matcher: undefined, failed: true }
  try {
    await migrate(database)
    const claims = await claimsForMatchingBySlug(database.db, slug)
    if (!claims) {
      process.stderr.write(`${cliText('cli.check_instansi_unknown', { command, slug })}\n`)
      return { matcher: undefined, failed: true }
    }
    if (claims.length === 0)
      process.stderr.write(`${cliText('cli.check_instansi_empty', { command, slug })}\n`)
    return { matcher: createHoaxMatcher(claims), failed: false }
  } finally {
    await database.close()
  }
}

/**
 * The default knowledge base: read only where a database already is (DATABASE_URL, or an existing data folder;
 * a check never creates one). A data folder held by a running server stays with it: openCliDatabase refuses the
 * lock and says which process holds it, and the check goes on without hoaxes. Never a failure: the other checks
 * run either way, and stderr says whether the hoax check is on.
 */
async function loadDefaultClaims(command: string): Promise<ClaimsSource> {
  const off: ClaimsSource = { matcher: undefined, failed: false }
  const config = loadConfig()
  const database =
    config.databaseUrl || existsSync(pgliteDirOf(config))
      ? await openCliDatabase(command.replace(/^warta /, ''))
      : undefined
  if (!database) {
    process.stderr.write(`${cliText('cli.check_hoax_off')}\n`)
    return off
  }
  try {
    await migrate(database)
    const knowledgeBase = await defaultKnowledgeBase(database.db)
    switch (knowledgeBase.kind) {
      case 'none':
        process.stderr.write(`${cliText('cli.check_hoax_off_no_instansi')}\n`)
        return off
      case 'several':
        process.stderr.write(`${cliText('cli.check_hoax_off_several', { slugs: knowledgeBase.slugs })}\n`)
        return off
      case 'one': {
        const { slug, claimCount: count } = knowledgeBase
        process.stderr.write(`${cliText('cli.check_instansi_default', { slug, count })}\n`)
        return { matcher: createHoaxMatcher(knowledgeBase.claims), failed: false }
      }
    }
  } finally {
    await database.close()
  }
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
  const { matcher, failed: claimsFailed } = await loadClaimsSource(args.slice(1), 'warta hoax match')
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
