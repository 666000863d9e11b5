// The settings every working-day deadline uses: whether cuti bersama counts as a working day, the weekly days
// off, and the years whose holiday table the instansi declared complete itself. Read-only for everyone but the
// instansi's admin.
import { ActionIcon, Button, Checkbox, Group, List, NumberInput, Stack, Switch, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useSession } from '../../app/session.tsx'
import { useErrorText } from '../../components/api-error-text.ts'
import { ErrorText, Notice } from '../../components/error-banner.tsx'
import { LoadState } from '../../components/load-state.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx'
import { CalendarNav } from './calendar-nav.tsx'
import { MissingTableWarning } from './missing-table-warning.tsx'
import { calendarRequests, calendarYearQuery, useCalendarChange } from './calendar-queries.ts'
import type { CalendarSettings } from './calendar-types.ts'

/** Monday first, as an Indonesian office week is read. */
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const

function weekdayKey(day: number): MessageKey {
  return `weekday.${day}` as MessageKey
}

function SettingsForm({ initial, canManage }: { initial: CalendarSettings; canManage: boolean }) {
  const { t } = useI18n()
  const [cutiBersama, setCutiBersama] = useState(initial.cutiBersamaIsWorkingDay)
  const [weekend, setWeekend] = useState<number[]>([...initial.weekendDays])
  const [years, setYears] = useState<number[]>([...initial.extraYearsWithTable])
  const [newYear, setNewYear] = useState<string | number>('')
  const [yearProblem, setYearProblem] = useState<string | null>(null)
  const save = useCalendarChange(calendarRequests.settings)
  const error = useErrorText(save.error)

  const addYear = () => {
    const year = Number(newYear)
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      setYearProblem(t('calendarSettings.yearInvalid'))
      return
    }
    setYearProblem(null)
    setYears((previous) => [...new Set([...previous, year])].sort((a, b) => a - b))
    setNewYear('')
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate(
      { cutiBersamaIsWorkingDay: cutiBersama, weekendDays: weekend, extraYearsWithTable: years },
      { onSuccess: () => notifySuccess(t('calendarSettings.saved')) },
    )
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorText>{error.banner}</ErrorText>
      <Stack gap="lg">
        <Switch
          label={t('calendarSettings.cutiBersama')}
          description={t('calendarSettings.cutiBersamaHint')}
          checked={cutiBersama}
          disabled={!canManage}
          onChange={(event) => setCutiBersama(event.currentTarget.checked)}
        />
        <Checkbox.Group
          label={t('calendarSettings.weekendDays')}
          description={t('calendarSettings.weekendHint')}
          value={weekend.map(String)}
          onChange={(values) => setWeekend(values.map(Number).sort((a, b) => a - b))}
          error={error.field('weekendDays')}
        >
          <Group gap="md" mt="xs" wrap="wrap">
            {WEEK.map((day) => (
              <Checkbox key={day} value={String(day)} label={t(weekdayKey(day))} disabled={!canManage} />
            ))}
          </Group>
        </Checkbox.Group>
        <div>
          <Text fw={700} size="sm">
            {t('calendarSettings.completeYears')}
          </Text>
          <Text c="dimmed" size="xs" mb="xs">
            {t('calendarSettings.completeYearsHint')}
          </Text>
          {years.length === 0 ? (
            <Text size="sm">{t('calendarSettings.noYears')}</Text>
          ) : (
            <List spacing={4} size="sm" data-testid="complete-years">
              {years.map((year) => (
                <List.Item key={year}>
                  <Group gap="xs" wrap="nowrap">
                    <Text span fw={600}>
                      {year}
                    </Text>
                    {canManage ? (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="sm"
                        onClick={() => setYears(years.filter((candidate) => candidate !== year))}
                        aria-label={t('calendarSettings.removeYear', { year })}
                      >
                        ×
                      </ActionIcon>
                    ) : null}
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
          {canManage ? (
            <Group align="flex-end" gap="sm" mt="sm" wrap="wrap">
              <NumberInput
                label={t('calendarSettings.year')}
                value={newYear}
                onChange={setNewYear}
                min={2000}
                max={2100}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator={false}
                error={yearProblem ?? error.field('extraYearsWithTable')}
                w={140}
              />
              <Button variant="default" onClick={addYear}>
                {t('calendarSettings.addYear')}
              </Button>
            </Group>
          ) : null}
        </div>
        {canManage ? (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('calendarSettings.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  )
}

export function CalendarSettingsPage() {
  const { t } = useI18n()
  const { can } = useSession()
  const canManage = can('calendar.manage')
  const year = new Date().getFullYear()
  const calendar = useQuery(calendarYearQuery(year))
  return (
    <>
      <PageHeader title={t('nav.calendarSettings')} description={t('calendarSettings.intro')} />
      <CalendarNav />
      <MissingTableWarning years={calendar.data?.missingTables ?? []} />
      {!canManage ? <Notice>{t('calendarSettings.readOnly')}</Notice> : null}
      <Panel title={t('calendarSettings.rules')}>
        <LoadState loading={calendar.isPending} error={calendar.error} />
        {calendar.data ? (
          <SettingsForm
            key={JSON.stringify(calendar.data.settings)}
            initial={calendar.data.settings}
            canManage={canManage}
          />
        ) : null}
      </Panel>
    </>
  )
}
