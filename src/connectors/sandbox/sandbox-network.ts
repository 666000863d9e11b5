// The port through which the sandbox connector reaches the simulated network (Mode Latihan). Connectors import
// nothing from the app, so the network is described here, in the platform's own terms, and implemented in
// src/features/sandbox over the database; the registry hands the implementation to the connector's factory.
// It speaks like an HTTP API: every call carries the account's access token and a failure is a `SandboxApiError`
// with a status, which the connector maps to a ConnectorError kind as it would for a real platform.

export interface SandboxAccountInfo {
  id: string
  handle: string
  displayName: string | null
}

export interface SandboxPostRecord {
  id: string
  idempotencyKey: string
  text: string
  createdAt: Date
  url: string
}

export interface SandboxInteractionRecord {
  id: string
  kind: 'comment' | 'reply' | 'mention'
  authorHandle: string
  authorName: string | null
  text: string
  createdAt: Date
  postId: string | null
  parentId: string | null
  url: string
}

export interface SandboxMetricsRecord {
  likes: number
  shares: number
  replies: number
  views: number
}

export interface SandboxNetwork {
  /** Who the token belongs to (401 when it does not work). */
  whoAmI(token: string): Promise<SandboxAccountInfo>
  /** Publishes; the same idempotency key answers the same post and never makes a second one. */
  createPost(
    token: string,
    post: {
      idempotencyKey: string
      text: string
      media: readonly { kind: 'image' | 'video'; mimeType: string; byteLength: number; altText: string }[]
    },
  ): Promise<SandboxPostRecord>
  /** The account's recent posts, newest first, since a time. */
  listPosts(token: string, options: { since: Date; limit: number }): Promise<SandboxPostRecord[]>
  /** What others sent the account, oldest first, after a cursor (an opaque position); `next` is null when nothing came after it. */
  listInteractions(
    token: string,
    options: { after: string | null; limit: number },
  ): Promise<{ items: SandboxInteractionRecord[]; next: string | null }>
  /** Replies; the same idempotency key (a UUID) answers the same reply and never makes a second one. */
  reply(
    token: string,
    parentId: string,
    text: string,
    idempotencyKey?: string,
  ): Promise<SandboxInteractionRecord>
  /** The account's own replies directly under an item, oldest first (404 when the item is gone). */
  listReplies(token: string, parentId: string): Promise<SandboxInteractionRecord[]>
  hideInteraction(token: string, id: string): Promise<void>
  deleteInteraction(token: string, id: string): Promise<void>
  deletePost(token: string, postId: string): Promise<void>
  metrics(token: string, postIds: readonly string[]): Promise<Map<string, SandboxMetricsRecord>>
}

/** A failed call, as an HTTP API would answer it. */
export class SandboxApiError extends Error {
  readonly status: 401 | 404 | 422 | 429 | 503 | 504
  readonly code: string
  /** For 429: when the window opens again. */
  readonly retryAt: Date | undefined

  constructor(status: SandboxApiError['status'], code: string, message: string, retryAt?: Date) {
    super(message)
    this.name = 'SandboxApiError'
    this.status = status
    this.code = code
    this.retryAt = retryAt
  }
}
