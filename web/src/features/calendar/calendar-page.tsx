// The working-day calendar: national holidays and cuti bersama of a year with this instansi's own days (libur
// daerah, hari kerja pengganti), editable by the admin. Deadlines (inbox SLA, PPID) count working days against
// it. Removing a day asks first; a removed national day stays listed by its name and can be restored.
import { ActionIcon, Badge, Button, Group, NativeSelect, SimpleGrid, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { CALENDAR_DAY_KINDS, type CalendarDayKind } from '../../../../src/shared/statuses.ts'
import { PAGES } from '../../app/pages.ts'
import { useSession } from '../../app/session.tsx'
import { useErrorText } from '../../components/api-error-text.ts'
import { useConfirm } from '../../components/confirm-dialog.tsx'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { DateField } from '../../components/date-field.tsx'
import { ErrorBanner, ErrorText, Notice } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { AnchorLink } from '../../components/router-links.tsx'
import { Panel } from '../../components/panel.tsx'
import { isCalendarDayKind } from '../../components/vocabulary-labels.ts'
import { useI18n, type Translate } from '../../i18n/i18n.tsx'
import { CalendarNav } from './calendar-nav.tsx'
import { MissingTableWarning } from './missing-table-warning.tsx'
import { calendarRequests, calendarYearQuery, useCalendarChange, type DayBody } from './calendar-queries.ts'
import type { CalendarDay } from './calendar-types.ts'

const KIND_COLOURS: Record<CalendarDayKind, string> = {
  holiday: 'red',
  cuti_bersama: 'warta',
  regional_holiday: 'orange',
  working_day: 'green',
}

/** The kind of day, and whether this instansi changed the national table for it. */
function KindBadges({ day }: { day: CalendarDay }) {
  const { t } = useI18n()
  if (day.removed)
    return (
      <Badge color="gray" variant="outline">
        {t('calendar.removedBadge')}
      </Badge>
    )
  return (
    <Group gap={6} wrap="wrap" component="span">
      <Badge color={KIND_COLOURS[day.kind]} variant="light">
        {t(`calendarKind.${day.kind}`)}
      </Badge>
      {day.source === 'instansi' ? (
        <Badge color="gray" variant="outline">
          {day.replaces ? t('calendar.localEdit') : t('calendar.localAdded')}
        </Badge>
      ) : null}
    </Group>
  )
}

/** The name a day is shown by: a removed national day keeps the name it had. */
function dayName(day: CalendarDay, t: Translate): string {
  return day.removed ? t('calendar.removedName', { name: day.replaces?.name ?? day.name }) : day.name
}

/** What the toast says after saving: a replacement working day is named as such, not as a holiday. */
function savedMessage(kind: CalendarDayKind, added: boolean, date: string, t: Translate): string {
  if (kind === 'working_day')
    return added ? t('calendar.savedWorkingDay', { date }) : t('calendar.updatedWorkingDay', { date })
  if (kind === 'regional_holiday') return t('calendar.savedRegional', { date })
  return t('calendar.saved', { date })
}

function DayForm({ year, day, onDone }: { year: number; day: CalendarDay | null; onDone: () => void }) {
  const { t, locale } = useI18n()
  const [date, setDate] = useState(day?.date ?? `${year}-01-01`)
  const [name, setName] = useState(day?.name ?? '')
  const [kind, setKind] = useState<CalendarDayKind>(day?.kind ?? 'holiday')
  const save = useCalendarChange((body: DayBody) =>
    day ? calendarRequests.update({ ...body, original: day.date }) : calendarRequests.add(body),
  )
  const error = useErrorText(save.error)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate(
      { date, name: name.trim(), kind },
      {
        onSuccess: () => {
          notifySuccess(savedMessage(kind, day === null, formatDate(date, locale, 'date'), t))
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
            description={kind === 'working_day' ? t('calendar.kindHint') : undefined}
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
  const reset = useCalendarChange((day: CalendarDay) => calendarRequests.reset(day.date))
  const remove = useCalendarChange((day: CalendarDay) => calendarRequests.remove(day.date))
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

  // Restoring a removed national day takes nothing away, so it needs no confirmation.
  const restoreDay = (day: CalendarDay) => {
    remove.reset()
    reset.mutate(day, {
      onSuccess: () =>
        notifySuccess(
          t('calendar.restored', { name: day.replaces?.name ?? day.name, date: dateText(day.date) }),
        ),
    })
  }

  const removeDay = async (day: CalendarDay) => {
    const national = day.source === 'national' || day.replaces !== undefined
    const workingDay = day.kind === 'working_day'
    const confirmed = await confirm({
      title: t('calendar.removeConfirmTitle', { name: day.name, date: dateText(day.date) }),
      message: workingDay
        ? t('calendar.removeConfirmWorkingDay')
        : national
          ? t('calendar.removeConfirmNational', { name: day.replaces?.name ?? day.name })
          : t('calendar.removeConfirm'),
      confirmLabel: workingDay ? t('calendar.removeWorkingDayAction') : t('calendar.removeAction'),
    })
    if (!confirmed) return
    reset.reset()
    remove.mutate(day, {
      onSuccess: () =>
        notifySuccess(
          workingDay
            ? t('calendar.removedWorkingDay', { date: dateText(day.date) })
            : national
              ? t('calendar.removedNational', { name: day.name, date: dateText(day.date) })
              : t('calendar.removed', { date: dateText(day.date) }),
        ),
    })
  }

  const actions = (day: CalendarDay) => {
    const shownName = dayName(day, t)
    if (day.removed)
      return (
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => restoreDay(day)}
          aria-label={t('calendar.restoreNamed', {
            name: day.replaces?.name ?? day.name,
            date: dateText(day.date),
          })}
        >
          {t('calendar.restore')}
        </Button>
      )
    return (
      <Group gap={6} wrap="wrap">
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => setEditing(day)}
          aria-label={t('calendar.editNamed', { name: shownName, date: dateText(day.date) })}
        >
          {t('common.edit')}
        </Button>
        {day.source === 'instansi' && day.replaces ? (
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => void resetDay(day)}
            aria-label={t('calendar.resetNamed', { name: day.replaces.name, date: dateText(day.date) })}
          >
            {t('calendar.reset')}
          </Button>
        ) : null}
        <Button
          size="compact-sm"
          color="red"
          variant="outline"
          onClick={() => void removeDay(day)}
          aria-label={t('calendar.removeNamed', { name: shownName, date: dateText(day.date) })}
        >
          {t('common.remove')}
        </Button>
      </Group>
    )
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
    {
      key: 'name',
      header: t('calendar.name'),
      sortValue: (day) => dayName(day, t),
      render: (day) =>
        day.removed ? (
          <>
            {dayName(day, t)}
            <Text size="xs" c="dimmed">
              {t('calendar.removedHint')}
            </Text>
          </>
        ) : (
          day.name
        ),
    },
    {
      key: 'kind',
      header: t('calendar.kind'),
      sortValue: (day) => (day.removed ? 'zz' : day.kind),
      render: (day) => <KindBadges day={day} />,
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            hideHeader: true,
            render: actions,
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
      <CalendarNav />
      {editing ? (
        <DayForm
          key={editing === 'new' ? 'new' : editing.date}
          year={year}
          day={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
      {days.data && !days.data.hasTable ? (
        <Notice tone="warning">
          {t('calendar.noTable', { year })}{' '}
          {canManage ? (
            <AnchorLink to={PAGES.calendarImport.path} search={{ year }}>
              {t('calendar.importYear', { year })}
            </AnchorLink>
          ) : null}
        </Notice>
      ) : (
        <MissingTableWarning years={days.data?.missingTables ?? []} />
      )}
      <ErrorBanner error={actionError} />
      <Panel
        title={t('calendar.daysOfYear', { year })}
        description={
          days.data?.source
            ? t('calendar.source', { source: days.data.source })
            : days.data?.declaredComplete
              ? t('calendar.sourceInstansi')
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
