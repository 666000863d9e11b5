// The deadline calculator: a start date and a number of working days give the due date by this instansi's
// calendar, with every day the count skipped and why, and a warning when the count runs into a year that has
// no holiday table yet (the date is then provisional).
import { Button, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { DateField } from '../../components/date-field.tsx'
import { ErrorBanner, Notice } from '../../components/error-banner.tsx'
import { LoadState } from '../../components/load-state.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx'
import { CalendarNav } from './calendar-nav.tsx'
import { deadlineQuery } from './calendar-queries.ts'
import type { Deadline, SkippedDay } from './calendar-types.ts'

/** Today in Asia/Jakarta as YYYY-MM-DD: the day a request arriving now is received. */
export function jakartaToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(now)
}

/** The legal deadlines people compute most (rules.md §12 A 1, E 31). */
const PRESETS: ReadonlyArray<{ label: MessageKey; days: number }> = [
  { label: 'deadline.preset.kip', days: 10 },
  { label: 'deadline.preset.kipExtended', days: 17 },
  { label: 'deadline.preset.laporFirst', days: 3 },
  { label: 'deadline.preset.laporPlan', days: 5 },
]

function Result({ deadline }: { deadline: Deadline }) {
  const { t, locale } = useI18n()
  const columns: DataTableColumn<SkippedDay>[] = [
    {
      key: 'date',
      header: t('calendar.date'),
      primary: true,
      noWrap: true,
      render: (day) => formatDate(day.date, locale, 'datetime'),
    },
    {
      key: 'reason',
      header: t('deadline.reason'),
      render: (day) =>
        day.name ? `${t(`skipReason.${day.reason}`)}: ${day.name}` : t(`skipReason.${day.reason}`),
    },
  ]
  return (
    <Stack gap="sm">
      <div>
        <Title order={3} size="h3" data-testid="deadline-due">
          {t('deadline.due', { date: formatDate(deadline.date, locale, 'datetime') })}
        </Title>
        <Text>
          {t('deadline.summary', {
            days: deadline.workingDays,
            start: formatDate(deadline.start, locale, 'datetime'),
          })}{' '}
          {deadline.cutiBersamaIsWorkingDay ? t('deadline.cutiCounted') : t('deadline.cutiNotCounted')}
        </Text>
      </div>
      {deadline.provisional ? (
        <Notice tone="warning">
          {t('deadline.provisional', { years: deadline.provisionalYears.join(', ') })}
        </Notice>
      ) : null}
      <Text fw={700} mt="xs" aria-hidden="true">
        {t('deadline.skipped', { count: deadline.skipped.length })}
      </Text>
      <DataTable
        caption={t('deadline.skipped', { count: deadline.skipped.length })}
        columns={columns}
        rows={deadline.skipped}
        rowKey={(day) => day.date}
        emptyText={t('deadline.noneSkipped')}
        pageSize={0}
        testId="deadline-skipped"
      />
    </Stack>
  )
}

export function DeadlinePage() {
  const { t } = useI18n()
  const [start, setStart] = useState(() => jakartaToday())
  const [days, setDays] = useState<string | number>(10)
  const [daysProblem, setDaysProblem] = useState<string | null>(null)
  const [asked, setAsked] = useState<{ start: string; workingDays: number } | null>(null)
  const deadline = useQuery({
    ...deadlineQuery(asked?.start ?? '', asked?.workingDays ?? 0),
    enabled: asked !== null,
  })

  const compute = (workingDays: number | string) => {
    const count = Number(workingDays)
    if (!Number.isInteger(count) || count < 0 || count > 1000 || workingDays === '') {
      setDaysProblem(t('deadline.daysInvalid'))
      return
    }
    setDaysProblem(null)
    setAsked({ start, workingDays: count })
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    compute(days)
  }

  return (
    <>
      <PageHeader title={t('nav.calendarDeadline')} description={t('deadline.intro')} />
      <CalendarNav />
      <Panel title={t('deadline.inputs')}>
        <form onSubmit={submit} noValidate>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="sm">
            <DateField label={t('deadline.start')} value={start} onChange={setStart} required />
            <NumberInput
              label={t('deadline.workingDays')}
              value={days}
              onChange={setDays}
              min={0}
              max={1000}
              allowDecimal={false}
              allowNegative={false}
              error={daysProblem}
              required
            />
            <Group align="flex-end">
              <Button type="submit" disabled={start === ''}>
                {t('deadline.compute')}
              </Button>
            </Group>
          </SimpleGrid>
        </form>
        <Text fw={500} size="sm" mt="md" id="deadline-presets">
          {t('deadline.presets')}
        </Text>
        <Group gap="xs" mt={4} role="group" aria-labelledby="deadline-presets" wrap="wrap">
          {PRESETS.map((preset) => (
            <Button
              key={preset.label}
              variant="default"
              size="compact-sm"
              disabled={start === ''}
              onClick={() => {
                setDays(preset.days)
                compute(preset.days)
              }}
            >
              {t(preset.label)}
            </Button>
          ))}
        </Group>
      </Panel>
      {asked ? (
        <Panel title={t('deadline.result')}>
          <LoadState loading={deadline.isPending} error={null} />
          <ErrorBanner error={deadline.error} />
          {deadline.data ? <Result deadline={deadline.data} /> : null}
        </Panel>
      ) : null}
    </>
  )
}
