// The server every browser journey drives: the real app over an in-memory PGlite, serving the built web app on a
// random port of 127.0.0.1. Two steps, so a spec can seed through the context before the app is built.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { pino, type Logger } from 'pino'
import { buildApp } from '../../src/api/app.ts'
import type { PlatformOverrides } from '../../src/api/routes/index.ts'
import { parseConfig } from '../../src/config.ts'
import { createContext, type AppContext } from '../../src/context.ts'
import { openDatabase } from '../../src/db/open-database.ts'

export const WEB_DIST_INDEX = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url))

/**
 * A context over a fresh in-memory database, configured like a deployment by `env` (on top of a data folder that
 * is never written and silent logs). Fails at once when the web app has not been built.
 */
export async function createE2eContext(
  env: Record<string, string> = {},
  logger: Logger = pino({ level: 'silent' }),
): Promise<AppContext> {
  if (!existsSync(WEB_DIST_INDEX))
    throw new Error('web/dist is missing: run "npm run build" first (scripts/test.js does).')
  const database = await openDatabase({ pgliteDir: 'memory://' })
  return createContext(
    parseConfig({ WARTA_DATA_DIR: '/tmp/warta-e2e-unused', LOG_LEVEL: 'silent', ...env }),
    { database, logger },
  )
}

/** The app with the web build, listening on 127.0.0.1 (a random port unless one is given). */
export async function serveE2eApp(
  context: AppContext,
  options: { port?: number; platforms?: PlatformOverrides } = {},
): Promise<{ app: FastifyInstance; baseUrl: string }> {
  const app = await buildApp(context, { serveWeb: true, platforms: options.platforms })
  const baseUrl = await app.listen({ host: '127.0.0.1', port: options.port ?? 0 })
  return { app, baseUrl }
}
