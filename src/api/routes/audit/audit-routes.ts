// The audit log viewer (auditor and admin: audit.read), one whole entry, the filter choices, the CSV export
// (audit.export) and the signed checkpoints an auditor downloads. Texts (labels, names, values) come in the
// language of `?locale=` or else Accept-Language.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
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
import { checkpointFileSchema } from '../../../features/audit/checkpoint-file.ts'
import type { Locale } from '../../../shared/dates.ts'
import { requestLocale } from '../../error-handler.ts'
import { requestMeta, requireActor } from '../../request-context.ts'

const localeField = {
  locale: z.enum(['id', 'en']).optional(),
}
const filterFields = {
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  action: z.string().max(100).optional(),
  objectType: z.string().max(100).optional(),
  actorUserId: z.uuid().optional(),
  actorLabel: z.string().max(320).optional(),
  ...localeField,
}
const listQuery = z.object({
  ...filterFields,
  limit: z.coerce.number().int().min(1).max(500).default(50),
  beforeId: z.coerce.number().int().min(1).optional(),
})
const exportQuery = z.object(filterFields)
const localeQuery = z.object(localeField)
const idParams = z.object({ id: z.coerce.number().int().min(1) })
const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  beforeId: z.coerce.number().int().min(1).optional(),
})

const change = z.object({
  field: z.string(),
  fieldLabel: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  truncated: z.literal(true).optional(),
})
const entryView = z.object({
  id: z.number(),
  seq: z.number(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  actorLabel: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  objectType: z.string(),
  objectTypeLabel: z.string(),
  objectId: z.string().nullable(),
  objectLabel: z.string().nullable(),
  objectLabelSource: z.enum(['current', 'entry']).nullable(),
  changes: z.array(change),
  before: z.unknown(),
  after: z.unknown(),
  truncated: z.boolean(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  hash: z.string(),
})
const entryDetail = entryView.extend({ prevHash: z.string(), hashVersion: z.number() })
const choice = z.object({ value: z.string(), label: z.string() })
const filterChoices = z.object({
  actions: z.array(choice),
  objectTypes: z.array(choice),
  actors: z.array(
    z.object({ userId: z.string().nullable(), actorLabel: z.string().nullable(), label: z.string() }),
  ),
})
const checkpointView = z.object({
  id: z.number(),
  seq: z.number(),
  headHash: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  keyFingerprint: z.string(),
  fileName: z.string(),
})
const signingKey = z.object({
  algorithm: z.literal('Ed25519'),
  fingerprint: z.string(),
  publicKeyPem: z.string(),
})

function toQuery(query: z.infer<typeof exportQuery>): AuditQuery {
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

export function registerAuditRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Audit entries of your instansi, newest first, in readable words; from/to as dates (whole Jakarta days) or ISO times; page with beforeId = nextBeforeId. Big snapshots are cut (truncated: true): GET /api/audit/{id} has the whole entry',
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
    async (request) => {
      const query = request.query as z.infer<typeof localeQuery>
      return auditFilterChoices(context, requireActor(request), localeOf(request, query.locale))
    },
  )

  app.get(
    '/audit/export.csv',
    {
      schema: {
        tags: ['audit'],
        summary:
          'The filtered audit log as CSV (audit.export: auditor and admin), times in WIB with their offset, labels beside codes; the export is itself audited',
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const query = request.query as z.infer<typeof exportQuery>
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
        response: {
          200: z.object({
            items: z.array(checkpointView),
            nextBeforeId: z.number().nullable(),
            signingKey,
          }),
        },
      },
    },
    async (request) => {
      const query = request.query as z.infer<typeof pageQuery>
      return listCheckpointsFor(context, requireActor(request), query)
    },
  )

  app.post(
    '/audit/checkpoints',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Sign the chain’s current head now (or answer the newest checkpoint when nothing was logged since); 409 when the chain is empty or broken',
        response: { 200: z.object({ checkpoint: checkpointView, created: z.boolean() }) },
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
        params: idParams,
        response: { 200: checkpointFileSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params as z.infer<typeof idParams>
      const { file, fileName } = await checkpointFileFor(context, requireActor(request), id)
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(`${JSON.stringify(file, null, 2)}\n`)
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
        params: idParams,
        querystring: localeQuery,
        response: { 200: entryDetail },
      },
    },
    async (request) => {
      const { id } = request.params as z.infer<typeof idParams>
      const query = request.query as z.infer<typeof localeQuery>
      return getAuditEntryDetail(context, requireActor(request), id, localeOf(request, query.locale))
    },
  )
}
