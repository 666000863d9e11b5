// Fake connectors for the quota tests (issue #8 health): an "instagram" that reports a publishing quota the test
// sets (carried by verify(), as Instagram's is, and read by publishingQuota()), and a "youtube" that tells the
// meter each call at YouTube's documented cost. Registered through the registry's overrides (ConnectionDeps
// .connectors / buildApp's `platforms`), so production DEFINITIONS never see them.
import {
  ConnectorError,
  type Connector,
  type ConnectorContext,
  type PublishingQuota,
} from '../../src/connectors/connector.ts'
import type { ConnectorDefinition, DefinitionOverrides } from '../../src/connectors/registry.ts'
import { SANDBOX_CAPABILITIES } from '../../src/connectors/sandbox/sandbox-connector.ts'
import { YOUTUBE_UNIT_COSTS, type YouTubeMethod } from '../../src/connectors/youtube/youtube-quota.ts'

export interface FakeQuotaState {
  /** What publishingQuota() answers; an Error is thrown (a failing read). */
  quota: PublishingQuota | null | Error
  quotaReads: number
  published: string[]
  /** The next publish fails with this (YouTube still charges the call). */
  failNextPublish: ConnectorError | null
}

export function fakeQuotaState(quota: FakeQuotaState['quota'] = null): FakeQuotaState {
  return { quota, quotaReads: 0, published: [], failNextPublish: null }
}

function baseConnector(platform: string, context: ConnectorContext, state: FakeQuotaState): Connector {
  const charge = (method: YouTubeMethod) =>
    platform === 'youtube' ? context.meter?.({ method, units: YOUTUBE_UNIT_COSTS[method] }) : undefined
  const rejected = () => Promise.reject(new ConnectorError('rejected', 'not in the fake'))
  return {
    platform,
    capabilities: SANDBOX_CAPABILITIES,
    verify() {
      charge('channels.list')
      return Promise.resolve({
        platformAccountId: `${platform}-${context.account.handle}`,
        handle: context.account.handle,
        displayName: null,
      })
    },
    publish(request) {
      charge('videos.insert')
      const failure = state.failNextPublish
      if (failure) {
        state.failNextPublish = null
        return Promise.reject(failure)
      }
      state.published.push(request.idempotencyKey)
      return Promise.resolve({
        platformPostId: `p-${state.published.length}`,
        url: `https://${platform}.example/p/${state.published.length}`,
        publishedAt: context.now(),
      })
    },
    findPublished: () => Promise.resolve(null),
    fetchInteractions: () => Promise.resolve({ items: [], cursor: null }),
    reply: rejected,
    hideReply: rejected,
    deleteReply: rejected,
    deletePost: rejected,
    fetchMetrics: () => {
      charge('videos.list')
      return Promise.resolve(new Map())
    },
  }
}

function instagramConnector(context: ConnectorContext, state: FakeQuotaState): Connector {
  const base = baseConnector('instagram', context, state)
  const publishingQuota = (): Promise<PublishingQuota | null> => {
    state.quotaReads += 1
    return state.quota instanceof Error ? Promise.reject(state.quota) : Promise.resolve(state.quota)
  }
  return {
    ...base,
    // Like Instagram's: who the token belongs to, with the quota read in the same check.
    async verify() {
      return { ...(await base.verify()), publishingQuota: await publishingQuota() }
    },
    publishingQuota,
  }
}

/** The overrides for an "instagram" with a reported quota and a metered "youtube", sharing one state. */
export function fakeQuotaPlatforms(state: FakeQuotaState): DefinitionOverrides {
  const definition = (
    platform: 'instagram' | 'youtube',
    make: (context: ConnectorContext) => Connector,
  ): ConnectorDefinition => ({ platform, capabilities: SANDBOX_CAPABILITIES, factory: () => make })
  return new Map([
    ['instagram', definition('instagram', (context) => instagramConnector(context, state))],
    ['youtube', definition('youtube', (context) => baseConnector('youtube', context, state))],
  ])
}
