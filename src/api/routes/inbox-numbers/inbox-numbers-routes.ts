// The inbox's numbers ("Angka kotak masuk"): first-response time, the share answered within the reply target per
// unit and per account, the backlog's age, volume by intent and sentiment, over your report.read units — as JSON
// for the page and as CSV.
import type { AppContext } from '../../../context.ts'
import {
  exportInboxNumbersCsv,
  getInboxNumbers,
  type InboxNumbersDeps,
} from '../../../features/inbox-numbers/inbox-numbers.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { csvFile } from '../accounts/accounts-schemas.ts'
import { numbersQuery, numbersView } from './inbox-numbers-schemas.ts'

export function registerInboxNumbersRoutes(app: ApiInstance, context: AppContext): void {
  const deps: InboxNumbersDeps = { db: context.db, clock: context.clock }

  app.get(
    '/inbox-numbers',
    {
      schema: {
        tags: ['inbox'],
        summary: "The inbox's numbers for a period of WIB days, over your report.read units",
        querystring: numbersQuery,
        response: { 200: numbersView },
      },
    },
    async (request) => {
      const report = await getInboxNumbers(deps, requireActor(request), request.query)
      return {
        ...report,
        backlog: {
          ...report.backlog,
          oldestReceivedAt: report.backlog.oldestReceivedAt?.toISOString() ?? null,
        },
      }
    },
  )

  app.get(
    '/inbox-numbers.csv',
    {
      schema: {
        tags: ['inbox'],
        summary:
          "The inbox's numbers as CSV: the whole, then a row per unit and per account (Indonesian headers)",
        querystring: numbersQuery,
        response: { 200: csvFile },
      },
    },
    async (request, reply) => {
      const { csv, from, to } = await exportInboxNumbersCsv(
        deps,
        requireActor(request),
        request.query,
        requestMeta(request),
      )
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="angka-kotak-masuk-${from}-${to}.csv"`)
        .send(csv)
    },
  )
}
