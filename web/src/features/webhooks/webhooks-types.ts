// The webhook activity answer, from the generated API types (web/src/api/openapi.d.ts).
import type { paths } from '../../api/openapi.d.ts'

type Json<T> = T extends { responses: { 200: { content: { 'application/json': infer Body } } } }
  ? Body
  : never

export type WebhookActivity = Json<paths['/api/webhook-rejections']['get']>
export type WebhookPlatformRow = WebhookActivity['platforms'][number]
