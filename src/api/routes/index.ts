// Every API resource. One folder per resource under routes/, each exporting a registration function.
// Add a line here when you add a resource.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../context.ts'

export async function registerApiRoutes(_app: FastifyInstance, _context: AppContext): Promise<void> {}
