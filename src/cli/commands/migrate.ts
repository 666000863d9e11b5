// `warta migrate`: apply pending migrations and exit, for deployments that migrate before rolling out new
// api/worker processes. (Those also migrate on start; the advisory lock makes concurrent runs safe.)
import { migrate } from '../../db/migrate.ts'
import { openCliDatabase } from '../open-cli-database.ts'

export async function run(_args: string[]): Promise<number> {
  const database = await openCliDatabase('migrate')
  if (!database) return 1
  try {
    const applied = await migrate(database)
    process.stdout.write(
      applied.length === 0
        ? `Basis data (${database.engine}) sudah mutakhir.\n`
        : `Migrasi diterapkan (${database.engine}): ${applied.join(', ')}\n`,
    )
    return 0
  } finally {
    await database.close()
  }
}
