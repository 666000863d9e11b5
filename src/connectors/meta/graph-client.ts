// A small client for Meta's Graph API over fetch (no SDK: facebook-nodejs-business-sdk is Marketing-API-centric,
// platforms.md §6). One instance speaks for one token on one host (graph.facebook.com for Pages,
// graph.instagram.com for Instagram Login) at the version platforms.md pins, or graph.threads.net at the Threads
// API's own version (developers.facebook.com/documentation/threads/overview). Every failure leaves as a
// ConnectorError through meta-errors.ts; a request past its deadline is aborted (a write then `unknown_outcome`).
import { ConnectorError, type PublishingQuota } from '../connector.ts'
import {
  graphErrorToConnectorError,
  networkErrorToConnectorError,
  type MetaPlatform,
  type RequestEffect,
} from './meta-errors.ts'

export const GRAPH_VERSION = 'v25.0'
export const FACEBOOK_GRAPH = 'https://graph.facebook.com'
export const INSTAGRAM_GRAPH = 'https://graph.instagram.com'
/** The Threads API answers on graph.threads.net (or graph.threads.com) with its own versions. */
export const THREADS_GRAPH = 'https://graph.threads.net'
export const THREADS_GRAPH_VERSION = 'v1.0'

export type GraphParams = Record<string, string | number | boolean | undefined>

export interface GraphClientOptions {
  platform: MetaPlatform
  host: string
  accessToken: string
  fetch: typeof globalThis.fetch
  now: () => Date
  timeoutMs?: number
  /** The API version in every path; GRAPH_VERSION unless the host has its own (Threads). */
  version?: string
}

/** A page of a Graph edge: `data` and `paging.cursors.after` when more follows. */
export interface GraphPage<T> {
  data: T[]
  paging?: { cursors?: { before?: string; after?: string }; next?: string }
}

export class GraphClient {
  private readonly options: GraphClientOptions

  constructor(options: GraphClientOptions) {
    this.options = options
  }

  private url(path: string, params: GraphParams = {}): URL {
    const version = this.options.version ?? GRAPH_VERSION
    const url = new URL(`${this.options.host}/${version}/${path.replace(/^\//, '')}`)
    for (const [key, value] of Object.entries(params))
      if (value !== undefined) url.searchParams.set(key, String(value))
    // The documented way on both hosts (graph.instagram.com takes no Authorization header for every edge).
    url.searchParams.set('access_token', this.options.accessToken)
    return url
  }

  private async send<T>(
    method: 'GET' | 'POST' | 'DELETE',
    url: URL,
    body: URLSearchParams | FormData | undefined,
    effect: RequestEffect,
  ): Promise<T> {
    const { platform, now } = this.options
    let response: Response
    try {
      response = await this.options.fetch(url, {
        method,
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      })
    } catch (error) {
      throw networkErrorToConnectorError(platform, error, effect)
    }
    const text = await response.text().catch(() => '')
    let json: unknown
    try {
      json = text === '' ? undefined : JSON.parse(text)
    } catch {
      json = undefined
    }
    if (!response.ok || (json as { error?: unknown } | undefined)?.error !== undefined)
      throw graphErrorToConnectorError(platform, response.status, json, response.headers, effect, now())
    return json as T
  }

  get<T>(path: string, params: GraphParams = {}): Promise<T> {
    return this.send<T>('GET', this.url(path, params), undefined, 'read')
  }

  /** A form-encoded POST (Graph reads its parameters from the body). */
  post<T>(path: string, params: GraphParams, effect: RequestEffect): Promise<T> {
    const body = new URLSearchParams()
    for (const [key, value] of Object.entries(params)) if (value !== undefined) body.set(key, String(value))
    return this.send<T>('POST', this.url(path), body, effect)
  }

  /** A multipart POST, for uploading a file's bytes (`source`). */
  postMultipart<T>(path: string, form: FormData, effect: RequestEffect): Promise<T> {
    return this.send<T>('POST', this.url(path), form, effect)
  }

  delete<T>(path: string): Promise<T> {
    // Deleting twice ends in "does not exist": safe to retry, so a read for the error table.
    return this.send<T>('DELETE', this.url(path), undefined, 'read')
  }
}

