// Naming conventions for official account handles: the patterns per platform (with warnings about units that
// cannot comply), a test of what a pattern gives one unit, and the report of accounts that break them.
import type { AppContext } from '../../../context.ts'
import {
  namingReport,
  readNamingPatterns,
  testNamingPattern,
  updateNamingPatterns,
  type NamingPatternsView,
} from '../../../features/naming/account-naming.ts'
import type { Locale } from '../../../shared/dates.ts'
import { requestLocale } from '../../error-handler.ts'
import { renderProblem } from '../../render-problem.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { patternsView, reportQuery, reportView, testQuery, testView, updateBody } from './naming-schemas.ts'

const SYNTAX =
  'Teks biasa harus sama persis (huruf besar/kecil tidak dibedakan); {instansi} = slug instansi, {unit} = kode unit, ' +
  '{nama_lain} = atribut unit (misalnya {kota}), diwarisi dari unit di atasnya; * = karakter apa saja. ' +
  'Nilai isian ditulis huruf kecil tanpa spasi atau tanda baca.'

function renderPatterns(view: NamingPatternsView, locale: Locale) {
  return {
    patterns: view.patterns,
    warnings: Object.fromEntries(
      Object.entries(view.warnings).map(([platform, found]) => [
        platform,
        found.map((item) => renderProblem(item, locale)),
      ]),
    ),
    syntax: SYNTAX,
  }
}

export function registerNamingRoutes(app: ApiInstance, context: AppContext): void {
  app.get(
    '/naming/patterns',
    {
      schema: {
        tags: ['naming'],
        summary:
          'The naming pattern per platform, warnings about them (for naming.manage) and the pattern syntax',
        response: { 200: patternsView },
      },
    },
    async (request) =>
      renderPatterns(await readNamingPatterns(context, requireActor(request)), requestLocale(request)),
  )

  app.put(
    '/naming/patterns',
    {
      schema: {
        tags: ['naming'],
        summary:
          'Replace the naming patterns (platform → pattern; empty or null removes it). A pattern no unit could comply with is refused; one some units cannot comply with is saved with warnings. Admin only (naming.manage)',
        body: updateBody,
        response: { 200: patternsView },
      },
    },
    async (request) =>
      renderPatterns(
        await updateNamingPatterns(
          context,
          requireActor(request),
          request.body.patterns,
          requestMeta(request),
        ),
        requestLocale(request),
      ),
  )

  app.get(
    '/naming/test',
    {
      schema: {
        tags: ['naming'],
        summary:
          'What a pattern (or the saved one) gives one unit on one platform, and whether the platform accepts it',
        querystring: testQuery,
        response: { 200: testView },
      },
    },
    async (request) => {
      const result = await testNamingPattern(context, requireActor(request), request.query)
      return {
        result: result && { ...result, verdict: renderProblem(result.verdict, requestLocale(request)) },
      }
    },
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
    async (request) => {
      const locale = requestLocale(request)
      const items = await namingReport(context, requireActor(request), request.query)
      return { items: items.map((item) => ({ ...item, reason: renderProblem(item.reason, locale) })) }
    },
  )
}
