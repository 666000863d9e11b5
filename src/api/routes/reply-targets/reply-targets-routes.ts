// The instansi's first-reply targets per intent and priority band, and its working hours: read by whoever works
// the inbox, changed by the admin (settings.manage).
import { z } from 'zod'
import type { AppContext } from '../../../context.ts'
import {
  DEFAULT_REPLY_TARGETS,
  readReplyTargets,
  updateReplyTargets,
} from '../../../features/inbox/reply-targets.ts'
import { replyTargetSettings } from './reply-targets-schemas.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'

export function registerReplyTargetsRoutes(app: ApiInstance, context: AppContext): void {
  app.get(
    '/reply-targets',
    {
      schema: {
        tags: ['inbox'],
        summary:
          "The instansi's first-reply targets and working hours (defaults until an admin changes them)",
        response: { 200: z.object({ settings: replyTargetSettings, defaults: replyTargetSettings }) },
      },
    },
    async (request) => ({
      settings: await readReplyTargets(context, requireActor(request)),
      defaults: DEFAULT_REPLY_TARGETS,
    }),
  )

  app.put(
    '/reply-targets',
    {
      schema: {
        tags: ['inbox'],
        summary:
          'Change the first-reply targets and working hours (admin, settings.manage); new items use them',
        body: replyTargetSettings,
        response: { 200: replyTargetSettings },
      },
    },
    async (request) => updateReplyTargets(context, requireActor(request), request.body, requestMeta(request)),
  )
}
