// `warta migrate`: apply pending migrations and exit, for deployments that migrate before rolling out new
// api/worker processes. (Those also migrate on start; the advisory lock makes concurrent runs safe.)
import { migrate } from '../../db/migrate.ts'
import { cliText } from '../cli-text.ts'
import { openCliDatabase } from '../open-cli-database.ts'

export async function run(_args: string[]): Promise<number> {
  const database = await openCliDatabase('migrate')
  if (!database) return 1
  try {
    const applied = await migrate(database)
    const done =
      applied.length === 0
        ? cliText('cli.migrate_up_to_date', { engine: database.engine })
        : cliText('cli.migrate_applied', { engine: database.engine, migrations: applied })
    process.stdout.write(`${done}\n`)
    return 0
  } finally {
    await database.close()
  }
}
