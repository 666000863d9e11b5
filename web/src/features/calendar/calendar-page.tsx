// The working-day calendar: national holidays and cuti bersama of a year, editable by the admin. Deadlines
// (inbox SLA, PPID) count working days against this table. Removing a day or dropping a local edit asks first.
import { ActionIcon, Badge, Button, Group, NativeSelect, SimpleGrid, Text, TextInput } from '@mantine/core'
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { CALENDAR_DAY_KINDS, type CalendarDayKind } from '../../../../src/shared/statuses.ts'
import { api } from '../../app/api-client.ts'
import { useSession } from '../../app/session.tsx'
import { useErrorText } from '../../components/api-error-text.ts'
import { useConfirm } from '../../components/confirm-dialog.tsx'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { DateField } from '../../components/date-field.tsx'
import { ErrorBanner, ErrorText, Notice } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { isCalendarDayKind } from '../../components/vocabulary-labels.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { CalendarDay, CalendarYear } from './calendar-types.ts'

export const CALENDAR_PATH = '/api/calendar'

export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', year] as const,
}

export function calendarYearQuery(year: number) {
  return queryOptions({
    queryKey: calendarKeys.year(year),
    queryFn: () => api.get<CalendarYear>(`${CALENDAR_PATH}?year=${year}`),
  })
}

function useCalendarChange<TVariables>(change: (variables: TVariables) => Promise<unknown>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
  })
}

const KIND_COLOURS: Record<CalendarDayKind, string> = {
  holiday: 'red',
  cuti_bersama: 'warta',
  regional_holiday: 'orange',
  working_day: 'green',
}

/** The kind of day, and whether this instansi changed the national table for it. */
function KindBadges({ day }: { day: CalendarDay }) {
  const { t } = useI18n()
  return (
    <Group gap={6} wrap="wrap" component="span">
      {isCalendarDayKind(day.kind) ? (
        <Badge color={KIND_COLOURS[day.kind]} variant="light">
          {t(`calendarKind.${day.kind}`)}
        </Badge>
      ) : (
        <Badge color="gray">{day.kind}</Badge>
      )}
      {day.source === 'instansi' ? (
        <Badge color="gray" variant="outline">
          {t('calendar.localEdit')}
        </Badge>
      ) : null}
    </Group>
  )
}

