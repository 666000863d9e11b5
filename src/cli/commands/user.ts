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
import { openCliDatabase } from '../open-cli-database.ts'
import { readOption } from '../read-option.ts'

const USAGE = `Penggunaan:
  warta user create --instansi SLUG --email E --name N --role R --unit CODE [--password P]
  warta user create-instansi --slug SLUG --name NAMA --unit-code KODE --unit-name NAMA_UNIT --admin-email E --admin-name N [--password P]
Tanpa --password, kata sandi sementara dibuat, dicetak sekali, dan wajib diganti saat masuk pertama.
`

const CLI_META = { ip: 'cli', userAgent: 'warta-cli' }

export interface CliOutput {
  out(text: string): void
  err(text: string): void
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
    io.err(`warta user: opsi wajib belum diisi: ${missing.join(', ')}\n${USAGE}`)
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
        io.err(
          `warta user: peran '${o.role}' tidak dikenal. Pilihan: admin, penanggung_jawab, pengelola, analis, ppid, pimpinan, auditor.\n`,
        )
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
        `Pengguna dibuat: ${created.user.email} (${o.role} pada ${created.unitCode}), id ${created.user.id}\n`,
      )
      if (created.temporaryPassword)
        io.out(
          `Kata sandi sementara (tampil sekali, wajib diganti saat masuk): ${created.temporaryPassword}\n`,
        )
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
      io.out(`Instansi dibuat: ${o.slug} (id ${created.instansiId}); admin ${created.admin.email}\n`)
      if (created.temporaryPassword)
        io.out(
          `Kata sandi sementara admin (tampil sekali, wajib diganti saat masuk): ${created.temporaryPassword}\n`,
        )
      io.out('Admin wajib mengaktifkan verifikasi dua langkah saat pertama masuk.\n')
      return 0
    }
    io.err(USAGE)
    return 2
  } catch (error) {
    if (isAppError(error)) {
      io.err(`warta user: ${error.message}\n`)
      return 1
    }
    throw error
  }
}

export async function run(args: string[]): Promise<number> {
  const io: CliOutput = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }
  if (args[0] !== 'create' && args[0] !== 'create-instansi') {
    io.err(USAGE)
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
