// The digital agenda: list, one item with its board, issue (with the first fan-out), change, close and reopen,
// hand out more tasks, and start a task's post (adapt or repost). Issuing needs agenda.manage at the owning unit
// (features/agenda/manage-agenda.ts); starting a task needs post.create at the task's unit.
import type { AppContext } from '../../../context.ts'
import { assignAgendaTasks } from '../../../features/agenda/assign-agenda-tasks.ts'
import {
  createAgendaItem,
  getAgendaBoard,
  listAgendaViews,
  setAgendaItemClosed,
  updateAgendaItemFields,
  type AgendaDeps,
} from '../../../features/agenda/manage-agenda.ts'
import { startAgendaTask } from '../../../features/agenda/start-agenda-task.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { idParams } from '../shared-schemas.ts'
import {
  agendaBoardView,
  agendaList,
  assignedBoardView,
  createBody,
  listQuery,
  startBody,
  startedView,
  targetsBody,
  taskParams,
  updateBody,
} from './agenda-schemas.ts'

export function registerAgendaRoutes(app: ApiInstance, context: AppContext): void {
  const deps: AgendaDeps = {
    db: context.db,
    clock: context.clock,
    mailEnabled: context.config.mail !== undefined,
  }

  app.get(
    '/agenda',
    {
      schema: {
        tags: ['agenda'],
        summary:
          'Agenda items the caller sees (owned by their units, or with a task for one), open ones by nearest deadline',
        querystring: listQuery,
        response: { 200: agendaList },
      },
    },
    async (request) => listAgendaViews(deps, requireActor(request), request.query),
  )

  app.post(
    '/agenda',
    {
      schema: {
        tags: ['agenda'],
        summary: 'Issue an agenda item and hand out its first tasks (agenda.manage at the owning unit)',
        body: createBody,
        response: { 200: assignedBoardView },
      },
    },
    async (request) => createAgendaItem(deps, requireActor(request), request.body, requestMeta(request)),
  )

  app.get(
    '/agenda/:id',
    {
      schema: {
        tags: ['agenda'],
        summary:
          'One agenda item with its board: per unit or account done, late, in progress or not started, and reach',
        params: idParams,
        response: { 200: agendaBoardView },
      },
    },
    async (request) => getAgendaBoard(deps, requireActor(request), request.params.id),
  )

  app.put(
    '/agenda/:id',
    {
      schema: {
        tags: ['agenda'],
        summary: "Change an agenda item's narrative, assets or deadline",
        params: idParams,
        body: updateBody,
        response: { 200: agendaBoardView },
      },
    },
    async (request) =>
      updateAgendaItemFields(
        deps,
        requireActor(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  )

  app.post(
    '/agenda/:id/close',
    {
      schema: {
        tags: ['agenda'],
        summary: 'Close an agenda item: no new posts are started for it; the board stays',
        params: idParams,
        response: { 200: agendaBoardView },
      },
    },
    async (request) =>
      setAgendaItemClosed(deps, requireActor(request), request.params.id, true, requestMeta(request)),
  )

  app.post(
    '/agenda/:id/reopen',
    {
      schema: {
        tags: ['agenda'],
        summary: 'Reopen a closed agenda item',
        params: idParams,
        response: { 200: agendaBoardView },
      },
    },
    async (request) =>
      setAgendaItemClosed(deps, requireActor(request), request.params.id, false, requestMeta(request)),
  )

  app.post(
    '/agenda/:id/tasks',
    {
      schema: {
        tags: ['agenda'],
        summary:
          'Hand out tasks to more units or accounts (those that have one are skipped); their pengelola are notified',
        params: idParams,
        body: targetsBody,
        response: { 200: assignedBoardView },
      },
    },
    async (request) =>
      assignAgendaTasks(deps, requireActor(request), request.params.id, request.body, requestMeta(request)),
  )

  app.post(
    '/agenda/tasks/:taskId/start',
    {
      schema: {
        tags: ['agenda'],
        summary:
          "Start a task's post: a draft prefilled with the narrative (adapt) or the central post and its link (repost), through the unit's approval chain",
        params: taskParams,
        body: startBody,
        response: { 200: startedView },
      },
    },
    async (request) =>
      startAgendaTask(
        deps,
        requireActor(request),
        request.params.taskId,
        request.body.mode,
        requestMeta(request),
      ),
  )
}
