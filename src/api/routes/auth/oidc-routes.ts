// OpenID Connect single sign-on (only when configured).
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'

export function registerOidcRoutes(_app: FastifyInstance, _context: AppContext): void {}
