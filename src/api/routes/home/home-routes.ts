// The home page's "what needs attention": one answer with the getting-started checklist and the counts for the
// caller's units, a list behind each count, and the credential-rotation period.
import type { AppContext } from '../../../context.ts'
import { updateAttentionSettings } from '../../../features/home/attention-settings.ts'
import { listAttention, readAttention } from '../../../features/home/read-attention.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import {
  attentionList,
  attentionView,
  itemParams,
  itemQuery,
  settingsBody,
  settingsView,
} from './home-schemas.ts'

export function registerHomeRoutes(app: ApiInstance, context: AppContext): void {
  app.get(
    '/home/attention',
    {
      schema: {
        tags: ['home'],
        summary:
          'What needs attention in your units: getting-started checklist (instansi admin), accounts breaking a naming pattern, without platform 2FA, pengelola without a surat tugas, credential rotation overdue',
        response: { 200: attentionView },
      },
    },
    async (request) => readAttention(context, requireActor(request)),
  )

  app.get(
    '/home/attention/:item',
    {
      schema: {
        tags: ['home'],
        summary:
          'The accounts (or pengelola assignments) behind one count of /home/attention, a page at a time',
        params: itemParams,
        querystring: itemQuery,
        response: { 200: attentionList },
      },
    },
    async (request) => listAttention(context, requireActor(request), request.params.item, request.query),
  )

  app.put(
    '/home/attention/settings',
    {
      schema: {
        tags: ['home'],
        summary:
          'The credential-rotation period in days (default 90). Admin of the instansi (settings.manage)',
        body: settingsBody,
        response: { 200: settingsView },
      },
    },
    async (request) =>
      updateAttentionSettings(context, requireActor(request), request.body, requestMeta(request)),
  )
}
