// The payload type of every background job, by job name. Each job file in src/jobs/ adds its own entry through
// declaration merging, beside its zod schema:
//
//   declare module '../features/jobs/job-payloads.ts' {
//     interface JobPayloads { 'purge-expired-sessions': z.infer<typeof payload> }
//   }
//
// so features enqueue with typed payloads (enqueue.ts) without importing src/jobs, and this file never changes.
// Payloads are stored as JSON: ids, numbers, ISO date strings.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface JobPayloads {}

export type JobName = keyof JobPayloads
