// Naming conventions for official account handles: the patterns per platform and the report of accounts that
// break them.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppContext } from '../../../context.ts'
import {
  namingReport,
  readNamingPatterns,
  updateNamingPatterns,
} from '../../../features/naming/account-naming.ts'
import { PLATFORMS } from '../../../features/accounts/platform-handle.ts'
import { requestMeta, requireActor } from '../../request-context.ts'

const patternsView = z.object({
  patterns: z.record(z.string(), z.string()),
  syntax: z.string(),
})
const updateBody = z.object({ patterns: z.record(z.string(), z.string().max(100).nullable()) })
const reportQuery = z.object({ platform: z.enum(PLATFORMS).optional() })
const reportItem = z.object({
  accountId: z.string(),
  platform: z.string(),
  handle: z.string(),
  unitId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  pattern: z.string(),
  expected: z.string(),
  reason: z.string(),
})

const SYNTAX =
  'Teks biasa harus sama persis (huruf besar/kecil tidak dibedakan); {instansi} = slug instansi, {unit} = kode unit, ' +
  '{nama_lain} = atribut unit (misalnya {kota}), diwarisi dari unit di atasnya; * = karakter apa saja. ' +
  'Nilai isian ditulis huruf kecil tanpa spasi atau tanda baca.'

export function registerNamingRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/naming/patterns',
    {
      schema: {
        tags: ['naming'],
        summary: 'The naming pattern per platform and the pattern syntax',
        response: { 200: patternsView },
      },
    },
    async (request) => ({
      patterns: await readNamingPatterns(context, requireActor(request)),
      syntax: SYNTAX,
    }),
  )

  app.put(
    '/naming/patterns',
    {
      schema: {
        tags: ['naming'],
        summary:
          'Replace the naming patterns (platform → pattern; empty or null removes it). Admin only (naming.manage)',
        body: updateBody,
        response: { 200: patternsView },
      },
    },
    async (request) => ({
      patterns: await updateNamingPatterns(
        context,
        requireActor(request),
        (request.body as z.infer<typeof updateBody>).patterns,
        requestMeta(request),
      ),
      syntax: SYNTAX,
    }),
  )

  app.get(
    '/naming/report',
    {
      schema: {
        tags: ['naming'],
        summary:
          'Every account you may see whose handle breaks its platform pattern, with the expected form and the reason',
        querystring: reportQuery,
        response: { 200: z.object({ items: z.array(reportItem) }) },
      },
    },
    async (request) => ({
      items: await namingReport(context, requireActor(request), request.query as z.infer<typeof reportQuery>),
    }),
  )
}
