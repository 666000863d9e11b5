// `warta audit verify [--instansi SLUG]`: checks the audit log's hash chains. Exit 0 with a summary when intact;
// exit 1 with the first broken link of each broken chain otherwise (2 for a usage error).
import type { Db } from '../../db/client.ts'
import { isAppError } from '../../features/app-error.ts'
import { auditVerifyReport } from '../../features/audit/audit-verify-report.ts'
import { openCliDatabase } from '../open-cli-database.ts'
import { readOption } from '../read-option.ts'

const USAGE = 'Usage: warta audit verify [--instansi SLUG]\n'

export interface CommandOutput {
  out: (line: string) => void
  err: (line: string) => void
}

/** The command on an open database; the integration test calls this directly. */
export async function auditCommand(db: Db, args: string[], output: CommandOutput): Promise<number> {
  const [sub, ...rest] = args
  if (sub !== 'verify') {
    output.err(USAGE)
    return 2
  }
  try {
    const report = await auditVerifyReport(db, { instansiSlug: readOption(rest, 'instansi') })
    const write = report.exitCode === 0 ? output.out : output.err
    for (const line of report.lines) write(`${line}\n`)
    return report.exitCode
  } catch (error) {
    if (isAppError(error)) {
      output.err(`warta audit: ${error.message}\n`)
      return 1
    }
    throw error
  }
}

export async function run(args: string[]): Promise<number> {
  if (args[0] !== 'verify') {
    process.stderr.write(USAGE)
    return 2
  }
  const database = await openCliDatabase('audit')
  if (!database) return 1
  try {
    return await auditCommand(database.db, args, {
      out: (line) => process.stdout.write(line),
      err: (line) => process.stderr.write(line),
    })
  } catch (error) {
    // The usual cause on a new data folder: nothing was migrated yet, so there is no audit_log to read.
    process.stderr.write(
      `warta audit: the audit log could not be read (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). Has 'warta migrate' run on this database?\n`,
    )
    return 1
  } finally {
    await database.close()
  }
}
