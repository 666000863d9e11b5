// `warta start` as a real process on the test engine. On the embedded database it serves the web app, holds the
// data-folder lock against a second process and shuts down cleanly on SIGTERM; with DATABASE_URL several may run.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { testEngine } from '../support/test-context.ts'
import { createFreshPostgres, type FreshPostgres } from './fresh-database.ts'
import { createTestInstansi } from '../support/fixtures.ts'
import { openDatabase } from '../../src/db/open-database.ts'
import { migrate } from '../../src/db/migrate.ts'
import type { Locale } from '../../src/shared/dates.ts'
import { TERMINAL_MESSAGES, type TerminalMessageKey } from '../../src/shared/messages/terminal-catalogue.ts'
import {
  freePort,
  killAllWarta,
  makeTempDir,
  removeTempDirs,
  spawnCommand,
  spawnWarta,
  stopWarta,
  waitForOk,
} from './warta-process.ts'

let fresh: FreshPostgres | undefined
let stoppedDataDir: string | undefined
const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

// What a first `warta start` says before it is ready, from the catalogue: each must appear in the terminal's
// language and never in the other (nor Fastify's own English "Server listening at").
const STARTUP_LINES: readonly TerminalMessageKey[] = [
  'cli.log_database_migrated',
  'cli.log_listening',
  'cli.log_started',
  'cli.ready_first_run',
]
const otherLocale = (locale: Locale): Locale => (locale === 'id' ? 'en' : 'id')
/** The words of a message before its first placeholder: what any rendering of it contains. */
const fixedWords = (locale: Locale, key: TerminalMessageKey): string =>
  TERMINAL_MESSAGES[key][locale].split('{')[0]!.trim()

function expectStartupIn(locale: Locale, output: string): void {
  for (const key of STARTUP_LINES) {
    expect(output, key).toContain(fixedWords(locale, key))
    expect(output, key).not.toContain(fixedWords(otherLocale(locale), key))
  }
  expect(output).not.toContain('Server listening')
}

afterAll(async () => {
  killAllWarta()
  await fresh?.drop()
  removeTempDirs()
})

