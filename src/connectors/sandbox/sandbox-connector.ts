// The connector of the sandbox network (Mode Latihan). It talks to the simulated platform through the
// SandboxNetwork port (sandbox-network.ts), which the registry receives from the app, and maps the network's
// answers and failures to the connector contract exactly as a real platform's connector maps its HTTP API.
import { PLATFORM_LABELS } from '../../shared/platforms.ts'
import {
  ConnectorError,
  type Connector,
  type ConnectorCapabilities,
  type ConnectorContext,
  type ConnectorFactory,
  type HotPolling,
  type PublishRequest,
  type PublishedPost,
} from '../connector.ts'
import { checkPublishRequest } from '../check-publish-request.ts'
import { postingCapabilitiesOf } from '../posting-rules.ts'
import { SandboxApiError, type SandboxNetwork, type SandboxPostRecord } from './sandbox-network.ts'

export const SANDBOX_CAPABILITIES: ConnectorCapabilities = Object.freeze<ConnectorCapabilities>({
  // Counts like Instagram, the platform most trainees practise for.
  ...postingCapabilitiesOf('sandbox'),
  readComments: true,
  readMentions: true,
  readDirectMessages: false,
  reply: true,
  hideReply: true,
  deleteReply: true,
  deleteOwnPost: true,
  metrics: ['likes', 'shares', 'replies', 'views'],
})

/**
 * The sandbox is the app's own database: no platform limit, only the query's cost, so a hot sandbox account is
 * polled as often as a real platform's hot account at most (trainees meet the same pace as on Bluesky).
 */
export const SANDBOX_HOT_POLLING: HotPolling = { intervalMs: 3_000, requestsPerMinute: 600 }

/** Interactions per page; tests page in twos. */
export interface SandboxConnectorOptions {
  pageSize?: number
}
const label = PLATFORM_LABELS.sandbox

/** Maps a network failure to a ConnectorError; a timeout on a write may have been accepted (`unknown_outcome`). */
function connectorErrorOf(error: unknown, write: boolean): unknown {
  if (!(error instanceof SandboxApiError)) return error
  const details = { platformCode: error.code, platformMessage: error.message, cause: error }
  switch (error.status) {
    case 401:
      return new ConnectorError('auth_expired', error.message, details)
    case 429:
      return new ConnectorError('rate_limited', error.message, {
        ...details,
        ...(error.retryAt ? { retryAt: error.retryAt } : {}),
      })
    case 404:
      return new ConnectorError('rejected', error.message, {
        ...details,
        reason: { key: 'connectors.not_found' },
      })
    case 422:
      return new ConnectorError('rejected', error.message, {
        ...details,
        reason: { key: 'connectors.refused' },
      })
    case 503:
      return new ConnectorError('unavailable', error.message, details)
    case 504:
      return new ConnectorError(write ? 'unknown_outcome' : 'unavailable', error.message, details)
  }
}

async function call<T>(write: boolean, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw connectorErrorOf(error, write)
  }
}

function published(post: SandboxPostRecord): PublishedPost {
  return { platformPostId: post.id, url: post.url, publishedAt: post.createdAt }
}

function tokenOf(context: ConnectorContext): string {
  const token = context.credentials.token
  if (!token) throw new ConnectorError('auth_expired', 'no sandbox token in the stored credentials')
  return token
}

/** The factory the registry holds: the network is the app's, handed over when the registry is built. */
export function createSandboxConnectorFactory(
  network: SandboxNetwork,
  options: SandboxConnectorOptions = {},
): ConnectorFactory {
  return (context) => createSandboxConnector(network, context, options)
}

export function createSandboxConnector(
  network: SandboxNetwork,
  context: ConnectorContext,
  options: SandboxConnectorOptions = {},
): Connector {
  const pageSize = options.pageSize ?? 50
  const token = () => tokenOf(context)
  return {
    platform: 'sandbox',
    capabilities: SANDBOX_CAPABILITIES,

    verify: () =>
      call(false, async () => {
        const me = await network.whoAmI(token())
        return { platformAccountId: me.id, handle: me.handle, displayName: me.displayName }
      }),

    async publish(request: PublishRequest) {
      checkPublishRequest(label, SANDBOX_CAPABILITIES, request)
      const post = await call(true, () =>
        network.createPost(token(), {
          idempotencyKey: request.idempotencyKey,
          text: request.text,
          media: request.media.map((item) => ({
            kind: item.kind,
            mimeType: item.mimeType,
            byteLength: item.byteLength,
            altText: item.altText,
          })),
        }),
      )
      return published(post)
    },

    async findPublished(request: PublishRequest, since: Date) {
      // Read the account's recent posts, as a real reconciliation would (the network keeps the key with each post).
      const posts = await call(false, () => network.listPosts(token(), { since, limit: 100 }))
      const match = posts.find((post) => post.idempotencyKey === request.idempotencyKey)
      return match ? published(match) : null
    },

    async fetchInteractions(cursor: string | null) {
      const page = await call(false, () =>
        network.listInteractions(token(), { after: cursor, limit: pageSize }),
      )
      return {
        items: page.items.map((item) => ({
          externalId: item.id,
          kind: item.kind,
          author: { externalId: item.authorHandle, handle: item.authorHandle, displayName: item.authorName },
          text: item.text,
          createdAt: item.createdAt,
          url: item.url,
          parentExternalId: item.parentId ?? item.postId,
          rootExternalId: item.postId,
        })),
        cursor: page.next,
      }
    },

    async reply(to, text, options) {
      if (text.trim() === '')
        throw new ConnectorError('rejected', 'empty reply', { reason: { key: 'connectors.text_empty' } })
      const created = await call(true, () =>
        network.reply(token(), to.externalId, text, options?.idempotencyKey),
      )
      return { platformPostId: created.id, url: created.url, publishedAt: created.createdAt }
    },

    async findReply(to, request, since) {
      // Read the thread as a real reconciliation would: the reply made with the key, else one with the same text
      // written since the attempt began.
      const replies = await call(false, () => network.listReplies(token(), to.externalId))
      const match =
        replies.find((reply) => reply.id === request.idempotencyKey) ??
        replies.find((reply) => reply.text === request.text && reply.createdAt >= since)
      return match ? { platformPostId: match.id, url: match.url, publishedAt: match.createdAt } : null
    },

    hideReply: (externalId) => call(true, () => network.hideInteraction(token(), externalId)),
    deleteReply: (externalId) => call(true, () => network.deleteInteraction(token(), externalId)),
    deletePost: (platformPostId) => call(true, () => network.deletePost(token(), platformPostId)),

    async fetchMetrics(platformPostIds) {
      const found = await call(false, () => network.metrics(token(), platformPostIds))
      return new Map(
        [...found].map(([id, metrics]) => [
          id,
          {
            likes: metrics.likes,
            shares: metrics.shares,
            replies: metrics.replies,
            quotes: null,
            views: metrics.views,
          },
        ]),
      )
    },
  }
}
