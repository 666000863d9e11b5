// What a route knows about the caller: the authenticated actor (set by api/auth/authenticate.ts) and the
// request metadata that every audit entry records.
import type { FastifyRequest } from 'fastify'
import type { Actor } from '../features/access/policy.ts'
import { AppError } from '../features/app-error.ts'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'common.unauthenticated')
  return request.actor
}

export interface RequestMeta {
  ip: string
  userAgent: string | null
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null }
}
