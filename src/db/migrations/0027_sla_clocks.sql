-- SLA clocks (issue #9 item 3): the reply target's provisional flag on inbox items, PPID cases under UU KIP, SP4N-LAPOR!
-- referrals, and the reminders and escalations already sent for each deadline (so each goes out once).
ALTER TABLE inbox_items ADD COLUMN sla_provisional boolean NOT NULL DEFAULT false;
--> statement-breakpoint
-- The registration number's sequence per instansi and year (UU KIP Pasal 22(4)): one row locked per allocation.
CREATE TABLE ppid_case_counters (
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  year integer NOT NULL,
  last_seq integer NOT NULL,
  PRIMARY KEY (instansi_id, year)
);
--> statement-breakpoint
-- An information request (permohonan informasi publik) worked by the PPID against the UU KIP clock. Dates are the
-- instansi's calendar dates ('YYYY-MM-DD' on the working-day calendar); the notice and the objection follow
-- Pasal 22(7) and Pasal 35–37.
CREATE TABLE ppid_cases (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  inbox_item_id uuid REFERENCES inbox_items(id) ON DELETE SET NULL,
  unit_id uuid NOT NULL REFERENCES units(id),
  unit_path text NOT NULL,
  registration_year integer NOT NULL,
  registration_seq integer NOT NULL,
  registration_number text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('media_sosial', 'email', 'langsung', 'pos', 'telepon', 'lainnya')),
  requester_name text NOT NULL,
  requester_contact text,
  request_text text NOT NULL,
  purpose text,
  received_on date NOT NULL,
  due_on date NOT NULL,
  due_provisional boolean NOT NULL DEFAULT false,
  extension_reason text,
  extended_on date,
  extended_due_on date,
  status text NOT NULL CHECK (status IN ('registered', 'extended', 'decided', 'objection', 'objection_answered')),
  -- The Pasal 22(7) notice a–g as drafted (JSON), and when it was sent; the decision is its point (c).
  notice jsonb NOT NULL DEFAULT '{}',
  decision text CHECK (decision IN ('granted', 'partially_granted', 'refused', 'not_held')),
  notice_sent_on date,
  -- Objection (keberatan) to the atasan PPID: received, its 30-WD answer, the answer, the 14-WD dispute window.
  objection_grounds text[],
  objection_received_on date,
  objection_answer_due_on date,
  objection_answered_on date,
  objection_upholds_refusal boolean,
  objection_answer_reason text,
  dispute_due_on date,
  assigned_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT ppid_cases_number_unique UNIQUE (instansi_id, registration_year, registration_seq),
  CONSTRAINT ppid_cases_item_unique UNIQUE (inbox_item_id)
);
--> statement-breakpoint
CREATE INDEX ppid_cases_status_idx ON ppid_cases (instansi_id, status, due_on);
--> statement-breakpoint
-- A complaint (keluhan) referred as SP4N-LAPOR!: its 3-WD first-status and 5-WD follow-up clocks, or the body it
-- belongs to when it is outside SP4N's scope (rules.md §12 E 31–32).
CREATE TABLE lapor_referrals (
  id uuid PRIMARY KEY,
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  inbox_item_id uuid REFERENCES inbox_items(id) ON DELETE SET NULL,
  unit_id uuid NOT NULL REFERENCES units(id),
  unit_path text NOT NULL,
  report_type text NOT NULL CHECK (report_type IN ('pengaduan', 'aspirasi', 'permintaan_informasi')),
  title text NOT NULL,
  description text NOT NULL,
  category text,
  location text,
  incident_on date,
  reporter_name text,
  reporter_contact text,
  anonymous boolean NOT NULL DEFAULT false,
  confidential boolean NOT NULL DEFAULT false,
  source_platform text,
  source_url text,
  received_on date NOT NULL,
  first_status_due_on date NOT NULL,
  follow_up_due_on date NOT NULL,
  due_provisional boolean NOT NULL DEFAULT false,
  out_of_scope text CHECK (out_of_scope IN ('legal_case', 'legislative', 'corruption', 'crime')),
  lapor_tracking_id text,
  first_status_on date,
  follow_up_on date,
  status text NOT NULL CHECK (status IN ('referred', 'verified', 'follow_up_planned', 'closed', 'out_of_scope')),
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT lapor_referrals_item_unique UNIQUE (inbox_item_id)
);
--> statement-breakpoint
CREATE INDEX lapor_referrals_status_idx ON lapor_referrals (instansi_id, status, first_status_due_on);
--> statement-breakpoint
-- Reminders before a deadline and escalations after it, once each: keyed by what is due and when, so an extended
-- deadline gets its own reminder.
CREATE TABLE sla_alerts (
  instansi_id uuid NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,
  subject_type text NOT NULL CHECK (subject_type IN ('inbox_item', 'ppid_case', 'lapor_referral')),
  subject_id uuid NOT NULL,
  clock text NOT NULL,
  stage text NOT NULL CHECK (stage IN ('reminder', 'escalation')),
  due_at timestamptz NOT NULL,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (subject_type, subject_id, clock, stage, due_at)
);
--> statement-breakpoint
CREATE INDEX inbox_items_sla_alert_idx ON inbox_items (sla_due_at) WHERE sla_due_at IS NOT NULL AND first_response_at IS NULL;
