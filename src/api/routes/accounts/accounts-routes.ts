// The official account registry: list with filters and paging, CRUD, the people an account may name, the CSV
// template and export, and the CSV import (a background job: upload → preview → apply, with progress).
import type { AppContext } from '../../../context.ts'
import { ACCOUNT_CSV_COLUMNS } from '../../../features/accounts/account-csv.ts'
import { ACCOUNT_STATUSES, VERIFICATION_STATUSES } from '../../../features/accounts/account-input.ts'
import { accountCsvTemplate, exportAccountsCsv } from '../../../features/accounts/export-accounts.ts'
import {
  applyAccountImport,
  discardAccountImport,
  getAccountImportView,
  listAccountImportItemViews,
  listMyAccountImports,
  startAccountImport,
  type AccountImportView,
  type ImportItemView,
} from '../../../features/accounts/import-accounts.ts'
import {
  accountPeople,
  createAccount,
  deleteAccount,
  getAccountView,
  listAccountViews,
  updateAccount,
  type AccountView,
} from '../../../features/accounts/manage-accounts.ts'
import { PLATFORM_LABELS, PLATFORMS } from '../../../features/accounts/platform-handle.ts'
import type { Locale } from '../../../shared/dates.ts'
import { BODY_LIMITS } from '../../body-limits.ts'
import { requestLocale } from '../../error-handler.ts'
import { renderProblem } from '../../render-problem.ts'
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
  importItemsQuery,
  importItemsView,
  importList,
  importView,
  listQuery,
  metaView,
  peopleQuery,
  peopleView,
  updateBody,
} from './accounts-schemas.ts'

function renderAccount(view: AccountView, locale: Locale) {
  return {
    ...view,
    naming: view.naming && {
      ...view.naming,
      reason: view.naming.reason && renderProblem(view.naming.reason, locale),
    },
  }
}

function renderImport(view: AccountImportView, locale: Locale) {
  return { ...view, failure: view.failure && renderProblem(view.failure, locale) }
}

function renderItem(item: ImportItemView, locale: Locale) {
  return {
    ...item,
    problems: item.problems.map((found) => ({
      row: found.row,
      column: found.column,
      ...renderProblem(found, locale),
    })),
  }
}

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
          'Official accounts in your units; filters: unitId (with its subtree), platform, status, q (handle or display name), breaksNaming',
        querystring: listQuery,
        response: { 200: accountPage },
      },
    },
    async (request) => {
      const { q, breaksNaming, ...query } = request.query
      const page = await listAccountViews(context, requireActor(request), {
        ...query,
        query: q,
        breaksNaming: breaksNaming === undefined ? undefined : breaksNaming === 'true',
      })
      const locale = requestLocale(request)
      return { ...page, items: page.items.map((item) => renderAccount(item, locale)) }
    },
  )

  app.get(
    '/accounts/people',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Who an account of this unit may name: active users holding penanggung_jawab (or pengelola) on the unit or above',
        querystring: peopleQuery,
        response: { 200: peopleView },
      },
    },
    async (request) => accountPeople(context, requireActor(request), request.query.unitId),
  )

  app.get(
    '/accounts/export.csv',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The accounts you may see as CSV (the import columns, Indonesian headers and values)',
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

  app.get(
    '/accounts/import-template.csv',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The empty CSV to fill in for an import (header row only)',
        response: { 200: csvFile },
      },
    },
    async (request, reply) => {
      requireActor(request)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="templat-akun-resmi.csv"')
        .send(accountCsvTemplate())
    },
  )

  // The CSV file may come as the raw body (text/csv, the mode in the address: ?mode=apply) or as JSON {csv, mode};
  // both are limited by the route's body limit.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (request, body, done) => {
    const { mode } = (request.query ?? {}) as { mode?: unknown }
    done(null, { csv: body as string, ...(typeof mode === 'string' ? { mode } : {}) })
  })
  app.post(
    '/accounts/imports',
    {
      bodyLimit: BODY_LIMITS.csvImport,
      schema: {
        tags: ['accounts'],
        summary:
          'Upload a CSV to import (a background job): mode preview checks it and saves nothing until applied; mode apply imports at once. A raw text/csv body takes the mode as ?mode=',
        body: importBody,
        response: { 200: importView },
      },
    },
    async (request) =>
      renderImport(
        await startAccountImport(
          context,
          requireActor(request),
          request.body.csv,
          { mode: request.body.mode },
          requestMeta(request),
        ),
        requestLocale(request),
      ),
  )

  app.get(
    '/accounts/imports',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Your latest CSV imports, newest first',
        response: { 200: importList },
      },
    },
    async (request) => {
      const locale = requestLocale(request)
      const items = await listMyAccountImports(context, requireActor(request))
      return { items: items.map((item) => renderImport(item, locale)) }
    },
  )

  app.get(
    '/accounts/imports/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'One of your CSV imports: status, progress and counts (poll it while it runs)',
        params: idParams,
        response: { 200: importView },
      },
    },
    async (request) =>
      renderImport(
        await getAccountImportView(context, requireActor(request), request.params.id),
        requestLocale(request),
      ),
  )

  app.get(
    '/accounts/imports/:id/items',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'What each row of an import would do (phase=preview: create, update, error) or could not do (phase=apply)',
        params: idParams,
        querystring: importItemsQuery,
        response: { 200: importItemsView },
      },
    },
    async (request) => {
      const page = await listAccountImportItemViews(
        context,
        requireActor(request),
        request.params.id,
        request.query,
      )
      const locale = requestLocale(request)
      return { ...page, items: page.items.map((item) => renderItem(item, locale)) }
    },
  )

  app.post(
    '/accounts/imports/:id/apply',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Apply a checked import (its rows are checked again as they are saved)',
        params: idParams,
        response: { 200: importView },
      },
    },
    async (request) =>
      renderImport(
        await applyAccountImport(context, requireActor(request), request.params.id),
        requestLocale(request),
      ),
  )

  app.post(
    '/accounts/imports/:id/discard',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Drop a checked import you do not want to apply',
        params: idParams,
        response: { 200: importView },
      },
    },
    async (request) =>
      renderImport(
        await discardAccountImport(context, requireActor(request), request.params.id),
        requestLocale(request),
      ),
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
    async (request) =>
      renderAccount(
        await getAccountView(context, requireActor(request), request.params.id),
        requestLocale(request),
      ),
  )

  app.post(
    '/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Register an official account (every problem of the form is answered at once)',
        body: createBody,
        response: { 200: accountView },
      },
    },
    async (request) =>
      renderAccount(
        await createAccount(context, requireActor(request), request.body, requestMeta(request)),
        requestLocale(request),
      ),
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
      renderAccount(
        await updateAccount(
          context,
          requireActor(request),
          request.params.id,
          request.body,
          requestMeta(request),
        ),
        requestLocale(request),
      ),
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
