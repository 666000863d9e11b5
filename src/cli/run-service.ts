// The long-running processes behind `warta start`, `warta api` and `warta worker`: build the context, listen,
// and shut down cleanly on SIGINT/SIGTERM (stop accepting, drain requests, stop pg-boss, close the database and
// release the data-folder lock) so a restart never finds a half-written PGlite directory or a stale lock.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError, loadConfig, type Config } from '../config.ts'
import { createContext, type AppContext } from '../context.ts'
import { DataDirLockedError } from '../db/data-dir-lock.ts'
import { pingDatabase } from '../db/ping-database.ts'
import { instansi } from '../db/schema/index.ts'
import { buildApp } from '../api/app.ts'
import { cliLocale, cliText } from './cli-text.ts'
import { createLogger } from './create-logger.ts'
import { startJobRunner } from '../jobs/job-runner.ts'
import { ensureWebBuild, webBuildIsCurrent } from './web-sources.ts'

export type ServiceRole = 'start' | 'api' | 'worker'

export interface RunServiceOptions {
  /** Worker only: answer /healthz and /readyz on this port (off when undefined). */
  healthPort?: number | undefined
}

const projectRoot = fileURLToPath(new URL('../../', import.meta.url))
const webIndex = path.join(projectRoot, 'web', 'dist', 'index.html')
// A stuck drain must not keep a process alive forever under an orchestrator waiting to replace it.
const SHUTDOWN_TIMEOUT_MS = 20_000

interface Closable {
  close(): Promise<unknown>
}

export async function runService(role: ServiceRole, options: RunServiceOptions = {}): Promise<number> {
  let config: Config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.render(cliLocale())}\n`)
      return 1
    }
    throw error
  }
  if (role !== 'start' && !config.databaseUrl) {
    process.stderr.write(`${cliText('cli.database_url_missing', { role })}\n`)
    return 1
  }
  const stop = watchStopSignals()
  try {
    return await serve(role, config, options, stop)
  } finally {
    stop.dispose()
  }
}

async function serve(
  role: ServiceRole,
  config: Config,
  options: RunServiceOptions,
  stop: StopSignal,
): Promise<number> {
  // On a fresh clone the web build and the first database start (initdb) each take seconds and each use one
  // core: run them side by side.
  // After a `git pull` that changed the web app, its build is rebuilt the same way.
  const webBuild = role === 'start' ? ensureWebBuild(projectRoot, buildWebApp) : Promise.resolve(true)

  let context: AppContext
  try {
    context = await createContext(config, { logger: createLogger(config), locale: cliLocale() })
  } catch (error) {
    await webBuild
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`warta ${role}: ${cliText(error.key, error.params)}\n`)
      return 1
    }
    throw error
  }
  if (!(await webBuild)) {
    await context.close()
    return 1
  }

  // Closed in reverse order: the HTTP servers first (a request may still enqueue), the job runner last.
  const servers: Closable[] = []
  try {
    if (role !== 'api') servers.push(await startJobRunner(context))
    if (role === 'worker') {
      if (options.healthPort !== undefined) {
        const health = await listenHealth(context, config.host, options.healthPort)
        servers.push({ close: () => closeServer(health) })
      }
      context.logger.info({ role, engine: context.database.engine }, cliText('cli.log_worker_started'))
      process.stdout.write(`${cliText('cli.worker_ready', { engine: context.database.engine })}\n`)
    } else {
      if (!existsSync(webIndex)) {
        context.logger.warn(cliText('cli.web_missing'))
      } else if (!webBuildIsCurrent(projectRoot)) {
        // `warta api` never builds (several may start at once on a release); it says the build is behind.
        context.logger.warn(cliText('cli.web_stale'))
      }
      const app = await buildApp(context, { serveWeb: true })
      servers.push(app)
      // Fastify always logs where it listens; the resolver puts that line in the terminal's language.
      await app.listen({
        host: config.host,
        port: config.port,
        listenTextResolver: (address) => cliText('cli.log_listening', { address }),
      })
      const address = app.server.address()
      const port = typeof address === 'object' && address ? address.port : config.port
      const engine = context.database.engine
      context.logger.info({ role, engine, port }, cliText('cli.log_started', { role, engine }))
      process.stdout.write(`${await readyLine(context, role, port)}\n`)
    }
  } catch (error) {
    for (const server of servers.reverse()) await server.close().catch(() => undefined)
    await context.close()
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(`${cliText('cli.port_in_use', { role, port: config.port })}\n`)
      return 1
    }
    throw error
  }

  return waitForShutdown(context, servers, stop)
}

async function readyLine(context: AppContext, role: ServiceRole, port: number): Promise<string> {
  // WARTA_PUBLIC_URL, when set, is what people type; otherwise the port actually bound (PORT=0 picks one).
  const { publicUrl, port: configuredPort } = context.config
  const url = publicUrl === `http://localhost:${configuredPort}` ? `http://localhost:${port}` : publicUrl
  if (role === 'api') return cliText('cli.api_ready', { url, engine: context.database.engine })
  const hasInstansi = (await context.db.$count(instansi)) > 0
  return cliText(hasInstansi ? 'cli.ready' : 'cli.ready_first_run', { url })
}

