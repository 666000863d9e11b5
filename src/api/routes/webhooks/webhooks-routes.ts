// Deliveries the platforms push: /api/webhooks/<platform> (POST, and GET for the subscription handshake). Public:
// the platform's signature is the proof (features/webhooks/receive-webhook.ts). The raw body is kept for the
// signature (a content-type parser for these routes only, with its own limit), and nothing is processed in the
// request. The deliveries per platform (received, processed) and the refusals by reason are readable by an
// instansi's admin (settings.manage at a top-level unit: they are the deployment's, not one unit's).
import type { FastifyRequest } from 'fastify'
import type { AppContext } from '../../../context.ts'
import type { DefinitionOverrides } from '../../../connectors/registry.ts'
import type { WebhookRequest } from '../../../connectors/webhook.ts'
import { authorize } from '../../../features/access/policy.ts'
import {
  receiveWebhook,
  webhookRejections,
  type WebhookAnswer,
} from '../../../features/webhooks/receive-webhook.ts'
import { webhookActivity } from '../../../features/webhooks/webhook-activity.ts'
import { requireActor } from '../../request-context.ts'
import { platformParams, rejectionsView, webhookAnswer } from './webhooks-schemas.ts'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { cliText } from '../../../cli/cli-text.ts'

/** Platforms send small JSON deliveries; Meta batches up to a few hundred KB. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024

function webhookRequestOf(request: FastifyRequest, method: 'GET' | 'POST'): WebhookRequest {
  const query: Record<string, string> = {}
  for (const [key, value] of Object.entries((request.query ?? {}) as Record<string, unknown>))
    if (typeof value === 'string') query[key] = value
  const headers: Record<string, string | undefined> = {}
  for (const [key, value] of Object.entries(request.headers))
    headers[key.toLowerCase()] = Array.isArray(value) ? value.join(',') : value
  const body = request.body
  return {
    method,
    query,
    headers,
    rawBody: Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array(),
  }
}

const STATUS_OF_REFUSAL: Record<string, number> = {
  missing_signature: 401,
  bad_signature: 401,
  bad_verify_token: 403,
  stale: 409,
  malformed: 400,
  not_configured: 503,
}

function statusOf(answer: WebhookAnswer): number {
  switch (answer.kind) {
    case 'handshake':
      return answer.status
    case 'accepted':
      return 200
    case 'rejected':
      return STATUS_OF_REFUSAL[answer.reason] ?? 400
    case 'unknown_platform':
      return 404
  }
}

export function registerWebhooksRoutes(
  app: ApiInstance,
  context: AppContext,
  extra: { connectors?: DefinitionOverrides } = {},
): void {
  const deps = { ...context, ...extra }

  app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>()
    // The signature is over the exact bytes: every body is kept raw, whatever type the platform names.
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    )
    for (const method of ['GET', 'POST'] as const) {
      scope.route({
        method,
        url: '/webhooks/:platform',
        bodyLimit: WEBHOOK_BODY_LIMIT,
        config: { public: true },
        schema: {
          tags: ['webhooks'],
          summary:
            method === 'GET'
              ? "The platform's subscription handshake (Meta's hub.challenge, X's CRC)"
              : 'A delivery the platform pushes: checked with its signature, stored once, processed by a job',
          params: platformParams,
          response: { 200: webhookAnswer },
        },
        handler: async (request, reply) => {
          const answer = await receiveWebhook(
            deps,
            request.params.platform,
            webhookRequestOf(request, method),
          )
          if (answer.kind === 'rejected')
            request.log.warn(
              { platform: request.params.platform, reason: answer.reason },
              cliText('cli.log_webhook_refused'),
            )
          // Only 200 carries a schema: every other answer is a short body sent as is.
          reply.status(statusOf(answer) as 200)
          if (answer.kind === 'handshake') return reply.type(answer.contentType).send(answer.body)
          const body =
            answer.kind === 'accepted'
              ? { ok: true }
              : answer.kind === 'rejected'
                ? { ok: false, reason: answer.reason }
                : { ok: false, reason: 'unknown_platform' }
          return reply.type('application/json; charset=utf-8').send(JSON.stringify(body))
        },
      })
    }
  })

  app.get(
    '/webhook-rejections',
    {
      schema: {
        tags: ['webhooks'],
        summary:
          'Webhook activity of this deployment per platform: deliveries received and processed (24 h, 7 d) and refused deliveries by reason (forged, stale or replayed traffic)',
        response: { 200: rejectionsView },
      },
    },
    async (request) => {
      const actor = requireActor(request)
      authorize(actor, 'settings.manage', { instansiId: actor.instansiId })
      const [rejections, platforms] = await Promise.all([webhookRejections(deps), webhookActivity(deps)])
      return { rejections, platforms }
    },
  )
}
