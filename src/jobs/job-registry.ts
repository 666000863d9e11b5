// Every background job, once. Add the job file's export here; the check below fails to compile when a job
// registered a payload type (features/jobs/job-payloads.ts) but is missing from this list.
import type { JobName } from '../features/jobs/job-payloads.ts'
import type { AnyJobDefinition } from './job-definition.ts'
import { importAccountsJob } from './import-accounts.ts'
import { makeAuditCheckpointsJob } from './make-audit-checkpoints.ts'
import { purgeExpiredSessionsJob } from './purge-expired-sessions.ts'
import { sandboxCitizensJob } from './sandbox-citizens.ts'
import { sendPasswordResetMailJob } from './send-password-reset-mail.ts'
import { sendNotificationMailJob } from './send-notification-mail.ts'
import { sendNotificationDigestsJob } from './send-notification-digests.ts'
import { expirePostsJob } from './expire-posts.ts'
import { publishVariantJob } from './publish-variant.ts'
import { reconcileVariantJob } from './reconcile-variant.ts'
import { sweepPublicationsJob } from './sweep-publications.ts'
import { collectPostMetricsJob } from './collect-post-metrics.ts'
import { refreshConnectionTokensJob } from './refresh-connection-tokens.ts'
import { processWebhookDeliveryJob } from './process-webhook-delivery.ts'
import { purgeWebhookDeliveriesJob } from './purge-webhook-deliveries.ts'
import { pollInboxJob } from './poll-inbox.ts'
import { sweepInboxJob } from './sweep-inbox.ts'
import { reconcileRepliesJob } from './reconcile-replies.ts'
import { sendSlaAlertsJob } from './send-sla-alerts.ts'
import { sendPpidReceiptJob } from './send-ppid-receipt.ts'

export const jobDefinitions = [
  purgeExpiredSessionsJob,
  makeAuditCheckpointsJob,
  importAccountsJob,
  sendPasswordResetMailJob,
  sandboxCitizensJob,
  sendNotificationMailJob,
  sendNotificationDigestsJob,
  expirePostsJob,
  publishVariantJob,
  reconcileVariantJob,
  sweepPublicationsJob,
  collectPostMetricsJob,
  refreshConnectionTokensJob,
  processWebhookDeliveryJob,
  purgeWebhookDeliveriesJob,
  pollInboxJob,
  sweepInboxJob,
  reconcileRepliesJob,
  sendSlaAlertsJob,
  sendPpidReceiptJob,
] as const satisfies readonly AnyJobDefinition[]

type Unregistered = Exclude<JobName, (typeof jobDefinitions)[number]['name']>
const everyJobRegistered: [Unregistered] extends [never] ? true : Unregistered = true
void everyJobRegistered

export const jobNames: readonly JobName[] = jobDefinitions.map((job) => job.name)
