// The webhook activity answer, from the generated API types (web/src/api/openapi.d.ts).
import type { paths } from '../../api/openapi.d.ts'
import type { JsonAnswer } from '../../api/openapi-shapes.ts'

export type WebhookActivity = JsonAnswer<paths['/api/webhook-rejections']['get']>
export type WebhookPlatformRow = WebhookActivity['platforms'][number]