describe('warta start', () => {
  if (testEngine() === 'pg') {
    it('runs on PostgreSQL when DATABASE_URL is set, two processes side by side, and stops cleanly', async () => {
      fresh = await createFreshPostgres('warta_start')
      const ports = [await freePort(), await freePort()]
      const processes = ports.map((port) =>
        spawnWarta(['start'], { DATABASE_URL: fresh!.url, PORT: String(port) }),
      )
      for (const [index, port] of ports.entries()) {
        const ready = await waitForOk(`http://127.0.0.1:${port}/readyz`, processes[index]!)
        expect(await ready.json()).toEqual({ status: 'ready', engine: 'pg' })
      }
      expect(await Promise.all(processes.map(stopWarta))).toEqual([
        { code: 0, signal: null },
        { code: 0, signal: null },
      ])
    }, 120_000)
    return
  }

  it('serves the app, refuses a second process on the same data folder, and stops cleanly on SIGTERM', async () => {
    const dataDir = makeTempDir('warta-start-')
    const port = await freePort()
    // The readable terminal log at info, as `npm start` shows it, so every start-up line is there to read.
    const first = spawnWarta(['start'], {
      WARTA_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'pretty',
    })
    const ready = await waitForOk(`http://127.0.0.1:${port}/readyz`, first, 90_000)
    expect(await ready.json()).toEqual({ status: 'ready', engine: 'pglite' })
    const page = await waitForOk(`http://127.0.0.1:${port}/`, first)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(first.output()).toContain(`http://localhost:${port}`)
    expect(first.output()).toContain('wizard penyiapan awal')
    expectStartupIn('id', first.output())
    expect(existsSync(path.join(dataDir, 'warta.lock'))).toBe(true)

    const second = spawnWarta(['start'], { WARTA_DATA_DIR: dataDir, PORT: String(await freePort()) })
    expect((await second.exited).code).toBe(1)
    expect(second.output()).toContain(`sedang dipakai proses Warta lain (pid ${first.child.pid})`)

    expect(await stopWarta(first)).toEqual({ code: 0, signal: null })
    expect(existsSync(path.join(dataDir, 'warta.lock'))).toBe(false)
    stoppedDataDir = dataDir
  }, 150_000)

  it('says every start-up line in English under WARTA_LOCALE=en, and none in Indonesian', async () => {
    const port = await freePort()
    const start = spawnWarta(['start'], {
      WARTA_DATA_DIR: makeTempDir('warta-start-'),
      PORT: String(port),
      WARTA_LOCALE: 'en',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'pretty',
    })
    await waitForOk(`http://127.0.0.1:${port}/readyz`, start, 90_000)
    expect(await stopWarta(start)).toEqual({ code: 0, signal: null })
    expectStartupIn('en', start.output())
    expect(start.output()).toContain('Warta stopped')
  }, 150_000)

  it('finishes creating the database when stopped during its first start, so the folder opens next time', async () => {
    const dataDir = makeTempDir('warta-start-')
    const first = spawnWarta(['start'], { WARTA_DATA_DIR: dataDir, PORT: String(await freePort()) })
    // The lock file appears just before PGlite's initdb begins, and after the signal handlers are in place.
    while (!existsSync(path.join(dataDir, 'warta.lock'))) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(await stopWarta(first)).toEqual({ code: 0, signal: null })
    expect(existsSync(path.join(dataDir, 'warta.lock'))).toBe(false)

    const port = await freePort()
    const second = spawnWarta(['start'], { WARTA_DATA_DIR: dataDir, PORT: String(port) })
    await waitForOk(`http://127.0.0.1:${port}/readyz`, second, 90_000)
    expect(await stopWarta(second)).toEqual({ code: 0, signal: null })
  }, 150_000)

  it('backs the stopped data folder up with warta backup and restores it into a new folder, once', async () => {
    const dataDir = stoppedDataDir ?? makeTempDir('warta-start-')
    const database = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') })
    try {
      await migrate(database)
      await createTestInstansi(database.db, 'Instansi Proses')
    } finally {
      await database.close()
    }
    const backupDir = makeTempDir('warta-backup-cli-')
    const file = path.join(backupDir, 'cadangan.jsonl.gz')
    const backup = spawnWarta(['backup', file], { WARTA_DATA_DIR: dataDir })
    expect((await backup.exited).code, backup.output()).toBe(0)
    expect(backup.output()).toContain('Cadangan ditulis')
    // The same through a pipe: `warta backup -` to stdout, `warta restore -` from stdin.
    const piped = path.join(backupDir, 'lewat-pipa.jsonl.gz')
    const shell = (command: string, env: Record<string, string>) =>
      spawnCommand('sh', ['-c', `"${process.execPath}" bin/warta.js ${command}`], env, projectRoot)
    const backupToStdout = shell(`backup - > "${piped}"`, { WARTA_DATA_DIR: dataDir })
    expect((await backupToStdout.exited).code, backupToStdout.output()).toBe(0)
    // A reader that leaves at once: the backup is incomplete, so this is a failure, said in one line.
    const leftEarly = spawnCommand(
      'bash',
      ['-c', `"${process.execPath}" bin/warta.js backup - | true; echo "status=\${PIPESTATUS[0]}"`],
      { WARTA_DATA_DIR: dataDir },
      projectRoot,
    )
    await leftEarly.exited
    expect(leftEarly.output()).toContain('cadangan itu TIDAK lengkap')
    expect(leftEarly.output()).toMatch(/status=1\n$/)
    expect(leftEarly.output()).not.toMatch(/^\s+at /m)

    const restoreDir = makeTempDir('warta-restore-cli-')
    const restore = shell(`restore - < "${piped}"`, { WARTA_DATA_DIR: restoreDir })
    expect((await restore.exited).code, restore.output()).toBe(0)
    expect(restore.output()).toContain('Dipulihkan ke pglite')

    const again = spawnWarta(['restore', file], { WARTA_DATA_DIR: restoreDir })
    expect((await again.exited).code).toBe(1)
    expect(again.output()).toContain('tidak kosong')
  }, 150_000)
})
