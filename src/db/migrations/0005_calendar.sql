-- The working-day calendar gains the libur daerah: a holiday the instansi (or its region) sets itself, a day off
-- like a national holiday for every deadline. The inline CHECK of 0002 has PostgreSQL's default name.
ALTER TABLE calendar_days DROP CONSTRAINT calendar_days_kind_check;
--> statement-breakpoint
ALTER TABLE calendar_days ADD CONSTRAINT calendar_days_kind_check
  CHECK (kind IN ('holiday', 'cuti_bersama', 'regional_holiday', 'working_day'));
