// `warta user create …` and `warta user create-instansi …`: user administration without the web app (first
// admin of an extra instansi, automation). Prompts nothing; a generated password is printed once and must be
// changed at first login. Every change is audited with the actor label 'cli'.
import { migrate } from '../../db/migrate.ts'
import type { Db } from '../../db/client.ts'
import { systemClock } from '../../clock.ts'
import { isRole } from '../../features/access/policy.ts'
import { isAppError } from '../../features/app-error.ts'
import { createInstansi } from '../../features/setup/create-instansi.ts'
import { createUserByCodes } from '../../features/users/create-user-by-codes.ts'
import type { Locale } from '../../shared/dates.ts'
import type { TerminalMessageKey } from '../../shared/messages/terminal-catalogue.ts'
import type { MessageParams } from '../../shared/messages/format-message.ts'
import { ROLES } from '../../shared/roles.ts'
import { cliLocale, cliText } from '../cli-text.ts'
import { openCliDatabase } from '../open-cli-database.ts'
import { readOption } from '../read-option.ts'

const CLI_META = { ip: 'cli', userAgent: 'warta-cli' }

export interface CliOutput {
  out(text: string): void
  err(text: string): void
  /** The language of the messages; the terminal's (cli-text.ts) when not given. */
  locale?: Locale
}

/** One catalogue message as a line, in the output's language. */
function line(io: CliOutput, key: TerminalMessageKey, params?: MessageParams): string {
  return `${cliText(key, params, io.locale ?? cliLocale())}\n`
}

function required(args: string[], names: string[], io: CliOutput): Record<string, string> | undefined {
  const values: Record<string, string> = {}
  const missing: string[] = []
  for (const name of names) {
    const value = readOption(args, name)
    if (value === undefined || value === '' || value.startsWith('--')) missing.push(`--${name}`)
    else values[name] = value
  }
  if (missing.length > 0) {
    io.err(line(io, 'cli.user_missing_options', { options: missing }) + line(io, 'cli.user_usage'))
    return undefined
  }
  return values
}

/** The command on an open, migrated database (tests call this directly). Returns the exit code. */
export async function runUserCommand(db: Db, args: string[], io: CliOutput): Promise<number> {
  const [sub, ...rest] = args
  try {
    if (sub === 'create') {
      const o = required(rest, ['instansi', 'email', 'name', 'role', 'unit'], io)
      if (!o) return 2
      if (!isRole(o.role!)) {
        io.err(line(io, 'cli.user_unknown_role', { role: o.role!, roles: ROLES }))
        return 2
      }
      const created = await createUserByCodes(
        db,
        {
          instansiSlug: o.instansi!,
          unitCode: o.unit!,
          email: o.email!,
          name: o.name!,
          role: o.role,
          password: readOption(rest, 'password'),
        },
        'cli',
        CLI_META,
        systemClock.now(),
      )
      io.out(
        line(io, 'cli.user_created', {
          email: created.user.email,
          role: o.role,
          unit: created.unitCode,
          userId: created.user.id,
        }),
      )
      if (created.temporaryPassword)
        io.out(line(io, 'cli.user_temporary_password', { password: created.temporaryPassword }))
      return 0
    }
    if (sub === 'create-instansi') {
      const o = required(rest, ['slug', 'name', 'unit-code', 'unit-name', 'admin-email', 'admin-name'], io)
      if (!o) return 2
      const created = await createInstansi(
        { db, clock: systemClock },
        {
          instansiName: o.name!,
          slug: o.slug!,
          rootUnitCode: o['unit-code']!,
          rootUnitName: o['unit-name']!,
          adminEmail: o['admin-email']!,
          adminName: o['admin-name']!,
          adminPassword: readOption(rest, 'password'),
        },
        'cli',
        CLI_META,
      )
      io.out(
        line(io, 'cli.instansi_created', {
          slug: o.slug!,
          instansiId: created.instansiId,
          email: created.admin.email,
        }),
      )
      if (created.temporaryPassword)
        io.out(line(io, 'cli.admin_temporary_password', { password: created.temporaryPassword }))
      io.out(line(io, 'cli.admin_two_factor'))
      return 0
    }
    io.err(line(io, 'cli.user_usage'))
    return 2
  } catch (error) {
    if (isAppError(error)) {
      io.err(`warta user: ${line(io, error.key, error.params)}`)
      return 1
    }
    throw error
  }
}

export async function run(args: string[]): Promise<number> {
  const io: CliOutput = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }
  if (args[0] !== 'create' && args[0] !== 'create-instansi') {
    io.err(line(io, 'cli.user_usage'))
    return 2
  }
  const database = await openCliDatabase('user')
  if (!database) return 1
  try {
    await migrate(database)
    return await runUserCommand(database.db, args, io)
  } finally {
    await database.close()
  }
}