/** A `content_publishing_limit` (Instagram) or `threads_publishing_limit` (Threads) answer. */
export interface PublishingLimitAnswer {
  data?: { quota_usage?: number; config?: { quota_total?: number; quota_duration?: number } }[]
}

/** Pure: the quota from a publishing-limit answer, or null when Graph gave none. */
export function parsePublishingLimit(answer: PublishingLimitAnswer): PublishingQuota | null {
  const item = answer.data?.[0]
  if (!item || typeof item.config?.quota_total !== 'number') return null
  return {
    used: item.quota_usage ?? 0,
    total: item.config.quota_total,
    windowSeconds: item.config.quota_duration ?? 86_400,
  }
}

/** Graph's `created_time` ("2026-12-07T10:00:00+0000") as a Date. */
export function graphTime(value: string): Date {
  return new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
}

/** Where fetchInteractions stopped: the newest comment time seen and the ids seen at exactly that time. */
export interface CommentCursor {
  at: number
  ids: string[]
}

export function encodeCommentCursor(cursor: CommentCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url')
}

export function decodeCommentCursor(cursor: string | null): CommentCursor | null {
  if (!cursor) return null
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CommentCursor>
    if (typeof value.at === 'number' && Array.isArray(value.ids))
      return { at: value.at, ids: value.ids.filter((id): id is string => typeof id === 'string') }
  } catch {
    // fall through
  }
  return null
}

/** Keeps the newest time seen and every id at that time, so the next poll skips exactly what was returned. */
export class CursorTracker {
  private newest: CommentCursor | null = null
  private readonly since: CommentCursor | null

  constructor(since: CommentCursor | null) {
    this.since = since
  }

  /** True when the item was returned by an earlier poll (older than the cursor, or at its time and listed). */
  seen(id: string, at: number): boolean {
    return (
      this.since !== null && (at < this.since.at || (at === this.since.at && this.since.ids.includes(id)))
    )
  }

  note(id: string, at: number): void {
    if (!this.newest || at > this.newest.at) this.newest = { at, ids: [id] }
    else if (at === this.newest.at) this.newest.ids.push(id)
  }

  /** The next cursor, or null when nothing new came (the caller keeps its old cursor). */
  cursor(): string | null {
    if (!this.newest) return null
    if (this.since && this.newest.at === this.since.at) this.newest.ids.push(...this.since.ids)
    return encodeCommentCursor(this.newest)
  }
}

/** Same text, published at or after `since`: how a post is recognised where Graph has no idempotency key. */
export function sameText(a: string | undefined, b: string): boolean {
  return (a ?? '').normalize('NFC').trim() === b.normalize('NFC').trim()
}

/** A media container's state as Instagram (`status_code`) or Threads (`status`, `error_message`) reports it. */
export interface ContainerState {
  status: string | undefined
  message?: string | undefined
}

/**
 * Waits until Meta has downloaded and processed a media container (Instagram's and Threads' publishing flow):
 * FINISHED or PUBLISHED → done; ERROR or EXPIRED → `rejected`; still processing after `maxPolls` looks →
 * `unavailable` (nothing was published, so trying again is safe).
 */
export async function waitForContainer(
  graph: GraphClient,
  containerId: string,
  options: {
    label: string
    fields: string
    read: (answer: Record<string, string | undefined>) => ContainerState
    pollIntervalMs: number
    maxPolls: number
  },
): Promise<void> {
  for (let poll = 0; poll < options.maxPolls; poll += 1) {
    const state = options.read(
      await graph.get<Record<string, string | undefined>>(containerId, { fields: options.fields }),
    )
    if (state.status === 'FINISHED' || state.status === 'PUBLISHED') return
    if (state.status === 'ERROR' || state.status === 'EXPIRED') {
      const status = state.message ?? state.status
      throw new ConnectorError('rejected', `${options.label} container ${status}`, {
        platformCode: state.status,
        platformMessage: state.message,
        reason: { key: 'meta.container_failed', params: { platform: options.label, status } },
      })
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollIntervalMs))
  }
  throw new ConnectorError('unavailable', `${options.label} is still processing the media`, {
    reason: { key: 'meta.container_pending', params: { platform: options.label } },
  })
}
