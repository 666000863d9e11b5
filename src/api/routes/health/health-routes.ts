// Liveness, readiness and Prometheus metrics, outside /api so load balancers and scrapers need no session.
import type { FastifyInstance } from 'fastify'
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { AppContext } from '../../../context.ts'
import { pingDatabase } from '../../../db/ping-database.ts'

export function registerHealthRoutes(app: FastifyInstance, context: AppContext): void {
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

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }))
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await pingDatabase(context.db)
      return { status: 'ready', engine: context.database.engine }
    } catch (error) {
      context.logger.warn({ err: error }, 'readiness check failed')
      return reply.status(503).send({ status: 'unavailable' })
    }
  })
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics())
  })
}
