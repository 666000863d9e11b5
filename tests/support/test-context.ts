// The shared database for integration tests: one per engine and worker, migrated once. Tests never clean up;
// each makes its own instansi (see fixtures.ts), so they cannot see each other's data.
import { inject } from 'vitest'
import { pino } from 'pino'
import { parseConfig, type Config } from '../../src/config.ts'
import { createContext, type AppContext } from '../../src/context.ts'
import { openDatabase, type Database } from '../../src/db/open-database.ts'
import type { Engine } from '../../src/db/client.ts'

let shared: Promise<AppContext> | undefined

export function testEngine(): Engine {
  const engine = process.env.WARTA_TEST_ENGINE ?? 'pglite'
  if (engine !== 'pg' && engine !== 'pglite') throw new Error(`unknown WARTA_TEST_ENGINE ${engine}`)
  return engine
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return parseConfig({
    WARTA_DATA_DIR: '/tmp/warta-test-unused',
    LOG_LEVEL: 'silent',
    // The sandbox network answers at once and never fails, unless a test asks for its faults.
    WARTA_SANDBOX_FAULTS: 'false',
    ...overrides,
  })
}

/** Opens a new database on the test engine (already migrated when used through createContext). */
export async function openTestDatabase(): Promise<Database> {
  if (testEngine() === 'pg') return openDatabase({ databaseUrl: inject('testDatabaseUrl'), poolSize: 5 })
  return openDatabase({ pgliteDir: 'memory://' })
}

export function getTestContext(): Promise<AppContext> {
  shared ??= (async () => {
    const database = await openTestDatabase()
    return createContext(testConfig(), { database, logger: pino({ level: 'silent' }) })
  })()
  return shared
}
