// Answers of the liveness and readiness probes.
import { z } from 'zod'

export const liveView = z.object({ status: z.literal('ok') })
export const readyView = z.object({ status: z.literal('ready'), engine: z.enum(['pglite', 'pg']) })
export const unavailableView = z.object({ status: z.literal('unavailable') })