interface StopSignal {
  /** Resolves with the first SIGINT/SIGTERM. */
  readonly requested: Promise<NodeJS.Signals>
  dispose(): void
}

/**
 * Listens for SIGINT/SIGTERM from the very start: a Ctrl+C during PGlite's first initdb must wait for it to
 * finish and close the database properly, or the next start finds a half-written data folder. A second signal
 * means "now" (the lock file is still removed by the exit hook).
 */
function watchStopSignals(): StopSignal {
  let received = false
  let resolveRequested: (signal: NodeJS.Signals) => void = () => undefined
  const requested = new Promise<NodeJS.Signals>((resolve) => (resolveRequested = resolve))
  const onSignal = (signal: NodeJS.Signals): void => {
    if (received) {
      process.stderr.write(`${cliText('cli.forced_stop')}\n`)
      process.exit(1)
    }
    received = true
    resolveRequested(signal)
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    requested,
    dispose() {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    },
  }
}

async function waitForShutdown(context: AppContext, servers: Closable[], stop: StopSignal): Promise<number> {
  const signal = await stop.requested
  context.logger.info({ signal }, cliText('cli.log_shutting_down', { signal }))
  const timer = setTimeout(() => {
    context.logger.error(cliText('cli.log_shutdown_too_long'))
    process.exit(1)
  }, SHUTDOWN_TIMEOUT_MS)
  timer.unref()
  let code = 0
  for (const server of [...servers].reverse()) {
    try {
      await server.close()
    } catch (error) {
      context.logger.error({ err: error }, cliText('cli.log_close_server_failed'))
      code = 1
    }
  }
  try {
    await context.close()
  } catch (error) {
    context.logger.error({ err: error }, cliText('cli.log_close_database_failed'))
    code = 1
  }
  clearTimeout(timer)
  stop.dispose()
  context.logger.info(cliText('cli.log_stopped'))
  return code
}

/** A bare node:http health endpoint for workers, so orchestrators can probe them without the whole API. */
async function listenHealth(context: AppContext, host: string, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    const reply = (status: number, body: object): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    }
    if (request.url === '/healthz') return reply(200, { status: 'ok' })
    if (request.url === '/readyz') {
      pingDatabase(context.db).then(
        () => reply(200, { status: 'ready', engine: context.database.engine, role: 'worker' }),
        () => reply(503, { status: 'unavailable' }),
      )
      return undefined
    }
    // The API's error shape, in the prober's language (Accept-Language: en…), else the terminal's.
    const accepted = request.headers['accept-language']?.trim().toLowerCase()
    const locale = accepted ? (accepted.startsWith('en') ? 'en' : 'id') : cliLocale()
    const key = 'cli.health_not_found'
    return reply(404, { error: { code: 'not_found', key, message: cliText(key, {}, locale) } })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  return server
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
}

/** Runs Vite in a child process, so its memory is returned to the system before the server starts. */
async function buildWebApp(rebuild: boolean): Promise<boolean> {
  process.stdout.write(`${cliText(rebuild ? 'cli.web_rebuilding' : 'cli.web_building')}\n`)
  const viteBin = path.join(
    path.dirname(createRequire(import.meta.url).resolve('vite/package.json')),
    'bin',
    'vite.js',
  )
  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      [viteBin, 'build', '--config', path.join('web', 'vite.config.ts'), '--logLevel', 'warn'],
      {
        cwd: projectRoot,
        // Always the production build: a server started by a test runner inherits NODE_ENV=test, which would
        // give React's development build (a third larger).
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    )
    child.once('error', () => resolve(1))
    child.once('exit', (exitCode) => resolve(exitCode ?? 1))
  })
  if (code !== 0) {
    process.stderr.write(`${cliText('cli.web_build_failed')}\n`)
    return false
  }
  return true
}
