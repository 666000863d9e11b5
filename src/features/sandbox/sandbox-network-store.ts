// The sandbox network (Mode Latihan) over the database: the implementation of the SandboxNetwork port the sandbox
// connector speaks to. Its state lives in tables (migration 0008), never in a process, because workers may be
// killed and restarted at any moment and several processes answer for the same network. Faults (sandbox-faults.ts)
// come from the instansi's settings unless the deployment turned them off (WARTA_SANDBOX_FAULTS=false) or a test
// forces its own.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import {
  countSandboxCall,
  findSandboxAccountByTokenHash,
  upsertSandboxAccount,
  type SandboxAccountRow,
} from '../../db/sandbox-accounts-repository.ts'
import {
  countSandboxRepliesByPost,
  getSandboxInteraction,
  insertOwnSandboxReplyOnce,
  insertSandboxInteractions,
  listIncomingSandboxInteractions,
  listOwnSandboxRepliesTo,
  markSandboxInteraction,
  type SandboxInteractionRow,
} from '../../db/sandbox-interactions-repository.ts'
import {
  deleteSandboxPost,
  getSandboxPost,
  insertSandboxPostOnce,
  listRecentSandboxPosts,
  listSandboxPostsByIds,
  type SandboxPostRow,
} from '../../db/sandbox-posts-repository.ts'
import {
  SandboxApiError,
  type SandboxInteractionRecord,
  type SandboxNetwork,
  type SandboxPostRecord,
} from '../../connectors/sandbox/sandbox-network.ts'
import { enqueue } from '../jobs/enqueue.ts'
import { NO_SANDBOX_FAULTS, planSandboxCall, type SandboxFaultSettings } from './sandbox-faults.ts'
import { loadSandboxFaultSettings } from './sandbox-settings.ts'
import { FIRST_CITIZEN_ROUND_DELAY_MS } from './simulate-citizens.ts'

const SANDBOX_HOST = 'https://sandbox.warta.invalid'

export interface SandboxDeps {
  db: Db
  clock: Clock
}

export interface SandboxNetworkOptions {
  /** 'settings': the instansi's (default); 'off': none; or forced settings (tests). */
  faults: 'settings' | 'off' | SandboxFaultSettings
  /** Waits out the simulated latency; tests may replace it. */
  wait?: (ms: number) => Promise<void>
}

export function hashSandboxToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * Creates the simulated account of a registered sandbox account (or finds it again) and issues a new access token;
 * the previous token stops working, as when a real platform's app password is replaced.
 */
export async function provisionSandboxAccount(
  db: Db,
  instansiId: string,
  account: { handle: string; displayName: string | null },
): Promise<{ token: string; sandboxAccountId: string }> {
  const token = `sbx_${randomBytes(24).toString('base64url')}`
  const sandboxAccountId = await upsertSandboxAccount(db, {
    id: randomUUID(),
    instansiId,
    handle: account.handle,
    displayName: account.displayName,
    tokenHash: hashSandboxToken(token),
  })
  return { token, sandboxAccountId }
}

export function sandboxPostUrl(handle: string, postId: string): string {
  return `${SANDBOX_HOST}/@${handle}/posts/${postId}`
}

function postRecord(account: SandboxAccountRow, post: SandboxPostRow): SandboxPostRecord {
  return {
    id: post.id,
    idempotencyKey: post.idempotencyKey,
    text: post.text,
    createdAt: post.createdAt,
    url: sandboxPostUrl(account.handle, post.id),
  }
}

function interactionRecord(account: SandboxAccountRow, row: SandboxInteractionRow): SandboxInteractionRecord {
  return {
    id: row.id,
    kind: row.kind,
    authorHandle: row.authorHandle,
    authorName: row.authorName,
    text: row.text,
    createdAt: row.createdAt,
    postId: row.postId,
    parentId: row.parentId,
    url: row.postId
      ? `${sandboxPostUrl(account.handle, row.postId)}#${row.id}`
      : `${SANDBOX_HOST}/@${account.handle}`,
  }
}

