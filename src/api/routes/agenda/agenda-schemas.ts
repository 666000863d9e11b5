// The digital agenda: agenda items, the fan-out of amplification tasks, working a task, and the board.
import { z } from 'zod'
import {
  AGENDA_BOARD_STATUSES,
  AGENDA_ITEM_STATUSES,
  AGENDA_TASK_MODES,
  AGENDA_TASK_STATES,
} from '../../../shared/agenda.ts'
import { AGENDA_LIMITS } from '../../../features/agenda/manage-agenda.ts'

const unitRef = z.object({ id: z.string(), code: z.string(), name: z.string() })

const totals = z.object({
  tasks: z.number(),
  done: z.number().describe('Published by the deadline'),
  late: z.number().describe('Published after the deadline, or not published and the deadline passed'),
  inProgress: z.number(),
  notStarted: z.number(),
  reach: z.number().describe('Views, or likes + shares + replies where the platform counts no views'),
})

const itemFields = {
  id: z.string(),
  unit: unitRef.describe('The unit that owns the narrative'),
  title: z.string(),
  keyMessages: z.array(z.string()),
  media: z.array(
    z.object({
      mediaId: z.string(),
      kind: z.enum(['image', 'video']),
      url: z.string(),
      thumbnailUrl: z.string().nullable(),
    }),
  ),
  source: z.string(),
  centralPost: z
    .object({ id: z.string(), title: z.string(), url: z.string().nullable() })
    .nullable()
    .describe("The central office's own post: what a unit reposts (url once published)"),
  deadline: z.string(),
  status: z.enum(AGENDA_ITEM_STATUSES),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  canManage: z.boolean().describe('Whether the caller may change, close and hand out tasks'),
  totals,
}

export const agendaItemView = z.object(itemFields).meta({ id: 'AgendaItem' })

export const boardRow = z
  .object({
    taskId: z.string(),
    unit: unitRef,
    account: z.object({ id: z.string(), platform: z.string(), handle: z.string() }).nullable(),
    state: z.enum(AGENDA_TASK_STATES),
    boardStatus: z.enum(AGENDA_BOARD_STATUSES),
    completedAt: z.string().nullable().describe('When its first variant was published'),
    reach: z.number(),
    posts: z.array(
      z.object({ id: z.string(), title: z.string(), status: z.string(), mode: z.enum(AGENDA_TASK_MODES) }),
    ),
    canWork: z.boolean().describe('Whether the caller may start a post for it now'),
  })
  .meta({ id: 'AgendaBoardRow' })

export const agendaBoardView = z
  .object({ ...itemFields, rows: z.array(boardRow).describe('The tasks the caller may see') })
  .meta({ id: 'AgendaBoard' })

const assigned = z.object({
  added: z.number(),
  skipped: z.number().describe('Units or accounts that already had a task'),
})
export const assignedBoardView = agendaBoardView.extend({ assigned })

export const agendaList = z.object({
  items: z.array(agendaItemView),
  canCreate: z.boolean().describe('Whether the caller may issue agenda items (agenda.manage somewhere)'),
})

export const listQuery = z.object({ status: z.enum(AGENDA_ITEM_STATUSES).optional() })

export const targetsBody = z.object({
  unitIds: z.array(z.uuid()).max(500).default([]).describe('Each of these units gets a task'),
  subtreeUnitIds: z
    .array(z.uuid())
    .max(50)
    .default([])
    .describe('Each of these units and every active unit below it gets a task'),
  accountIds: z
    .array(z.uuid())
    .max(1000)
    .default([])
    .describe('Each of these accounts gets a task of its own'),
})

const itemBody = {
  unitId: z.uuid('validation.choose_unit').describe('The unit that owns the narrative'),
  title: z.string().max(AGENDA_LIMITS.title),
  keyMessages: z.array(z.string().max(AGENDA_LIMITS.keyMessage)).max(AGENDA_LIMITS.keyMessages),
  mediaIds: z.array(z.uuid()).max(AGENDA_LIMITS.media).default([]).describe('Assets from the media library'),
  source: z.string().max(AGENDA_LIMITS.source).default(''),
  centralPostId: z.uuid().nullable().default(null),
  deadline: z.iso.datetime({ offset: true }),
}

export const createBody = z.object({
  ...itemBody,
  targets: targetsBody.default({ unitIds: [], subtreeUnitIds: [], accountIds: [] }),
})
export const updateBody = z.object(itemBody)

export const startBody = z.object({
  mode: z
    .enum(AGENDA_TASK_MODES)
    .describe('adapt: a draft prefilled with the narrative; repost: the central post with its link'),
})
export const startedView = z.object({ postId: z.string().describe('The draft to open in the composer') })

export const taskParams = z.object({ taskId: z.uuid() })
