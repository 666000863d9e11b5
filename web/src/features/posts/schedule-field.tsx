// The publication time, typed and shown in WIB whatever the browser's zone or language: a date field that reads
// dates as Indonesians write them ("8 Desember 2026", "8/12/2026") and a 24-hour time (08.00, not 8:00 AM), instead
// of the browser's datetime input that showed mm/dd/yyyy and AM/PM in an English browser. The value stays
// 'YYYY-MM-DDTHH:mm' in WIB ('' for none), which wib-time.ts turns into the instant the API takes.
import { Group, Text } from '@mantine/core'
import { TimePicker } from '@mantine/dates'
import { formatDate } from '../../../../src/shared/dates.ts'
import { DateField } from '../../components/date-field.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import { wibInputToIso } from './wib-time.ts'

/** When a day is chosen before a time, the field shows this time (morning, when most announcements go out). */
export const DEFAULT_SCHEDULE_TIME = '08:00'

export function ScheduleField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t, locale } = useI18n()
  const [day = '', time = ''] = value ? value.split('T') : []
  const iso = wibInputToIso(value)
  return (
    <div>
      <Group gap="xs" align="flex-start" wrap="wrap">
        <DateField
          label={t('posts.scheduledDay')}
          value={day}
          onChange={(next) => onChange(next ? `${next}T${time || DEFAULT_SCHEDULE_TIME}` : '')}
          style={{ flex: '1 1 12rem' }}
          data-testid="schedule-day"
        />
        <TimePicker
          label={t('posts.scheduledTime')}
          format="24h"
          value={time}
          disabled={!day}
          hoursInputLabel={t('posts.scheduledHours')}
          minutesInputLabel={t('posts.scheduledMinutes')}
          onChange={(next) => {
            const hhmm = next.slice(0, 5)
            if (day && /^\d{2}:\d{2}$/.test(hhmm)) onChange(`${day}T${hhmm}`)
          }}
          style={{ flex: '0 0 8rem' }}
          data-testid="schedule-time"
        />
      </Group>
      <Text size="xs" c="dimmed" mt={4} data-testid="schedule-summary">
        {iso ? formatDate(iso, locale, 'datetime') : t('posts.scheduledHint')}
      </Text>
    </div>
  )
}
