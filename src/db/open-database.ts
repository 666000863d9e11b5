// Opens the database on one of two engines: PostgreSQL when DATABASE_URL is set, otherwise an embedded PGlite
// directory under the data folder (locked against a second process). Both give the same Drizzle API.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import * as schema from './schema/index.ts'
import type { Db, Engine } from './client.ts'
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts'

export interface Database {
  readonly engine: Engine
  readonly db: Db
  /** Runs a script of several statements (migrations, restore) outside the prepared-statement protocol. */
  exec(sqlText: string): Promise<void>
  /** The raw engine handles, for pg-boss and backup. */
  readonly pglite: PGlite | undefined
  readonly pool: pg.Pool | undefined
  close(): Promise<void>
}

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined
  /** PGlite directory; `memory://` for a throw-away database. */
  pgliteDir?: string | undefined
  /** Restore a PGlite directory from a dumpDataDir() tarball. */
  loadDataDir?: Blob | File | undefined
  poolSize?: number
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10)
  if (!options.pgliteDir) throw new Error('openDatabase needs a databaseUrl or a pgliteDir')
  return openPglite(options.pgliteDir, options.loadDataDir)
}

// int8 (count(*), bigserial) as JavaScript numbers on both engines (stack-notes §14.12).
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10))

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize })
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries in flight get their own error.
  })
  await pool.query('select 1')
  const db = drizzlePg({ client: pool, schema }) as unknown as Db
  return {
    engine: 'pg',
    db,
    pglite: undefined,
    pool,
    async exec(sqlText) {
      await pool.query(sqlText)
    },
    async close() {
      await pool.end()
    },
  }
}

async function openPglite(dir: string, loadDataDir: Blob | File | undefined): Promise<Database> {
  let lock: DataDirLock | undefined
  let dataDir = dir
  if (!dir.startsWith('memory://')) {
    dataDir = path.resolve(dir)
    mkdirSync(path.dirname(dataDir), { recursive: true })
    lock = acquireDataDirLock(path.dirname(dataDir))
  }
  let lite: PGlite
  try {
    lite = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {})
  } catch (error) {
    lock?.release()
    throw error
  }
  const db = drizzlePglite({ client: lite, schema }) as unknown as Db
  return {
    engine: 'pglite',
    db,
    pglite: lite,
    pool: undefined,
    async exec(sqlText) {
      await lite.exec(sqlText)
    },
    async close() {
      try {
        await lite.close()
      } finally {
        lock?.release()
      }
    },
  }
}
