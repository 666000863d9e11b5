#!/usr/bin/env node
// `npm test`: every rung of the test ladder, on every engine this machine has.
// Under CI=true a missing PostgreSQL server or Chromium is a failure, never a silent skip.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs'
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
const env = {
  ...process.env,
  WARTA_TEST_ENGINES: engines.join(','),
  TEST_DATABASE_URL: pgUrl,
  WARTA_CHROMIUM: chromium,
  // The browser journey publishes to the local Bluesky network too; without it that journey is skipped.
  WARTA_BLUESKY_NETWORK: projects.includes('bluesky') ? 'available' : 'missing',
}
const vitestArgs = (names, report) => [
  'vitest',
  'run',
  ...names.flatMap((p) => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  // A file filter passed to npm test may match files of one process only.
  ...(extraArgs.length > 0 ? ['--passWithNoTests'] : []),
  ...extraArgs,
]

// Vitest runs every file of this suite one at a time (one worker on two cores, each integration project one file at
// a time). The PostgreSQL integration tests and the Bluesky test share nothing with the rest (their own database on
// the server, their own network), so they run in a second Vitest process beside the first: two streams on two cores.
// Its output is kept in a file and printed after the first process's, so the two never interleave.
const side = projects.filter((p) => p === 'int-pg' || p === 'bluesky')
const main = projects.filter((p) => !side.includes(p))
const reports = ['test-results/vitest.json']
let sideRun
if (side.length > 0 && main.length > 0) {
  reports.push('test-results/vitest-side.json')
  const log = openSync('test-results/vitest-side.log', 'w')
  sideRun = new Promise((resolve) => {
    const child = spawn('npx', vitestArgs(side, 'test-results/vitest-side.json'), {
      stdio: ['ignore', log, log],
      env: { ...env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
    })
    child.on('close', (status) => resolve(status ?? 1))
  })
}
const mainStatus = await new Promise((resolve) => {
  const child = spawn('npx', vitestArgs(side.length > 0 && main.length > 0 ? main : projects, reports[0]), {
    stdio: 'inherit',
    env,
  })
  child.on('close', (status) => resolve(status ?? 1))
})
let sideStatus = 0
if (sideRun) {
  sideStatus = await sideRun
  console.log(`\n--- ${side.join(' ')} (run beside the others) ---`)
  process.stdout.write(readFileSync('test-results/vitest-side.log', 'utf8'))
}

let summary = ''
try {
  const totals = { passed: 0, failed: 0, skipped: 0 }
  for (const file of reports) {
    const report = JSON.parse(readFileSync(file, 'utf8'))
    totals.passed += report.numPassedTests
    totals.failed += report.numFailedTests
    totals.skipped += report.numPendingTests + report.numTodoTests
  }
  summary = `tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`
} catch {
  summary = 'tests: a report was not written'
}
console.log(`\nprojects: ${projects.join(' ')}`)
console.log(summary)
process.exit(mainStatus !== 0 ? mainStatus : sideStatus)
