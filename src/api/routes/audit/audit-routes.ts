// The audit log viewer (auditor and admin: audit.read) and its CSV export (audit.export).
import type { AppContext } from '../../../context.ts'
import {
  browseAuditLog,
  exportAuditCsv,
  periodBound,
  type AuditQuery,
} from '../../../features/audit/browse-audit-log.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { csvFile, entryPage, exportQuery, listQuery, type AuditFilter } from './audit-schemas.ts'

function toQuery(query: AuditFilter): AuditQuery {
  return {
    from: query.from ? periodBound(query.from, false) : undefined,
    to: query.to ? periodBound(query.to, true) : undefined,
    action: query.action,
    objectType: query.objectType,
    actorUserId: query.actorUserId,
  }
}

export function registerAuditRoutes(app: ApiInstance, context: AppContext): void {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Audit entries of your instansi, newest first; from/to as dates (whole Jakarta days) or ISO times; page with beforeId = nextBeforeId',
        querystring: listQuery,
        response: { 200: entryPage },
      },
    },
    async (request) => {
      const query = request.query
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
        response: { 200: csvFile },
      },
    },
    async (request, reply) => {
      const csv = await exportAuditCsv(
        context,
        requireActor(request),
        toQuery(request.query),
        requestMeta(request),
      )
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="log-audit.csv"')
        .send(csv)
    },
  )
}
