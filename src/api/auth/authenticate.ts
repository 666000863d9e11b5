// Placeholder: the identity work replaces this with session-cookie and API-token authentication.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../context.ts'

export function registerAuthentication(app: FastifyInstance, _context: AppContext): void {
  app.decorateRequest('actor', null)
}
