// PPID cases under UU KIP: the list against the KIP clock, intake from the inbox or elsewhere, the extension,
// the Pasal 22(7) notice (draft and send) and the objection. All need ppid.manage on the case's unit.
import type { AppContext } from '../../../context.ts'
import {
  answerObjection,
  extendCase,
  fileObjection,
  listCases,
  listRequestCandidates,
  readCase,
  registerCase,
  saveNoticeDraft,
  sendNotice,
} from '../../../features/ppid/manage-cases.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { idParams } from '../shared-schemas.ts'
import {
  candidatesView,
  caseView,
  extendBody,
  listQuery,
  listView,
  noticeBody,
  objectionAnswerBody,
  objectionBody,
  registerBody,
} from './ppid-schemas.ts'

export function registerPpidRoutes(app: ApiInstance, context: AppContext): void {
  app.get(
    '/ppid/cases',
    {
      schema: {
        tags: ['ppid'],
        summary: 'Information requests within your units, open ones first by the date their clock runs out',
        querystring: listQuery,
        response: { 200: listView },
      },
    },
    async (request) => listCases(context, requireActor(request), request.query),
  )

  app.get(
    '/ppid/requests',
    {
      schema: {
        tags: ['ppid'],
        summary: 'Inbox items classified permohonan_informasi within your units that are not a PPID case yet',
        response: { 200: candidatesView },
      },
    },
    async (request) => ({
      items: (await listRequestCandidates(context, requireActor(request))).map((item) => ({
        ...item,
        createdAt: item.createdAt.toISOString(),
      })),
    }),
  )

  app.post(
    '/ppid/cases',
    {
      schema: {
        tags: ['ppid'],
        summary:
          'Register an information request (from an inbox item classified permohonan_informasi, or taken in elsewhere): number and 10-WD deadline at intake',
        body: registerBody,
        response: { 200: caseView },
      },
    },
    async (request) => registerCase(context, requireActor(request), request.body, requestMeta(request)),
  )

  app.get(
    '/ppid/cases/:id',
    {
      schema: {
        tags: ['ppid'],
        summary: 'One information request',
        params: idParams,
        response: { 200: caseView },
      },
    },
    async (request) => readCase(context, requireActor(request), request.params.id),
  )

  app.post(
    '/ppid/cases/:id/extend',
    {
      schema: {
        tags: ['ppid'],
        summary: 'Extend once by ≤ 7 working days with a written reason, on or before the original deadline',
        params: idParams,
        body: extendBody,
        response: { 200: caseView },
      },
    },
    async (request) =>
      extendCase(context, requireActor(request), request.params.id, request.body, requestMeta(request)),
  )

  app.put(
    '/ppid/cases/:id/notice',
    {
      schema: {
        tags: ['ppid'],
        summary: 'Save a draft of the Pasal 22(7) notice (incomplete is fine until it is sent)',
        params: idParams,
        body: noticeBody,
        response: { 200: caseView },
      },
    },
    async (request) =>
      saveNoticeDraft(
        context,
        requireActor(request),
        request.params.id,
        request.body.notice,
        requestMeta(request),
      ),
  )

  app.post(
    '/ppid/cases/:id/notice/send',
    {
      schema: {
        tags: ['ppid'],
        summary:
          'Send the notice with its decision: refused, naming each field, while an applicable point a–g is missing or a refusal cites no Pasal 17 letter',
        params: idParams,
        body: noticeBody,
        response: { 200: caseView },
      },
    },
    async (request) =>
      sendNotice(
        context,
        requireActor(request),
        request.params.id,
        request.body.notice,
        requestMeta(request),
      ),
  )

  app.post(
    '/ppid/cases/:id/objection',
    {
      schema: {
        tags: ['ppid'],
        summary: 'Record an objection (keberatan) to the atasan PPID; the answer is due in 30 working days',
        params: idParams,
        body: objectionBody,
        response: { 200: caseView },
      },
    },
    async (request) =>
      fileObjection(context, requireActor(request), request.params.id, request.body, requestMeta(request)),
  )

  app.post(
    '/ppid/cases/:id/objection/answer',
    {
      schema: {
        tags: ['ppid'],
        summary:
          "Record the atasan PPID's written answer (reasons required to uphold a refusal); opens the 14-WD dispute window",
        params: idParams,
        body: objectionAnswerBody,
        response: { 200: caseView },
      },
    },
    async (request) =>
      answerObjection(context, requireActor(request), request.params.id, request.body, requestMeta(request)),
  )
}
