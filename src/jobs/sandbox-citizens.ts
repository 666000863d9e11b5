// A round of the sandbox network's simulated citizens on one post (features/sandbox/simulate-citizens.ts): likes,
// shares and comments arrive over a few hours after a sandbox post is published.
import { z } from 'zod'
import { simulateCitizenRound } from '../features/sandbox/simulate-citizens.ts'
import { defineJob } from './job-definition.ts'

const payload = z.object({ instansiId: z.uuid(), postId: z.uuid(), round: z.number().int().min(1) })

declare module '../features/jobs/job-payloads.ts' {
  interface JobPayloads {
    'sandbox-citizens': z.infer<typeof payload>
  }
}

export const sandboxCitizensJob = defineJob({
  name: 'sandbox-citizens',
  payload,
  batchSize: 10,
  handle: (context, { instansiId, postId, round }) =>
    simulateCitizenRound(context, instansiId, postId, round).then(() => undefined),
})
