// The production shape: two `warta api` processes and a `warta worker` started together on one fresh
// PostgreSQL database. Both APIs become ready, the migrations run exactly once, and all stop cleanly. Without
// PostgreSQL (the PGlite project) the same commands must refuse to run and say why.
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { readMigrationFiles } from '../../src/db/migrate.ts'
import { testEngine } from '../support/test-context.ts'
import { createFreshPostgres, type FreshPostgres } from './fresh-database.ts'
import {
  freePort,
  killAllWarta,
  makeTempDir,
  removeTempDirs,
  spawnWarta,
  stopWarta,
  waitForOk,
} from './warta-process.ts'

let fresh: FreshPostgres | undefined

afterAll(async () => {
  killAllWarta()
  await fresh?.drop()
  removeTempDirs()
})

describe('warta api and warta worker', () => {
  if (testEngine() === 'pglite') {
    it('refuse to run without DATABASE_URL, saying what to set', async () => {
      for (const command of ['api', 'worker']) {
        const child = spawnWarta([command], { WARTA_DATA_DIR: makeTempDir('warta-nodb-') })
        expect((await child.exited).code).toBe(1)
        expect(child.output()).toContain('DATABASE_URL belum diisi')
      }
    }, 60_000)
    return
  }

  it('run side by side on one database, migrate it once, and stop cleanly', async () => {
    fresh = await createFreshPostgres('warta_procs')
    const env = { DATABASE_URL: fresh.url, WARTA_SECRET: 'x'.repeat(40) }
    const [apiPortA, apiPortB, healthPort] = [await freePort(), await freePort(), await freePort()]
    const apiA = spawnWarta(['api'], { ...env, PORT: String(apiPortA) })
    const apiB = spawnWarta(['api'], { ...env, PORT: String(apiPortB) })
    const worker = spawnWarta(['worker', '--health-port', String(healthPort)], env)

    for (const [port, process] of [
      [apiPortA, apiA],
      [apiPortB, apiB],
    ] as const) {
      const ready = await waitForOk(`http://127.0.0.1:${port}/readyz`, process)
      expect(await ready.json()).toEqual({ status: 'ready', engine: 'pg' })
    }
    const workerReady = await waitForOk(`http://127.0.0.1:${healthPort}/readyz`, worker)
    expect(await workerReady.json()).toMatchObject({ status: 'ready', role: 'worker' })

    const client = new pg.Client({ connectionString: fresh.url })
    await client.connect()
    try {
      const applied = await client.query<{ name: string }>('select name from warta_migrations order by name')
      expect(applied.rows.map((row) => row.name)).toEqual(readMigrationFiles().map((file) => file.name))
      const boss = await client.query<{ present: boolean }>(
        "select to_regclass('pgboss.job') is not null as present",
      )
      expect(boss.rows[0]!.present).toBe(true)
    } finally {
      await client.end()
    }

    const exits = await Promise.all([stopWarta(apiA), stopWarta(apiB), stopWarta(worker)])
    expect(exits).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
      { code: 0, signal: null },
    ])
  }, 120_000)
})
