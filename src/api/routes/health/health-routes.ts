// Liveness, readiness and Prometheus metrics, outside /api so load balancers and scrapers need no session.
// Metrics are not for the public: /metrics needs WARTA_METRICS_TOKEN as a bearer token when that is set, and
// moves to its own listener on WARTA_METRICS_PORT when that is set; with neither, it is not served at all.
import type { Server } from 'node:http'
import type { FastifyReply, FastifyRequest } from 'fastify'
import Fastify from 'fastify'
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { AppContext } from '../../../context.ts'
import { cliText } from '../../../cli/cli-text.ts'
import { pingDatabase } from '../../../db/ping-database.ts'
import { safeEqual } from '../../../features/identity/secret-token.ts'
import { errorBody, requestLocale } from '../../error-handler.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { liveView, readyView, unavailableView } from './health-schemas.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** The separate metrics listener (WARTA_METRICS_PORT), once the app is ready; null without one. */
    metricsServer: Server | null
  }
}

export function registerHealthRoutes(app: ApiInstance, context: AppContext): void {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'warta_' })
  const requests = new Counter({
    name: 'warta_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  })
  const duration = new Histogram({
    name: 'warta_http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  })
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched'
    requests.inc({ method: request.method, route, status: String(reply.statusCode) })
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000)
  })

  app.get(
    '/healthz',
    { config: { public: true }, schema: { hide: true, response: { 200: liveView } } },
    async () => ({ status: 'ok' as const }),
  )
  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: { hide: true, response: { 200: readyView, 503: unavailableView } },
    },
    async (_request, reply) => {
      try {
        await pingDatabase(context.db)
        return { status: 'ready' as const, engine: context.database.engine }
      } catch (error) {
        context.logger.warn({ err: error }, cliText('cli.log_readiness_failed'))
        return reply.status(503).send({ status: 'unavailable' as const })
      }
    },
  )

  const { token, port } = context.config.metrics
  const serveMetrics = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    if (token !== undefined && !hasBearer(request, token)) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer')
        .send(errorBody(requestLocale(request), 'unauthenticated', 'common.metrics_token'))
    }
    return reply.type(registry.contentType).send(await registry.metrics())
  }

  app.decorate('metricsServer', null)
  if (port === undefined) {
    if (token !== undefined)
      app.get('/metrics', { config: { public: true }, schema: { hide: true } }, serveMetrics)
    return
  }
  const metricsApp = Fastify({ loggerInstance: app.log })
  metricsApp.get('/metrics', serveMetrics)
  app.addHook('onReady', async () => {
    // Start-up lines in the terminal's language, Fastify's own listen line included (cli/cli-text.ts).
    await metricsApp.listen({
      host: context.config.host,
      port,
      listenTextResolver: (address) => cliText('cli.log_metrics_listening', { address }),
    })
    app.metricsServer = metricsApp.server
  })
  app.addHook('onClose', async () => {
    await metricsApp.close()
  })
}

function hasBearer(request: FastifyRequest, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')
  return match !== null && safeEqual(match[1]!, token)
}
