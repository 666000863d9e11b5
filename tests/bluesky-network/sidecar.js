// The local AT Protocol network as a child process of a test: a throw-away PostgreSQL cluster, then dev-env's
// TestNetwork (PLC, PDS, AppView, Ozone) on it, and a small control server. Started by
// tests/support/bluesky-network.ts with this package's pinned Node, `--import ./loopback.js` and a per-run TMPDIR.
// It prints one JSON line (`{"pds", "appview", "plc", "control"}`) when ready and then answers
//   POST /process-all  → network.processAll() (waits until the AppView has indexed every write)
//   POST /close        → stops the network and PostgreSQL, then exits
// It also shuts down when its stdin closes, so a test runner that dies does not leave servers behind.
import { spawnSync } from 'node:child_process'
import { mkdirSync, chownSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const pgBin = process.env.WARTA_PG_BIN ?? '/usr/lib/postgresql/15/bin'
const runDir = os.tmpdir() // the parent points TMPDIR at a directory of this run and removes it afterwards
const pgDir = path.join(runDir, 'postgres')
const isRoot = process.getuid?.() === 0

function log(message) {
  process.stderr.write(`[bluesky-network] ${message}\n`)
}

/** PostgreSQL refuses to run as root: as root, run its programs as the `postgres` OS user. */
function pg(program, args) {
  const command = isRoot ? 'runuser' : path.join(pgBin, program)
  const commandArgs = isRoot ? ['-u', 'postgres', '--', path.join(pgBin, program), ...args] : args
  const result = spawnSync(command, commandArgs, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.stdout}`)
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

let postgresStarted = false
function startPostgres(port) {
  mkdirSync(pgDir, { recursive: true })
  if (isRoot) {
    const { uid, gid } = userIds('postgres')
    chownSync(pgDir, uid, gid)
  }
  pg('initdb', ['-D', path.join(pgDir, 'data'), '-U', 'pg', '--auth=trust', '-E', 'UTF8', '--no-sync'])
  pg('pg_ctl', [
    '-D',
    path.join(pgDir, 'data'),
    '-l',
    path.join(pgDir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${pgDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    'start',
  ])
  postgresStarted = true
}

function stopPostgres() {
  if (!postgresStarted) return
  postgresStarted = false
  try {
    pg('pg_ctl', ['-D', path.join(pgDir, 'data'), '-m', 'immediate', '-w', 'stop'])
  } catch (error) {
    log(`could not stop PostgreSQL: ${error.message}`)
  }
}

function userIds(name) {
  const result = spawnSync('id', ['-u', name], { encoding: 'utf8' })
  const groups = spawnSync('id', ['-g', name], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`no OS user "${name}" to run PostgreSQL as`)
  return { uid: Number(result.stdout.trim()), gid: Number(groups.stdout.trim()) }
}

let network
let control
let closing

function shutdown(code) {
  closing ??= (async () => {
    control?.close()
    try {
      await network?.close()
    } catch (error) {
      log(`closing the network failed: ${error.message}`)
    }
    stopPostgres()
    process.exit(code)
  })()
  return closing
}

process.stdin.on('end', () => void shutdown(0))
process.stdin.on('error', () => void shutdown(0))
process.stdin.resume()
process.on('SIGTERM', () => void shutdown(0))
process.on('SIGINT', () => void shutdown(0))

const started = performance.now()
const elapsed = () => `${Math.round(performance.now() - started)} ms`

try {
  const port = await freePort()
  startPostgres(port)
  log(`PostgreSQL up after ${elapsed()}`)
  // Asserted by TestNetwork.create, never contacted.
  process.env.REDIS_HOST ??= '127.0.0.1:1'
  const { TestNetwork } = await import('@atproto/dev-env')
  log(`dev-env loaded after ${elapsed()}`)
  network = await TestNetwork.create({
    dbPostgresUrl: `postgresql://pg@127.0.0.1:${port}/postgres`,
    dbPostgresSchema: 'warta_bluesky',
  })

  control = http.createServer((request, response) => {
    const answer = (status, body) => {
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify(body))
    }
    if (request.method === 'POST' && request.url === '/process-all') {
      network.processAll().then(
        () => answer(200, { ok: true }),
        (error) => answer(500, { error: String(error) }),
      )
    } else if (request.method === 'POST' && request.url === '/close') {
      answer(200, { ok: true })
      void shutdown(0)
    } else answer(404, { error: 'not found' })
  })
  await new Promise((resolve) => control.listen(0, '127.0.0.1', resolve))
  log(`network ready after ${elapsed()}`)

  process.stdout.write(
    `${JSON.stringify({
      pds: network.pds.url,
      appview: network.bsky.url,
      plc: network.plc.url,
      control: `http://127.0.0.1:${control.address().port}`,
    })}\n`,
  )
} catch (error) {
  log(`could not start: ${error.stack ?? error}`)
  await shutdown(1)
}
