// The hoax knowledge base: list with search and filters, one claim, add, change, archive and restore, the CSV
// import (dry run first) and export. Reading needs post.read; changing needs hoax.manage (penanggung jawab) on a
// top-level unit (features/hoax/manage-hoax-claims.ts).
import type { AppContext } from '../../../context.ts'
import {
  exportHoaxClaimsCsv,
  hoaxCsvTemplate,
  importHoaxClaims,
} from '../../../features/hoax/import-hoax-claims.ts'
import {
  createHoaxClaim,
  getHoaxClaimView,
  listHoaxClaimViews,
  requireHoaxReader,
  setHoaxClaimArchived,
  updateHoaxClaimFields,
} from '../../../features/hoax/manage-hoax-claims.ts'
import { formatMessage } from '../../../shared/messages/format-message.ts'
import { BODY_LIMITS } from '../../body-limits.ts'
import { requestLocale } from '../../error-handler.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { csvFile } from '../accounts/accounts-schemas.ts'
import { idParams } from '../shared-schemas.ts'
import {
  createBody,
  exportQuery,
  hoaxClaimList,
  hoaxClaimView,
  importBody,
  importResult,
  listQuery,
  META,
  metaView,
  updateBody,
} from './hoax-claims-schemas.ts'

export function registerHoaxClaimsRoutes(app: ApiInstance, context: AppContext): void {
  app.get(
    '/hoax-claims/meta',
    {
      schema: {
        tags: ['hoax-claims'],
        summary: 'Labels, statuses and CSV columns of the hoax knowledge base',
        response: { 200: metaView },
      },
    },
    async (request) => {
      requireHoaxReader(requireActor(request))
      return META
    },
  )

  app.get(
    '/hoax-claims',
    {
      schema: {
        tags: ['hoax-claims'],
        summary:
          "The instansi's hoax claims, newest change first; filters: q (claim, facts, variants, keywords), label, status, unitId",
        querystring: listQuery,
        response: { 200: hoaxClaimList },
      },
    },
    async (request) => {
      const { q, ...filter } = request.query
      return listHoaxClaimViews(context, requireActor(request), { ...filter, query: q })
    },
  )

  app.get(
    '/hoax-claims/export.csv',
    {
      schema: {
        tags: ['hoax-claims'],
        summary: 'The claims as CSV (the import columns, Indonesian headers), filtered like the list',
        querystring: exportQuery,
        response: { 200: csvFile },
      },
    },
    async (request, reply) => {
      const { q, ...filter } = request.query
      const csv = await exportHoaxClaimsCsv(
        context,
        requireActor(request),
        { ...filter, query: q },
        requestMeta(request),
      )
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="basis-pengetahuan-hoaks.csv"')
        .send(csv)
    },
  )

  app.get(
    '/hoax-claims/import-template.csv',
    {
      schema: {
        tags: ['hoax-claims'],
        summary: 'The empty CSV to fill in for an import (header row only)',
        response: { 200: csvFile },
      },
    },
    async (request, reply) => {
      requireHoaxReader(requireActor(request))
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="templat-klaim-hoaks.csv"')
        .send(hoaxCsvTemplate())
    },
  )

  app.post(
    '/hoax-claims/import',
    {
      bodyLimit: BODY_LIMITS.csvImport,
      schema: {
        tags: ['hoax-claims'],
        summary:
          'Import claims from CSV. dryRun (the default) says what each row would do and every problem by row and column, saving nothing; saving refuses a file with any row error',
        body: importBody,
        response: { 200: importResult },
      },
    },
    async (request) => {
      const result = await importHoaxClaims(
        context,
        requireActor(request),
        request.body,
        requestMeta(request),
      )
      const locale = requestLocale(request)
      return {
        ...result,
        errors: result.errors.map((error) => ({
          row: error.row,
          column: error.column,
          key: error.key,
          ...(error.params ? { params: error.params } : {}),
          message: formatMessage(locale, error.key, error.params),
        })),
      }
    },
  )

  app.get(
    '/hoax-claims/:id',
    {
      schema: {
        tags: ['hoax-claims'],
        summary: 'One claim',
        params: idParams,
        response: { 200: hoaxClaimView },
      },
    },
    async (request) => getHoaxClaimView(context, requireActor(request), request.params.id),
  )

  app.post(
    '/hoax-claims',
    {
      schema: {
        tags: ['hoax-claims'],
        summary: 'Add a claim (hoax.manage: a penanggung jawab on a top-level unit)',
        body: createBody,
        response: { 200: hoaxClaimView },
      },
    },
    async (request) => createHoaxClaim(context, requireActor(request), request.body, requestMeta(request)),
  )

  app.patch(
    '/hoax-claims/:id',
    {
      schema: {
        tags: ['hoax-claims'],
        summary: 'Change a claim: only the fields given change',
        params: idParams,
        body: updateBody,
        response: { 200: hoaxClaimView },
      },
    },
    async (request) =>
      updateHoaxClaimFields(
        context,
        requireActor(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  )

  app.post(
    '/hoax-claims/:id/archive',
    {
      schema: {
        tags: ['hoax-claims'],
        summary:
          'Archive a claim: drafts are no longer checked against it (kept, so old findings still name it)',
        params: idParams,
        response: { 200: hoaxClaimView },
      },
    },
    async (request) =>
      setHoaxClaimArchived(context, requireActor(request), request.params.id, true, requestMeta(request)),
  )

  app.post(
    '/hoax-claims/:id/unarchive',
    {
      schema: {
        tags: ['hoax-claims'],
        summary: 'Bring an archived claim back: drafts are checked against it again',
        params: idParams,
        response: { 200: hoaxClaimView },
      },
    },
    async (request) =>
      setHoaxClaimArchived(context, requireActor(request), request.params.id, false, requestMeta(request)),
  )
}
