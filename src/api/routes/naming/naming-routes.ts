// Naming conventions for official account handles: the patterns per platform and the report of accounts that
// break them.
import type { AppContext } from '../../../context.ts'
import {
  namingReport,
  readNamingPatterns,
  updateNamingPatterns,
} from '../../../features/naming/account-naming.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { patternsView, reportQuery, reportView, updateBody } from './naming-schemas.ts'

const SYNTAX =
  'Teks biasa harus sama persis (huruf besar/kecil tidak dibedakan); {instansi} = slug instansi, {unit} = kode unit, ' +
  '{nama_lain} = atribut unit (misalnya {kota}), diwarisi dari unit di atasnya; * = karakter apa saja. ' +
  'Nilai isian ditulis huruf kecil tanpa spasi atau tanda baca.'

export function registerNamingRoutes(app: ApiInstance, context: AppContext): void {
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
        request.body.patterns,
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
        response: { 200: reportView },
      },
    },
    async (request) => ({
      items: await namingReport(context, requireActor(request), request.query),
    }),
  )
}
