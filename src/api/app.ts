// The Fastify application: security headers, zod-typed routes with an OpenAPI document, authentication (every
// route private unless marked public), the API resources under /api, health and metrics, and the built web app
// with client-side routing.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RouteOptions } from 'fastify'
import fastifyCookie from '@fastify/cookie'
import fastifyStatic from '@fastify/static'
import path from 'node:path'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import type { AppContext } from '../context.ts'
import { boundedText, errorBody, errorHandler, requestLocale } from './error-handler.ts'
import { BODY_LIMITS } from './body-limits.ts'
import {
  openApiTransform,
  openApiTransformObject,
  schemaErrorFormatter,
  useZodTypeProvider,
} from './zod-type-provider.ts'
import { createTurnGate } from './turn-gate.ts'
import { registerAuthentication } from './auth/authenticate.ts'
import { registerApiRoutes, type PlatformOverrides } from './routes/index.ts'
import { registerHealthRoutes } from './routes/health/health-routes.ts'

// Probes answer even when the loop is saturated: an orchestrator must not restart a busy server.
const UNGATED_PATHS = new Set(['/healthz', '/readyz', '/metrics'])

const webDist = fileURLToPath(new URL('../../web/dist/', import.meta.url))

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ')

export interface BuildAppOptions {
  /** Serve the built web app (web/dist) when it exists. */
  serveWeb?: boolean
  /** Tests only: fake platform definitions (an OAuth provider, a webhook verifier) and the HTTP they reach. */
  platforms?: PlatformOverrides
}

function markPublic(route: RouteOptions): void {
  route.config = { ...route.config, public: true }
}

export async function buildApp(context: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  // pino's Logger type is richer than Fastify's logger interface; typing the instance with the base interface keeps
  // plugin and route types the plain FastifyInstance everywhere else.
  const logger: FastifyBaseLogger = context.logger
  const app = Fastify({
    loggerInstance: logger,
    trustProxy: context.config.trustProxy,
    bodyLimit: BODY_LIMITS.default,
    schemaErrorFormatter,
  })
  const api = useZodTypeProvider(app)
  app.setErrorHandler(errorHandler)
  app.setNotFoundHandler((request, reply) => {
    if (
      options.serveWeb &&
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      existsSync(webDist)
    ) {
      return reply.type('text/html').sendFile('index.html')
    }
    return reply.status(404).send(
      errorBody(requestLocale(request), 'not_found', 'common.route_not_found', {
        method: request.method,
        path: boundedText(request.url.split('?')[0] ?? ''),
      }),
    )
  })

  // First of all hooks: a request waits here, before authentication touches the database, when the loop is busy.
  const turnGate = createTurnGate()
  app.addHook('onRequest', (request, _reply, done) => {
    const turn = UNGATED_PATHS.has(request.url) ? undefined : turnGate.admit()
    if (turn) void turn.then(() => done())
    else done()
  })
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff')
    reply.header('Referrer-Policy', 'same-origin')
    reply.header('X-Frame-Options', 'DENY')
    if (!request.url.startsWith('/api/docs')) reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    if (context.config.secureCookies)
      reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store')
    return payload
  })

  await app.register(fastifyCookie)
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Warta API',
        version: '0.1.0',
        description:
          'REST API of Warta. Authenticate with the session cookie (browser; mutations need the X-CSRF-Token header) ' +
          'or a personal API token: `Authorization: Bearer <token>`.',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer' },
          cookieAuth: { type: 'apiKey', in: 'cookie', name: 'warta_session' },
        },
      },
      security: [{ bearerAuth: [] }, { cookieAuth: [] }],
    },
    transform: openApiTransform,
    transformObject: openApiTransformObject,
  })
  // The API documentation needs a session or token unless the operator publishes it (WARTA_PUBLIC_API_DOCS).
  const publicDocs = context.config.publicApiDocs
  await app.register(async (docs) => {
    if (publicDocs) docs.addHook('onRoute', markPublic)
    await docs.register(fastifySwaggerUi, { routePrefix: '/api/docs' })
  })
  app.get('/api/openapi.json', { config: { public: publicDocs }, schema: { hide: true } }, async () =>
    app.swagger(),
  )

  registerAuthentication(app, context)
  registerHealthRoutes(api, context)
  await api.register(async (child) => registerApiRoutes(child, context, options.platforms), {
    prefix: '/api',
  })

  if (options.serveWeb && existsSync(webDist)) {
    // The web app's files are public. fastify-static goes on the root (the not-found handler uses its sendFile
    // for client-side routes); the hook sees only routes registered after it, and marks only those outside /api.
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api')) markPublic(route)
    })
    // The build writes .br and .gz copies (web/vite.config.ts): sent to browsers that accept them. Files under
    // /assets/ carry a content hash in their name, so they never change: cached for a year.
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`))
          res.header('cache-control', 'public, max-age=31536000, immutable')
      },
    })
  }
  return app
}
