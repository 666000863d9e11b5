// The inbox: the working list and its counts, a thread, replies (and their approval), hide / delete where the
// platform allows, notes, assignment, close / reopen, bulk actions, presence, saved views and live updates (SSE).
import type { AppContext } from '../../../context.ts'
import type { InboxItemRow, InboxThreadRow } from '../../../db/inbox-repository.ts'
import type { InboxReplyRow, PresenceRow } from '../../../db/inbox-work-repository.ts'
import { CONNECTOR_ERROR_KINDS, type ConnectorErrorKind } from '../../../connectors/connector.ts'
import type { ConnectionDeps } from '../../../features/connections/account-connector.ts'
import { retryReply } from '../../../features/inbox/send-reply.ts'
import {
  addNote,
  approveReply,
  assignItem,
  bulkAction,
  moderateItem,
  rejectReply,
  replyToItem,
  setClosed,
  type InboxWorkDeps,
} from '../../../features/inbox/work-actions.ts'
import { pollInboxEvents, startCursor, type InboxEvent } from '../../../features/inbox/work-events.ts'
import {
  countInbox,
  deleteViewOf,
  heartbeat,
  listInbox,
  openThread,
  saveViewFor,
  savedViewsOf,
} from '../../../features/inbox/work-queue.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { idParams, ok } from '../shared-schemas.ts'
import {
  assignBody,
  bulkAnswer,
  bulkBody,
  eventStream,
  filterQuery,
  inboxCounts,
  inboxItemView,
  inboxPage,
  listQuery,
  noteBody,
  presenceAnswer,
  presenceBody,
  replyBody,
  replyView,
  retryBody,
  savedView,
  savedViewBody,
  threadView,
} from './inbox-schemas.ts'
import { z } from 'zod'
import { cliText } from '../../../cli/cli-text.ts'

export type { InboxThreadRow }

const iso = (date: Date | null) => date?.toISOString() ?? null

export function renderInboxItem(
  row: InboxItemRow & { accountHandle?: string; unitName?: string; assignedUserName?: string | null },
): z.infer<typeof inboxItemView> {
  return {
    id: row.id,
    threadId: row.threadId,
    accountId: row.accountId,
    ...(row.accountHandle === undefined ? {} : { accountHandle: row.accountHandle }),
    platform: row.platform,
    unitId: row.unitId,
    ...(row.unitName === undefined ? {} : { unitName: row.unitName }),
    kind: row.kind,
    externalId: row.externalId,
    author: { externalId: row.authorExternalId, handle: row.authorHandle, name: row.authorName },
    body: row.body,
    url: row.url,
    createdAt: row.createdAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    editedAt: iso(row.editedAt),
    deletedAt: iso(row.deletedAt),
    hiddenAt: iso(row.hiddenAt),
    status: row.status,
    sentiment: row.sentiment,
    abusive: row.abusive,
    hateSpeech: row.hateSpeech,
    intent: row.intent,
    hoaxClaimId: row.hoaxClaimId,
    hoaxScore: row.hoaxScore,
    priority: row.priority,
    assignedUserId: row.assignedUserId,
    ...(row.assignedUserName === undefined ? {} : { assignedUserName: row.assignedUserName }),
    slaDueAt: iso(row.slaDueAt),
    firstResponseAt: iso(row.firstResponseAt),
    closedAt: iso(row.closedAt),
    labels: row.labels,
    updatedAt: row.updatedAt.toISOString(),
  }
}

function isConnectorErrorKind(kind: string | null): kind is ConnectorErrorKind {
  return (CONNECTOR_ERROR_KINDS as readonly (string | null)[]).includes(kind)
}

function renderReply(row: InboxReplyRow & { authorName?: string | null }): z.infer<typeof replyView> {
  return {
    id: row.id,
    itemId: row.itemId,
    body: row.body,
    status: row.status,
    author: { id: row.authorUserId, name: row.authorName ?? null },
    url: row.url,
    error: row.error,
    errorKind: isConnectorErrorKind(row.errorKind) ? row.errorKind : null,
    reason: row.errorKey ? { key: row.errorKey, params: row.errorParams ?? {} } : null,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    sentAt: iso(row.sentAt),
  }
}

function renderPresence(row: PresenceRow) {
  return { userId: row.userId, name: row.userName, typing: row.typing, seenAt: row.seenAt.toISOString() }
}

/** How often a live stream looks for changes, and how long one lives before the browser reconnects (re-checking
 * the session and its grants). */
export interface InboxEventTiming {
  pollMs: number
  lifetimeMs: number
}

