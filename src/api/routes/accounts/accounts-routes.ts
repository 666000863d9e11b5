// The official account registry: list with filters and paging, CRUD, CSV import (row-level errors) and export.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
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
import { requestMeta, requireActor } from '../../request-context.ts'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berbentuk TTTT-BB-HH.')

const namingVerdict = z.object({
  pattern: z.string(),
  compliant: z.boolean(),
  expected: z.string(),
  reason: z.string().nullable(),
})
const pengelolaView = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  suratTugasNumber: z.string(),
  suratTugasDate: z.string(),
})
export const accountView = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  platform: z.string(),
  handle: z.string(),
  displayName: z.string().nullable(),
  url: z.string(),
  penanggungJawab: z.object({ userId: z.string(), email: z.string(), name: z.string() }),
  pengelola: z.array(pengelolaView),
  verificationStatus: z.string(),
  platformTwoFactor: z.boolean(),
  credentialRotatedOn: z.string().nullable(),
  status: z.string(),
  notes: z.string(),
  naming: namingVerdict.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})

const pengelolaInput = z.object({
  userId: z.uuid('Pilih pengguna pengelola.'),
  suratTugasNumber: z.string().trim().min(1, 'Isi nomor surat tugas.').max(200),
  suratTugasDate: isoDate,
})
const accountFields = {
  unitId: z.uuid('Pilih unit.'),
  platform: z.enum(PLATFORMS, 'Pilih platform.'),
  handle: z.string().max(300),
  displayName: z.string().max(200).nullable().optional(),
  url: z.string().max(500).nullable().optional(),
  penanggungJawabUserId: z.uuid('Pilih penanggung jawab.'),
  pengelola: z.array(pengelolaInput).max(50).optional(),
  verificationStatus: z.enum(VERIFICATION_STATUSES).optional(),
  platformTwoFactor: z.boolean().optional(),
  credentialRotatedOn: isoDate.nullable().optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  notes: z.string().max(2000).optional(),
}
const createBody = z.object(accountFields)
const updateBody = z.object(accountFields).partial()
const idParams = z.object({ id: z.uuid('Id akun tidak valid.') })
const filterQuery = {
  unitId: z.uuid().optional(),
  platform: z.enum(PLATFORMS).optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  q: z.string().max(200).optional(),
}
const listQuery = z.object({
  ...filterQuery,
  breaksNaming: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
const exportQuery = z.object(filterQuery)
const importBody = z.object({ csv: z.string().min(1, 'Berkas CSV kosong.').max(5_000_000) })
const importReport = z.object({
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
})

export function registerAccountsRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/accounts/meta',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Platforms, statuses and CSV columns of the registry, for forms and import templates',
        response: {
          200: z.object({
            platforms: z.array(z.object({ id: z.string(), label: z.string() })),
            verificationStatuses: z.array(z.string()),
            statuses: z.array(z.string()),
            csvColumns: z.array(z.string()),
          }),
        },
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
        response: { 200: z.object({ items: z.array(accountView), total: z.number() }) },
      },
    },
    async (request) => {
      const { q, breaksNaming, ...query } = request.query as z.infer<typeof listQuery>
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
      },
    },
    async (request, reply) => {
      const { q, ...query } = request.query as z.infer<typeof exportQuery>
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

  // The CSV file may come as the raw body (text/csv) or as JSON {csv}; both are limited by the app's body limit.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) =>
    done(null, { csv: body as string }),
  )
  app.post(
    '/accounts/import',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Import accounts from CSV: valid rows are saved (upsert by platform + handle), invalid rows reported',
        body: importBody,
        response: { 200: importReport },
      },
    },
    async (request) =>
      importAccountsCsv(
        context,
        requireActor(request),
        (request.body as z.infer<typeof importBody>).csv,
        requestMeta(request),
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
      getAccountView(context, requireActor(request), (request.params as z.infer<typeof idParams>).id),
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
    async (request) =>
      createAccount(
        context,
        requireActor(request),
        request.body as z.infer<typeof createBody>,
        requestMeta(request),
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
      updateAccount(
        context,
        requireActor(request),
        (request.params as z.infer<typeof idParams>).id,
        request.body as z.infer<typeof updateBody>,
        requestMeta(request),
      ),
  )

  app.delete(
    '/accounts/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Remove an official account from the registry',
        params: idParams,
        response: { 200: z.object({ id: z.string(), deleted: z.boolean() }) },
      },
    },
    async (request) => {
      const { id } = request.params as z.infer<typeof idParams>
      await deleteAccount(context, requireActor(request), id, requestMeta(request))
      return { id, deleted: true }
    },
  )
}
