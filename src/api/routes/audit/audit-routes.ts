// The audit log viewer (auditor and admin: audit.read), one whole entry, the filter choices, the CSV export
// (audit.export) and the signed checkpoints an auditor downloads. Texts (labels, names, values) come in the
// language of `?locale=` or else Accept-Language.
import type { FastifyRequest } from 'fastify'
import type { AppContext } from '../../../context.ts'
import {
  auditFilterChoices,
  browseAuditLog,
  exportAuditCsv,
  getAuditEntryDetail,
  periodBound,
  type AuditQuery,
} from '../../../features/audit/browse-audit-log.ts'
import {
  checkpointFileFor,
  createCheckpointFor,
  listCheckpointsFor,
  signingKeyFor,
} from '../../../features/audit/checkpoints.ts'
import type { Locale } from '../../../shared/dates.ts'
import { requestLocale } from '../../error-handler.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import {
  checkpointCreated,
  checkpointFile,
  checkpointPage,
  csvFile,
  entryDetail,
  entryIdParams,
  entryPage,
  exportQuery,
  filterChoices,
  listQuery,
  localeQuery,
  pageQuery,
  signingKey,
  type AuditFilter,
} from './audit-schemas.ts'

function toQuery(query: AuditFilter): AuditQuery {
  return {
    from: query.from ? periodBound(query.from, false) : undefined,
    to: query.to ? periodBound(query.to, true) : undefined,
    action: query.action,
    objectType: query.objectType,
    actorUserId: query.actorUserId,
    actorLabel: query.actorLabel,
  }
}

function localeOf(request: FastifyRequest, chosen: Locale | undefined): Locale {
  return chosen ?? requestLocale(request)
}

export function registerAuditRoutes(app: ApiInstance, context: AppContext): void {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Audit entries of your instansi, newest first, in readable words; from/to as dates (whole Jakarta days) or ISO times; page with beforeId = nextBeforeId. Big snapshots are cut (truncated: true): GET /api/audit/{id} has the whole entry',
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
        locale: localeOf(request, query.locale),
      })
    },
  )

  app.get(
    '/audit/filters',
    {
      schema: {
        tags: ['audit'],
        summary:
          'The actions, object types and actors present in your instansi’s log, labelled, for filter drop-downs',
        querystring: localeQuery,
        response: { 200: filterChoices },
      },
    },
    async (request) =>
      auditFilterChoices(context, requireActor(request), localeOf(request, request.query.locale)),
  )

  app.get(
    '/audit/export.csv',
    {
      schema: {
        tags: ['audit'],
        summary:
          'The filtered audit log as CSV (audit.export: auditor and admin), times in WIB with their offset, labels beside codes; the export is itself audited',
        querystring: exportQuery,
        response: { 200: csvFile },
      },
    },
    async (request, reply) => {
      const query = request.query
      const csv = await exportAuditCsv(
        context,
        requireActor(request),
        { ...toQuery(query), locale: localeOf(request, query.locale) },
        requestMeta(request),
      )
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="log-audit.csv"')
        .send(csv)
    },
  )

  app.get(
    '/audit/checkpoints',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Signed checkpoints of your instansi’s audit chain, newest first, with the signing key’s fingerprint to pin',
        querystring: pageQuery,
        response: { 200: checkpointPage },
      },
    },
    async (request) => listCheckpointsFor(context, requireActor(request), request.query),
  )

  app.post(
    '/audit/checkpoints',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Sign the chain’s current head now (or answer the newest checkpoint when nothing was logged since); 409 when the chain is empty or broken',
        response: { 200: checkpointCreated },
      },
    },
    async (request) => createCheckpointFor(context, requireActor(request)),
  )

  app.get(
    '/audit/checkpoints/:id/file',
    {
      schema: {
        tags: ['audit'],
        summary:
          'A checkpoint as a self-contained signed file, to keep outside the server and check with `warta audit verify --checkpoint FILE --fingerprint …`',
        params: entryIdParams,
        response: { 200: checkpointFile },
      },
    },
    async (request, reply) => {
      const { file, fileName } = await checkpointFileFor(context, requireActor(request), request.params.id)
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(file)
    },
  )

  app.get(
    '/audit/signing-key',
    {
      schema: {
        tags: ['audit'],
        summary: 'The public key that signs checkpoints and its fingerprint (SHA-256 of the DER bytes, hex)',
        response: { 200: signingKey },
      },
    },
    async (request) => signingKeyFor(context, requireActor(request)),
  )

  app.get(
    '/audit/:id',
    {
      schema: {
        tags: ['audit'],
        summary: 'One audit entry whole (nothing cut), with its prev_hash and hash recipe',
        params: entryIdParams,
        querystring: localeQuery,
        response: { 200: entryDetail },
      },
    },
    async (request) =>
      getAuditEntryDetail(
        context,
        requireActor(request),
        request.params.id,
        localeOf(request, request.query.locale),
      ),
  )
}
