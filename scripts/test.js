#!/usr/bin/env node
// `npm test`: every rung of the test ladder, on every engine this machine has.
// Under CI=true a missing PostgreSQL server or Chromium is a failure, never a silent skip.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import net from 'node:net'

const isCi = process.env.CI === 'true' || process.env.CI === '1'
const defaultPgUrl = 'postgres://postgres@127.0.0.1:5432/test'
const pgUrl = process.env.TEST_DATABASE_URL ?? defaultPgUrl
const chromium = process.env.WARTA_CHROMIUM ?? '/usr/bin/chromium'
const extraArgs = process.argv.slice(2)

function canConnect(url) {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432) })
    socket.setTimeout(1500)
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('timeout', () => (socket.destroy(), resolve(false)))
    socket.once('error', () => resolve(false))
  })
}

const problems = []
const engines = ['pglite']
if (await canConnect(pgUrl)) engines.push('pg')
else
  problems.push(
    `PostgreSQL is not reachable at ${pgUrl} (set TEST_DATABASE_URL): the PostgreSQL integration tests cannot run`,
  )

const hasBrowser = existsSync(chromium)
if (!hasBrowser)
  problems.push(
    `Chromium is not installed at ${chromium} (apt-get install -y chromium): the browser tests cannot run`,
  )

// The Bluesky connector's test runs a local AT Protocol network whose AppView needs a throw-away PostgreSQL
// cluster (initdb + pg_ctl, not the server above), and installs that network once (tests/bluesky-network).
const pgBin = process.env.WARTA_PG_BIN ?? '/usr/lib/postgresql/15/bin'
const hasPgBinaries = existsSync(`${pgBin}/initdb`)
if (!hasPgBinaries)
  problems.push(
    `PostgreSQL's programs are not installed in ${pgBin} (apt-get install -y postgresql-15; or set WARTA_PG_BIN): the Bluesky connector test cannot run`,
  )

for (const problem of problems) console.error(`${isCi ? 'ERROR' : 'SKIPPED'}: ${problem}`)
if (isCi && problems.length > 0) {
  console.error('CI=true: a suite that cannot run is a failure.')
  process.exit(1)
}

const projects = ['unit', 'web', ...engines.map((e) => `int-${e}`)]
if (hasBrowser) {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
  projects.push('e2e')
}

if (hasPgBinaries) {
  const install = spawnSync(process.execPath, ['tests/bluesky-network/install-network.js'], {
    stdio: 'inherit',
  })
  if (install.status === 0) projects.push('bluesky')
  else {
    // It compiles better-sqlite3 for the network: g++, make and python3 are needed once.
    console.error(
      `${isCi ? 'ERROR' : 'SKIPPED'}: the local AT Protocol network could not be installed (needs g++, make, python3): the Bluesky connector test cannot run`,
    )
    if (isCi) process.exit(1)
  }
}

mkdirSync('test-results', { recursive: true })
const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p])]
args.push('--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json', ...extraArgs)
const run = spawnSync('npx', args, {
  stdio: 'inherit',
  env: {
    ...process.env,
    WARTA_TEST_ENGINES: engines.join(','),
    TEST_DATABASE_URL: pgUrl,
    WARTA_CHROMIUM: chromium,
    // The browser journey publishes to the local Bluesky network too; without it that journey is skipped.
    WARTA_BLUESKY_NETWORK: projects.includes('bluesky') ? 'available' : 'missing',
  },
})

let summary = ''
try {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'))
  const skipped = report.numPendingTests + report.numTodoTests
  summary = `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`
} catch {
  summary = 'tests: no report was written'
}
console.log(`\nprojects: ${projects.join(' ')}`)
console.log(summary)
process.exit(run.status ?? 1)
