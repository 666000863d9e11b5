// The audit log viewer (auditor and admin: audit.read) and its CSV export (audit.export).
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppContext } from '../../../context.ts'
import {
  browseAuditLog,
  exportAuditCsv,
  periodBound,
  type AuditQuery,
} from '../../../features/audit/browse-audit-log.ts'
import { requestMeta, requireActor } from '../../request-context.ts'

const filterFields = {
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  action: z.string().max(100).optional(),
  objectType: z.string().max(100).optional(),
  actorUserId: z.uuid().optional(),
}
const listQuery = z.object({
  ...filterFields,
  limit: z.coerce.number().int().min(1).max(500).default(50),
  beforeId: z.coerce.number().int().min(1).optional(),
})
const exportQuery = z.object(filterFields)
const entryView = z.object({
  id: z.number(),
  seq: z.number(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  hash: z.string(),
})

function toQuery(query: z.infer<typeof exportQuery>): AuditQuery {
  return {
    from: query.from ? periodBound(query.from, false) : undefined,
    to: query.to ? periodBound(query.to, true) : undefined,
    action: query.action,
    objectType: query.objectType,
    actorUserId: query.actorUserId,
  }
}

export function registerAuditRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Audit entries of your instansi, newest first; from/to as dates (whole Jakarta days) or ISO times; page with beforeId = nextBeforeId',
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(entryView), nextBeforeId: z.number().nullable() }) },
      },
    },
    async (request) => {
      const query = request.query as z.infer<typeof listQuery>
      return browseAuditLog(context, requireActor(request), {
        ...toQuery(query),
        limit: query.limit,
        beforeId: query.beforeId,
      })
    },
  )

  app.get(
    '/audit/export.csv',
    {
      schema: {
        tags: ['audit'],
        summary: 'The filtered audit log as CSV (auditor: audit.export); the export is itself audited',
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const csv = await exportAuditCsv(
        context,
        requireActor(request),
        toQuery(request.query as z.infer<typeof exportQuery>),
        requestMeta(request),
      )
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="log-audit.csv"')
        .send(csv)
    },
  )
}