export function registerInboxRoutes(
  app: ApiInstance,
  context: AppContext,
  extra: Pick<ConnectionDeps, 'connectors'> & { events?: InboxEventTiming } = {},
): void {
  const deps: InboxWorkDeps = { ...context, ...(extra.connectors ? { connectors: extra.connectors } : {}) }
  const timing = extra.events ?? { pollMs: 1500, lifetimeMs: 5 * 60_000 }

  app.get(
    '/inbox/items',
    {
      schema: {
        tags: ['inbox'],
        summary:
          'The inbox in your units: by reply deadline (none last), then priority; keyset paged (pass `next` as `after`)',
        querystring: listQuery,
        response: { 200: inboxPage },
      },
    },
    async (request) => {
      const { limit, after, status, ...filters } = request.query
      const page = await listInbox(deps, requireActor(request), { ...filters, status }, { limit, after })
      return { items: page.items.map(renderInboxItem), next: page.next }
    },
  )

  app.get(
    '/inbox/counts',
    {
      schema: {
        tags: ['inbox'],
        summary: "The tabs' counts for the filters (every status, yours, unassigned, past the deadline)",
        querystring: filterQuery,
        response: { 200: inboxCounts },
      },
    },
    async (request) => countInbox(deps, requireActor(request), request.query),
  )

  app.get(
    '/inbox/items/:id',
    {
      schema: {
        tags: ['inbox'],
        summary:
          "An item with its thread, our replies, notes, the citizen's history, who else has it open and what may be done; records that you opened it",
        params: idParams,
        response: { 200: threadView },
      },
    },
    async (request) => {
      const view = await openThread(deps, requireActor(request), request.params.id)
      return {
        ...view,
        item: renderInboxItem(view.item),
        thread: view.thread.map(renderInboxItem),
        replies: view.replies.map(renderReply),
        notes: view.notes.map((note) => ({
          id: note.id,
          itemId: note.itemId,
          kind: note.kind,
          body: note.body,
          author: { id: note.authorUserId, name: note.authorName },
          createdAt: note.createdAt.toISOString(),
        })),
        history: view.history.map(renderInboxItem),
        others: view.others.map(renderPresence),
        openedAt: view.openedAt.toISOString(),
      }
    },
  )

  app.post(
    '/inbox/items/:id/presence',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Still looking (or typing), or leaving: answers who else has the thread open',
        params: idParams,
        body: presenceBody,
        response: { 200: presenceAnswer },
      },
    },
    async (request) => ({
      others: (await heartbeat(deps, requireActor(request), request.params.id, request.body)).map(
        renderPresence,
      ),
    }),
  )

  app.post(
    '/inbox/items/:id/replies',
    {
      schema: {
        tags: ['inbox'],
        summary:
          "Reply through the account's platform (sent at once; a Mode Latihan user's reply to a real account waits for the penanggung jawab). 409 inbox.replied_since_opened when someone else replied since openedAt",
        params: idParams,
        body: replyBody,
        response: { 200: replyView },
      },
    },
    async (request) =>
      renderReply(
        await replyToItem(
          deps,
          requireActor(request),
          request.params.id,
          {
            text: request.body.text,
            openedAt: request.body.openedAt ? new Date(request.body.openedAt) : undefined,
            confirm: request.body.confirm,
          },
          requestMeta(request),
        ),
      ),
  )

  app.post(
    '/inbox/replies/:id/approve',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Approve a reply waiting for the penanggung jawab: it is sent now',
        params: idParams,
        response: { 200: replyView },
      },
    },
    async (request) =>
      renderReply(await approveReply(deps, requireActor(request), request.params.id, requestMeta(request))),
  )

  app.post(
    '/inbox/replies/:id/reject',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Refuse a reply waiting for the penanggung jawab: it is not sent',
        params: idParams,
        response: { 200: replyView },
      },
    },
    async (request) =>
      renderReply(await rejectReply(deps, requireActor(request), request.params.id, requestMeta(request))),
  )

  app.post(
    '/inbox/replies/:id/retry',
    {
      schema: {
        tags: ['inbox'],
        summary:
          'Send a failed reply again, or an unconfirmed one you checked is not on the platform (checked: true; it is looked for first). Same permission as replying; 409 inbox.retry_item_deleted / inbox.retry_item_closed; audited',
        params: idParams,
        body: retryBody,
        response: { 200: replyView },
      },
    },
    async (request) =>
      renderReply(
        await retryReply(
          deps,
          requireActor(request),
          request.params.id,
          { checked: request.body.checked },
          requestMeta(request),
        ),
      ),
  )

  for (const action of ['hide', 'delete'] as const) {
    app.post(
      `/inbox/items/:id/${action}`,
      {
        schema: {
          tags: ['inbox'],
          summary: `${action === 'hide' ? 'Hide' : 'Delete'} the item on its platform (409 inbox.action_not_supported where the platform does not allow it); audited`,
          params: idParams,
          response: { 200: inboxItemView },
        },
      },
      async (request) =>
        renderInboxItem(
          await moderateItem(deps, requireActor(request), request.params.id, action, requestMeta(request)),
        ),
    )
  }

  app.post(
    '/inbox/items/:id/notes',
    {
      schema: {
        tags: ['inbox'],
        summary: 'An internal note on the item (never sent to the platform)',
        params: idParams,
        body: noteBody,
        response: { 200: ok },
      },
    },
    async (request) => {
      await addNote(deps, requireActor(request), request.params.id, request.body.text, requestMeta(request))
      return { ok: true as const }
    },
  )

  app.post(
    '/inbox/items/:id/assign',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Assign to a person and/or hand to another of your units, with an optional hand-over note',
        params: idParams,
        body: assignBody,
        response: { 200: inboxItemView },
      },
    },
    async (request) =>
      renderInboxItem(
        await assignItem(deps, requireActor(request), request.params.id, request.body, requestMeta(request)),
      ),
  )

  for (const [path, closed] of [
    ['close', true],
    ['reopen', false],
  ] as const) {
    app.post(
      `/inbox/items/:id/${path}`,
      {
        schema: {
          tags: ['inbox'],
          summary: closed ? 'Close the item' : 'Reopen a closed item',
          params: idParams,
          response: { 200: inboxItemView },
        },
      },
      async (request) =>
        renderInboxItem(
          await setClosed(deps, requireActor(request), request.params.id, closed, requestMeta(request)),
        ),
    )
  }

  app.post(
    '/inbox/bulk',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Assign, close or label many items at once (all or nothing)',
        body: bulkBody,
        response: { 200: bulkAnswer },
      },
    },
    async (request) => ({
      count: await bulkAction(deps, requireActor(request), request.body, requestMeta(request)),
    }),
  )

  app.get(
    '/inbox/views',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Your saved views of the inbox',
        response: { 200: z.object({ items: z.array(savedView) }) },
      },
    },
    async (request) => ({
      items: (await savedViewsOf(deps, requireActor(request))).map(({ id, name, query }) => ({
        id,
        name,
        query,
      })),
    }),
  )

  app.post(
    '/inbox/views',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Save the filters under a name (the same name replaces them)',
        body: savedViewBody,
        response: { 200: savedView },
      },
    },
    async (request) => {
      const { id, name, query } = await saveViewFor(deps, requireActor(request), request.body)
      return { id, name, query }
    },
  )

  app.delete(
    '/inbox/views/:id',
    {
      schema: { tags: ['inbox'], summary: 'Delete a saved view', params: idParams, response: { 200: ok } },
    },
    async (request) => {
      await deleteViewOf(deps, requireActor(request), request.params.id)
      return { ok: true as const }
    },
  )

  app.get(
    '/inbox/events',
    {
      schema: {
        tags: ['inbox'],
        summary:
          'Live updates (text/event-stream): `item` (an item in your units changed or arrived) and `presence` (someone opened or is typing in a thread); the stream ends after a few minutes and the browser reconnects',
        response: { 200: eventStream },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request)
      const cursor = startCursor(deps.clock.now())
      // Fail before the stream starts when the caller may read no inbox at all.
      await pollInboxEvents(deps, actor, cursor)
      reply.hijack()
      const raw = reply.raw
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      })
      raw.write(`retry: 3000\n\n`)
      let open = true
      let timer: NodeJS.Timeout | undefined
      const stop = () => {
        open = false
        if (timer) clearTimeout(timer)
        raw.end()
      }
      request.raw.on('close', stop)
      const until = Date.now() + timing.lifetimeMs
      const send = (event: InboxEvent) => {
        const data =
          event.type === 'item'
            ? { item: renderInboxItem(event.item) }
            : {
                threadId: event.presence.threadId,
                itemId: event.presence.itemId,
                ...renderPresence(event.presence),
              }
        raw.write(`event: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`)
      }
      const tick = async () => {
        if (!open) return
        if (Date.now() > until) return stop()
        try {
          for (const event of await pollInboxEvents(deps, actor, cursor)) send(event)
          raw.write(`: ${Date.now()}\n\n`)
        } catch (error) {
          request.log.warn({ err: error }, cliText('cli.log_inbox_events_failed'))
        }
        if (open) timer = setTimeout(() => void tick(), timing.pollMs)
      }
      timer = setTimeout(() => void tick(), timing.pollMs)
    },
  )
}
