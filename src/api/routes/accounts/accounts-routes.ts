// The official account registry: list with filters and paging, CRUD, CSV import (row-level errors) and export.
import type { AppContext } from '../../../context.ts'
import { ACCOUNT_CSV_COLUMNS } from '../../../features/accounts/account-csv.ts'
import { ACCOUNT_STATUSES, VERIFICATION_STATUSES } from '../../../features/accounts/account-input.ts'
import { exportAccountsCsv, importAccountsCsv } from '../../../features/accounts/import-accounts.ts'
import {
  createAccount,
  deleteAccount,
  getAccountView,
  listAccountViews,
  updateAccount,
} from '../../../features/accounts/manage-accounts.ts'
import { PLATFORM_LABELS, PLATFORMS } from '../../../features/accounts/platform-handle.ts'
import { BODY_LIMITS } from '../../body-limits.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { idParams } from '../shared-schemas.ts'
import {
  accountPage,
  accountView,
  createBody,
  csvFile,
  deletedView,
  exportQuery,
  importBody,
  importReport,
  listQuery,
  metaView,
  updateBody,
} from './accounts-schemas.ts'

export function registerAccountsRoutes(app: ApiInstance, context: AppContext): void {
  app.get(
    '/accounts/meta',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Platforms, statuses and CSV columns of the registry, for forms and import templates',
        response: { 200: metaView },
      },
    },
    async (request) => {
      requireActor(request)
      return {
        platforms: PLATFORMS.map((id) => ({ id, label: PLATFORM_LABELS[id] })),
        verificationStatuses: [...VERIFICATION_STATUSES],
        statuses: [...ACCOUNT_STATUSES],
        csvColumns: [...ACCOUNT_CSV_COLUMNS],
      }
    },
  )

  app.get(
    '/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Official accounts in your units; filters: unitId (with its subtree), platform, status, q, breaksNaming',
        querystring: listQuery,
        response: { 200: accountPage },
      },
    },
    async (request) => {
      const { q, breaksNaming, ...query } = request.query
      return listAccountViews(context, requireActor(request), {
        ...query,
        query: q,
        breaksNaming: breaksNaming === undefined ? undefined : breaksNaming === 'true',
      })
    },
  )

  app.get(
    '/accounts/export.csv',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The accounts you may see as CSV (same columns as the import)',
        querystring: exportQuery,
        response: { 200: csvFile },
      },
    },
    async (request, reply) => {
      const { q, ...query } = request.query
      const csv = await exportAccountsCsv(
        context,
        requireActor(request),
        { ...query, query: q },
        requestMeta(request),
      )
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="akun-resmi.csv"')
        .send(csv)
    },
  )

  // The CSV file may come as the raw body (text/csv) or as JSON {csv}; both are limited by the route's body limit.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) =>
    done(null, { csv: body as string }),
  )
  app.post(
    '/accounts/import',
    {
      bodyLimit: BODY_LIMITS.csvImport,
      schema: {
        tags: ['accounts'],
        summary:
          'Import accounts from CSV: valid rows are saved (upsert by platform + handle), invalid rows reported',
        body: importBody,
        response: { 200: importReport },
      },
    },
    async (request) =>
      importAccountsCsv(context, requireActor(request), request.body.csv, requestMeta(request)),
  )

  app.get(
    '/accounts/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'One official account',
        params: idParams,
        response: { 200: accountView },
      },
    },
    async (request) => getAccountView(context, requireActor(request), request.params.id),
  )

  app.post(
    '/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Register an official account',
        body: createBody,
        response: { 200: accountView },
      },
    },
    async (request) => createAccount(context, requireActor(request), request.body, requestMeta(request)),
  )

  app.patch(
    '/accounts/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Change an official account (pengelola, when given, replace the list)',
        params: idParams,
        body: updateBody,
        response: { 200: accountView },
      },
    },
    async (request) =>
      updateAccount(context, requireActor(request), request.params.id, request.body, requestMeta(request)),
  )

  app.delete(
    '/accounts/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Remove an official account from the registry',
        params: idParams,
        response: { 200: deletedView },
      },
    },
    async (request) => {
      const { id } = request.params
      await deleteAccount(context, requireActor(request), id, requestMeta(request))
      return { id, deleted: true }
    },
  )
}
