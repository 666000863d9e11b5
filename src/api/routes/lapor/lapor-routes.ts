// SP4N-LAPOR! referrals of complaints from the inbox: list and read need inbox.read, referring and recording
// progress inbox.reply, on the item's unit.
import type { AppContext } from '../../../context.ts'
import { exportLaporCsv } from '../../../features/lapor/export-lapor-csv.ts'
import {
  listComplaintCandidates,
  listReferrals,
  readReferral,
  recordProgress,
  referComplaint,
} from '../../../features/lapor/manage-referrals.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { csvFile } from '../accounts/accounts-schemas.ts'
import { idParams } from '../shared-schemas.ts'
import {
  complaintsView,
  exportQuery,
  listQuery,
  listView,
  progressBody,
  referBody,
  referralView,
} from './lapor-schemas.ts'

export function registerLaporRoutes(app: ApiInstance, context: AppContext): void {
  app.get(
    '/lapor/referrals',
    {
      schema: {
        tags: ['lapor'],
        summary:
          'Complaints referred to SP4N-LAPOR! within your units, open ones first by their next deadline',
        querystring: listQuery,
        response: { 200: listView },
      },
    },
    async (request) => listReferrals(context, requireActor(request), request.query),
  )

  app.get(
    '/lapor/referrals/export.csv',
    {
      schema: {
        tags: ['lapor'],
        summary: "The referrals in the LAPOR! form's fields plus the clocks, as CSV (audited)",
        querystring: exportQuery,
        response: { 200: csvFile },
      },
    },
    async (request, reply) => {
      const csv = await exportLaporCsv(context, requireActor(request), request.query, requestMeta(request))
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="rujukan-lapor.csv"')
        .send(csv)
    },
  )

  app.get(
    '/lapor/complaints',
    {
      schema: {
        tags: ['lapor'],
        summary: 'Open complaints (keluhan) in the inbox within your units that are not referred yet',
        response: { 200: complaintsView },
      },
    },
    async (request) => ({
      items: (await listComplaintCandidates(context, requireActor(request))).map((item) => ({
        ...item,
        createdAt: item.createdAt.toISOString(),
      })),
    }),
  )

  app.post(
    '/lapor/referrals',
    {
      schema: {
        tags: ['lapor'],
        summary:
          'Refer a complaint from the inbox: 3-WD first status and 5-WD follow-up clocks, or record it as out of scope (rule 32)',
        body: referBody,
        response: { 200: referralView },
      },
    },
    async (request) => referComplaint(context, requireActor(request), request.body, requestMeta(request)),
  )

  app.get(
    '/lapor/referrals/:id',
    {
      schema: { tags: ['lapor'], summary: 'One referral', params: idParams, response: { 200: referralView } },
    },
    async (request) => readReferral(context, requireActor(request), request.params.id),
  )

  app.post(
    '/lapor/referrals/:id/progress',
    {
      schema: {
        tags: ['lapor'],
        summary: 'Record a stage reached in LAPOR!: first status given, follow-up planned, or closed',
        params: idParams,
        body: progressBody,
        response: { 200: referralView },
      },
    },
    async (request) =>
      recordProgress(context, requireActor(request), request.params.id, request.body, requestMeta(request)),
  )
}
