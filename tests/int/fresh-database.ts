// Brand-new, empty databases for tests that need one (restore targets, process tests): a PGlite in memory, or a
// database created on the test PostgreSQL server and dropped by the returned cleanup.
import pg from 'pg'
import { openDatabase, type Database } from '../../src/db/open-database.ts'
import { migrate } from '../../src/db/migrate.ts'
import type { Engine } from '../../src/db/client.ts'

const defaultServerUrl = 'postgres://postgres@127.0.0.1:5432/test'

/** True when this run has a PostgreSQL server (scripts/test.js lists it in WARTA_TEST_ENGINES). */
export function postgresAvailable(): boolean {
  return (process.env.WARTA_TEST_ENGINES ?? '').split(',').includes('pg')
}

export interface FreshPostgres {
  url: string
  drop(): Promise<void>
}

export async function createFreshPostgres(prefix = 'warta_fresh'): Promise<FreshPostgres> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? defaultServerUrl
  const name = `${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl })
      await client.connect()
      await client.query(`drop database if exists ${name} with (force)`)
      await client.end()
    },
  }
}

export interface FreshDatabase {
  database: Database
  dispose(): Promise<void>
}

/** An empty, migrated database on the given engine. */
export async function openFreshDatabase(engine: Engine): Promise<FreshDatabase> {
  if (engine === 'pglite') {
    const database = await openDatabase({ pgliteDir: 'memory://' })
    await migrate(database)
    return { database, dispose: () => database.close() }
  }
  const fresh = await createFreshPostgres('warta_restore')
  const database = await openDatabase({ databaseUrl: fresh.url, poolSize: 3 })
  await migrate(database)
  return {
    database,
    async dispose() {
      await database.close()
      await fresh.drop()
    },
  }
}