async function faultSettingsOf(deps: SandboxDeps, options: SandboxNetworkOptions, instansiId: string) {
  if (options.faults === 'off') return NO_SANDBOX_FAULTS
  if (options.faults !== 'settings') return options.faults
  return loadSandboxFaultSettings(deps.db, instansiId)
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function createSandboxNetwork(deps: SandboxDeps, options: SandboxNetworkOptions): SandboxNetwork {
  const wait = options.wait ?? ((ms: number) => (ms > 0 ? sleep(ms) : Promise.resolve()))

  /**
   * Every call: find the account by its token (401), count the call (429 over the window's limit), wait the
   * planned latency, fail before acting (503) when planned, act, and for a write planned to time out, act and
   * then answer 504 (the caller cannot tell it was accepted).
   */
  async function handle<T>(
    token: string,
    write: boolean,
    act: (account: SandboxAccountRow) => Promise<T>,
  ): Promise<T> {
    const account = await findSandboxAccountByTokenHash(deps.db, hashSandboxToken(token))
    if (!account) throw new SandboxApiError(401, 'invalid_token', 'the access token is not valid')
    const settings = await faultSettingsOf(deps, options, account.instansiId)
    const now = deps.clock.now()
    const counted = await countSandboxCall(
      deps.db,
      account.instansiId,
      account.id,
      now,
      settings.rateLimitWindowSeconds,
    )
    if (counted.windowCalls > settings.rateLimitCalls) {
      const retryAt = new Date(counted.windowStartedAt.getTime() + settings.rateLimitWindowSeconds * 1000)
      throw new SandboxApiError(429, 'rate_limited', 'too many requests', retryAt)
    }
    const plan = planSandboxCall(settings, account.id, counted.calls, write)
    await wait(plan.latencyMs)
    if (plan.fault === 'unavailable') throw new SandboxApiError(503, 'unavailable', 'service unavailable')
    const result = await act(account)
    if (plan.fault === 'unknown_outcome') throw new SandboxApiError(504, 'timeout', 'gateway timeout')
    return result
  }

  const notFound = () => new SandboxApiError(404, 'not_found', 'no such item on this account')

  /** The item or post a reply answers, on this account (404 otherwise, or when it was deleted). */
  async function replyParent(account: SandboxAccountRow, parentId: string) {
    if (!UUID.test(parentId)) throw notFound()
    const parent =
      (await getSandboxInteraction(deps.db, account.instansiId, account.id, parentId)) ??
      (await getSandboxPost(deps.db, account.instansiId, parentId))
    if (!parent || ('sandboxAccountId' in parent && parent.sandboxAccountId !== account.id)) throw notFound()
    return parent
  }

  return {
    whoAmI: (token) =>
      handle(token, false, (account) =>
        Promise.resolve({ id: account.id, handle: account.handle, displayName: account.displayName }),
      ),

    createPost: (token, post) =>
      handle(token, true, async (account) => {
        if (post.text.length > 10_000) throw new SandboxApiError(422, 'text_too_long', 'text too long')
        const saved = await deps.db.transaction(async (tx) => {
          const now = deps.clock.now()
          const result = await insertSandboxPostOnce(tx, {
            id: randomUUID(),
            instansiId: account.instansiId,
            sandboxAccountId: account.id,
            idempotencyKey: post.idempotencyKey,
            text: post.text,
            media: post.media.map((item) => ({ ...item })),
            createdAt: now,
          })
          // Simulated citizens come by after a new post (only once: a repeated key made no new post).
          if (result.created)
            await enqueue(
              tx,
              'sandbox-citizens',
              { instansiId: account.instansiId, postId: result.post.id, round: 1 },
              { startAfter: new Date(now.getTime() + FIRST_CITIZEN_ROUND_DELAY_MS) },
            )
          return result.post
        })
        return postRecord(account, saved)
      }),

    listPosts: (token, { since, limit }) =>
      handle(token, false, async (account) =>
        (await listRecentSandboxPosts(deps.db, account.instansiId, account.id, since, limit)).map((post) =>
          postRecord(account, post),
        ),
      ),

    listInteractions: (token, { after, limit }) =>
      handle(token, false, async (account) => {
        const position = after === null ? null : Number(after)
        if (position !== null && !Number.isSafeInteger(position))
          throw new SandboxApiError(422, 'bad_cursor', 'the cursor is not one of ours')
        const rows = await listIncomingSandboxInteractions(
          deps.db,
          account.instansiId,
          account.id,
          position,
          limit,
        )
        // Forward from the cursor: the position of the last item read, or null when nothing came after it (the
        // caller keeps polling with the cursor it has).
        const last = rows.at(-1)
        return {
          items: rows.map((row) => interactionRecord(account, row)),
          next: last ? String(last.seq) : null,
        }
      }),

    reply: (token, parentId, text, idempotencyKey) =>
      handle(token, true, async (account) => {
        const parent = await replyParent(account, parentId)
        const postId = 'postId' in parent ? parent.postId : parent.id
        const row = {
          // The key is the reply's id on this network, so the same key never makes a second reply.
          id: idempotencyKey && UUID.test(idempotencyKey) ? idempotencyKey : randomUUID(),
          instansiId: account.instansiId,
          sandboxAccountId: account.id,
          postId,
          parentId,
          kind: 'reply' as const,
          own: true,
          authorHandle: account.handle,
          authorName: account.displayName,
          text,
          createdAt: deps.clock.now(),
        }
        return interactionRecord(account, await insertOwnSandboxReplyOnce(deps.db, row))
      }),

    listReplies: (token, parentId) =>
      handle(token, false, async (account) => {
        await replyParent(account, parentId)
        const rows = await listOwnSandboxRepliesTo(deps.db, account.instansiId, account.id, parentId)
        return rows.map((row) => interactionRecord(account, row))
      }),

    hideInteraction: (token, id) =>
      handle(token, true, async (account) => {
        const row = await getSandboxInteraction(deps.db, account.instansiId, account.id, id)
        if (!row) throw notFound()
        await markSandboxInteraction(deps.db, account.instansiId, id, { hiddenAt: deps.clock.now() })
      }),

    deleteInteraction: (token, id) =>
      handle(token, true, async (account) => {
        const row = await getSandboxInteraction(deps.db, account.instansiId, account.id, id)
        if (!row) throw notFound()
        await markSandboxInteraction(deps.db, account.instansiId, id, { deletedAt: deps.clock.now() })
      }),

    deletePost: (token, postId) =>
      handle(token, true, async (account) => {
        if (!(await deleteSandboxPost(deps.db, account.instansiId, account.id, postId, deps.clock.now())))
          throw notFound()
      }),

    metrics: (token, postIds) =>
      handle(token, false, async (account) => {
        const posts = await listSandboxPostsByIds(deps.db, account.instansiId, account.id, postIds)
        const replies = await countSandboxRepliesByPost(
          deps.db,
          account.instansiId,
          posts.map((post) => post.id),
        )
        return new Map(
          posts.map((post) => [
            post.id,
            { likes: post.likes, shares: post.shares, views: post.views, replies: replies.get(post.id) ?? 0 },
          ]),
        )
      }),
  }
}

/** A simulated citizen comments on a sandbox post (the citizens job, demos, and tests of the inbox). */
export async function commentAsCitizen(
  deps: SandboxDeps,
  instansiId: string,
  postId: string,
  comment: { text: string; authorHandle?: string; authorName?: string },
): Promise<string> {
  const post = await getSandboxPost(deps.db, instansiId, postId)
  if (!post) throw new SandboxApiError(404, 'not_found', 'no such post')
  const id = randomUUID()
  await insertSandboxInteractions(deps.db, [
    {
      id,
      instansiId,
      sandboxAccountId: post.sandboxAccountId,
      postId,
      parentId: null,
      kind: 'comment',
      own: false,
      authorHandle: comment.authorHandle ?? 'warga.simulasi',
      authorName: comment.authorName ?? 'Warga (simulasi)',
      text: comment.text,
      createdAt: deps.clock.now(),
    },
  ])
  return id
}