function DayForm({ year, day, onDone }: { year: number; day: CalendarDay | null; onDone: () => void }) {
  const { t, locale } = useI18n()
  const [date, setDate] = useState(day?.date ?? `${year}-01-01`)
  const [name, setName] = useState(day?.name ?? '')
  const [kind, setKind] = useState<CalendarDayKind>(day && isCalendarDayKind(day.kind) ? day.kind : 'holiday')
  const save = useCalendarChange((body: { date: string; name: string; kind: CalendarDayKind }) =>
    day ? api.patch(`${CALENDAR_PATH}/days/${day.date}`, body) : api.post(`${CALENDAR_PATH}/days`, body),
  )
  const error = useErrorText(save.error)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate(
      { date, name: name.trim(), kind },
      {
        onSuccess: () => {
          notifySuccess(t('calendar.saved', { date: formatDate(date, locale, 'date') }))
          onDone()
        },
      },
    )
  }

  return (
    <Panel title={day ? t('calendar.editDay') : t('calendar.addDay')} focusOnMount>
      <ErrorText>{error.banner}</ErrorText>
      <form onSubmit={submit} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="sm">
          <DateField
            label={t('calendar.date')}
            value={date}
            onChange={setDate}
            error={error.field('date')}
            required
          />
          <TextInput
            label={t('calendar.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={error.field('name')}
            required
          />
          <NativeSelect
            label={t('calendar.kind')}
            value={kind}
            onChange={(event) => {
              const next = event.currentTarget.value
              if (isCalendarDayKind(next)) setKind(next)
            }}
            error={error.field('kind')}
            data={CALENDAR_DAY_KINDS.map((value) => ({ value, label: t(`calendarKind.${value}`) }))}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm" mt="md">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </form>
    </Panel>
  )
}

export function CalendarPage() {
  const { t, locale } = useI18n()
  const { can } = useSession()
  const confirm = useConfirm()
  const canManage = can('calendar.manage')
  const [year, setYear] = useState(() => new Date().getFullYear())
  const [editing, setEditing] = useState<CalendarDay | 'new' | null>(null)
  const days = useQuery(calendarYearQuery(year))
  const reset = useCalendarChange((day: CalendarDay) => api.post(`${CALENDAR_PATH}/days/${day.date}/reset`))
  const remove = useCalendarChange((day: CalendarDay) => api.delete(`${CALENDAR_PATH}/days/${day.date}`))
  const actionError = reset.error ?? remove.error
  const dateText = (date: string) => formatDate(date, locale, 'date')

  const resetDay = async (day: CalendarDay) => {
    const confirmed = await confirm({
      title: t('calendar.resetConfirmTitle', { date: dateText(day.date) }),
      message: t('calendar.resetConfirm', { name: day.replaces?.name ?? day.name }),
      confirmLabel: t('calendar.reset'),
    })
    if (!confirmed) return
    remove.reset()
    reset.mutate(day, {
      onSuccess: () => notifySuccess(t('calendar.resetDone', { date: dateText(day.date) })),
    })
  }

  const removeDay = async (day: CalendarDay) => {
    const confirmed = await confirm({
      title: t('calendar.removeConfirmTitle', { name: day.name, date: dateText(day.date) }),
      message: t('calendar.removeConfirm'),
      confirmLabel: t('calendar.removeAction'),
    })
    if (!confirmed) return
    reset.reset()
    remove.mutate(day, {
      onSuccess: () => notifySuccess(t('calendar.removed', { date: dateText(day.date) })),
    })
  }

  const columns: DataTableColumn<CalendarDay>[] = [
    {
      key: 'date',
      header: t('calendar.date'),
      primary: true,
      noWrap: true,
      sortValue: (day) => day.date,
      render: (day) => formatDate(day.date, locale, 'datetime'),
    },
    { key: 'name', header: t('calendar.name'), sortValue: (day) => day.name, render: (day) => day.name },
    {
      key: 'kind',
      header: t('calendar.kind'),
      sortValue: (day) => day.kind,
      render: (day) => <KindBadges day={day} />,
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            hideHeader: true,
            render: (day: CalendarDay) => (
              <Group gap={6} wrap="wrap">
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => setEditing(day)}
                  aria-label={t('calendar.editNamed', { name: day.name, date: dateText(day.date) })}
                >
                  {t('common.edit')}
                </Button>
                {day.source === 'instansi' && day.replaces ? (
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => void resetDay(day)}
                    aria-label={t('calendar.resetNamed', {
                      name: day.replaces.name,
                      date: dateText(day.date),
                    })}
                  >
                    {t('calendar.reset')}
                  </Button>
                ) : null}
                <Button
                  size="compact-sm"
                  color="red"
                  variant="outline"
                  onClick={() => void removeDay(day)}
                  aria-label={t('calendar.removeNamed', { name: day.name, date: dateText(day.date) })}
                >
                  {t('common.remove')}
                </Button>
              </Group>
            ),
          },
        ]
      : []),
  ]

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        description={t('calendar.intro')}
        actions={
          <>
            <Group gap={4} role="group" aria-label={t('calendar.year')} wrap="nowrap">
              <ActionIcon
                variant="default"
                size="lg"
                onClick={() => setYear(year - 1)}
                aria-label={t('calendar.previousYear')}
              >
                ‹
              </ActionIcon>
              <Text fw={700} fz="lg" px="xs" aria-live="polite">
                {year}
              </Text>
              <ActionIcon
                variant="default"
                size="lg"
                onClick={() => setYear(year + 1)}
                aria-label={t('calendar.nextYear')}
              >
                ›
              </ActionIcon>
            </Group>
            {canManage ? <Button onClick={() => setEditing('new')}>{t('calendar.addDay')}</Button> : null}
          </>
        }
      />
      {editing ? (
        <DayForm
          key={editing === 'new' ? 'new' : editing.date}
          year={year}
          day={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
      {days.data && !days.data.hasTable ? <Notice>{t('calendar.noTable', { year })}</Notice> : null}
      <ErrorBanner error={actionError} />
      <Panel
        title={t('calendar.daysOfYear', { year })}
        description={
          days.data?.hasTable && days.data.source
            ? t('calendar.source', { source: days.data.source })
            : undefined
        }
      >
        <DataTable
          caption={t('calendar.daysOfYear', { year })}
          columns={columns}
          rows={days.data?.days}
          rowKey={(day) => day.date}
          emptyText={t('calendar.noDays')}
          loading={days.isPending}
          error={days.error}
          initialSort={{ key: 'date', direction: 'asc' }}
          pageSize={0}
          testId="calendar-days"
        />
      </Panel>
    </>
  )
}
