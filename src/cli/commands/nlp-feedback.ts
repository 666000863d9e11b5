// `warta nlp feedback export [--instansi <slug>] [--out file]`: the operators' verdicts on hoax matches in the
// inbox as JSON lines of (text, claim, match) pairs, the format a pair verifier trains on (docs/nlp/hoax-feedback.md).
// Reads the configured database (a running server's PostgreSQL, or the data folder when the server is stopped).
import { createWriteStream, existsSync } from 'node:fs'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { loadConfig } from '../../config.ts'
import { pgliteDirOf } from '../../context.ts'
import { migrate } from '../../db/migrate.ts'
import { exportHoaxFeedback } from '../../features/inbox/hoax-feedback.ts'
import { cliText } from '../cli-text.ts'
import { writeRespectingBackpressure } from '../json-lines.ts'
import { openCliDatabase } from '../open-cli-database.ts'
import { readOption } from '../read-option.ts'

const COMMAND = 'warta nlp feedback export'

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args
  if (sub !== 'export' || rest.includes('--help') || rest.includes('-h')) {
    const asked = sub === undefined || sub === '--help' || sub === '-h' || rest.includes('--help')
    ;(asked ? process.stdout : process.stderr).write(`${cliText('cli.nlp_feedback_usage')}\n`)
    return asked ? 0 : 2
  }
  const slug = readOption(rest, 'instansi')
  if (slug !== undefined && (slug === '' || slug.startsWith('--'))) {
    process.stderr.write(`${cliText('cli.check_instansi_missing', { command: COMMAND })}\n`)
    return 2
  }
  const out = readOption(rest, 'out')
  if (out !== undefined && (out === '' || out.startsWith('--'))) {
    process.stderr.write(`${cliText('cli.nlp_feedback_usage')}\n`)
    return 2
  }
  const config = loadConfig()
  if (!config.databaseUrl && !existsSync(pgliteDirOf(config))) {
    process.stderr.write(
      `${cliText('cli.check_no_database', { command: COMMAND, folder: pgliteDirOf(config) })}\n`,
    )
    return 2
  }
  const database = await openCliDatabase('nlp feedback export')
  if (!database) return 1
  let pairs
  try {
    await migrate(database)
    pairs = await exportHoaxFeedback(database.db, { instansiSlug: slug })
  } finally {
    await database.close()
  }
  if (!pairs) {
    process.stderr.write(`${cliText('cli.check_instansi_unknown', { command: COMMAND, slug: slug ?? '' })}\n`)
    return 2
  }
  const output: Writable = out ? createWriteStream(out) : process.stdout
  for (const pair of pairs) await writeRespectingBackpressure(output, `${JSON.stringify(pair)}\n`)
  if (out) {
    output.end()
    await finished(output)
  }
  const positive = pairs.filter((pair) => pair.match).length
  process.stderr.write(
    `${cliText('cli.nlp_feedback_written', {
      pairs: pairs.length,
      positive,
      negative: pairs.length - positive,
      target: out ?? 'stdout',
    })}\n`,
  )
  return 0
}
