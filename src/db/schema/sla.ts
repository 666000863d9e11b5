// SLA clocks: PPID cases (UU KIP), SP4N-LAPOR! referrals and the alerts sent for their deadlines
// (migration 0027_sla_clocks.sql; the reply target's provisional flag is on inbox_items).
import {
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'

const at = (name: string) => timestamp(name, { withTimezone: true })
const day = (name: string) => date(name, { mode: 'string' })

export const ppidCaseCounters = pgTable(
  'ppid_case_counters',
  {
    instansiId: uuid('instansi_id').notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (table) => [primaryKey({ columns: [table.instansiId, table.year] })],
)

export const ppidCases = pgTable('ppid_cases', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  inboxItemId: uuid('inbox_item_id'),
  unitId: uuid('unit_id').notNull(),
  unitPath: text('unit_path').notNull(),
  registrationYear: integer('registration_year').notNull(),
  registrationSeq: integer('registration_seq').notNull(),
  registrationNumber: text('registration_number').notNull(),
  channel: text('channel').notNull(),
  requesterName: text('requester_name').notNull(),
  requesterContact: text('requester_contact'),
  requestText: text('request_text').notNull(),
  purpose: text('purpose'),
  receivedOn: day('received_on').notNull(),
  dueOn: day('due_on').notNull(),
  dueProvisional: boolean('due_provisional').notNull().default(false),
  extensionReason: text('extension_reason'),
  extendedOn: day('extended_on'),
  extendedDueOn: day('extended_due_on'),
  status: text('status').notNull(),
  notice: jsonb('notice').notNull().default({}),
  decision: text('decision'),
  noticeSentOn: day('notice_sent_on'),
  objectionGrounds: text('objection_grounds').array(),
  objectionReceivedOn: day('objection_received_on'),
  objectionAnswerDueOn: day('objection_answer_due_on'),
  objectionAnsweredOn: day('objection_answered_on'),
  objectionUpholdsRefusal: boolean('objection_upholds_refusal'),
  objectionAnswerReason: text('objection_answer_reason'),
  disputeDueOn: day('dispute_due_on'),
  assignedUserId: uuid('assigned_user_id'),
  createdBy: uuid('created_by'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
})

export const laporReferrals = pgTable('lapor_referrals', {
  id: uuid('id').primaryKey(),
  instansiId: uuid('instansi_id').notNull(),
  inboxItemId: uuid('inbox_item_id'),
  unitId: uuid('unit_id').notNull(),
  unitPath: text('unit_path').notNull(),
  reportType: text('report_type').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  category: text('category'),
  location: text('location'),
  incidentOn: day('incident_on'),
  reporterName: text('reporter_name'),
  reporterContact: text('reporter_contact'),
  anonymous: boolean('anonymous').notNull().default(false),
  confidential: boolean('confidential').notNull().default(false),
  sourcePlatform: text('source_platform'),
  sourceUrl: text('source_url'),
  receivedOn: day('received_on').notNull(),
  firstStatusDueOn: day('first_status_due_on').notNull(),
  followUpDueOn: day('follow_up_due_on').notNull(),
  dueProvisional: boolean('due_provisional').notNull().default(false),
  outOfScope: text('out_of_scope'),
  laporTrackingId: text('lapor_tracking_id'),
  firstStatusOn: day('first_status_on'),
  followUpOn: day('follow_up_on'),
  status: text('status').notNull(),
  createdBy: uuid('created_by'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
})

export const slaAlerts = pgTable(
  'sla_alerts',
  {
    instansiId: uuid('instansi_id').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    clock: text('clock').notNull(),
    stage: text('stage').notNull(),
    dueAt: at('due_at').notNull(),
    sentAt: at('sent_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.subjectType, table.subjectId, table.clock, table.stage, table.dueAt] }),
  ],
)
