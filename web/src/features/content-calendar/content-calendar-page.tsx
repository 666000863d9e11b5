// "Kalender konten": the instansi's posts by their scheduled or published time in a month, week or list view
// (FullCalendar), within the units the user may read. Each post shows its status in words beside its colour, its
// title and its accounts. An approved post can be dragged, or opened and given a new time, to reschedule it: the
// chain may send it back for approval, and the user is told which happened; a refused move goes back where it
// was, with the reason in words. Filters, zone (WIB / WITA / WIT), view and date live in the URL. National
// holidays and the instansi's libur daerah (the working-day calendar) are shown as background days.
import FullCalendar, {
  type CalendarRef,
  type DatesSetInfo,
  type EventDisplayInfo,
  type EventDropInfo,
  type EventInput,
} from '@fullcalendar/react'
import dayGridPlugin from '@fullcalendar/react/daygrid'
import interactionPlugin from '@fullcalendar/react/interaction'
import listPlugin from '@fullcalendar/react/list'
import enLocale from '@fullcalendar/react/locales/en-gb'
import idLocale from '@fullcalendar/react/locales/id'
import classicThemePlugin from '@fullcalendar/react/themes/classic'
import timeGridPlugin from '@fullcalendar/react/timegrid'
import '@fullcalendar/react/skeleton.css'
import '@fullcalendar/react/themes/classic/theme.css'
import '@fullcalendar/react/themes/classic/palette.css'
import {
  Button,
  Group,
  Modal,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { useQueries, useQuery } from '@tanstack/react-query'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useMemo, useRef, useState } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { POSTING_PLATFORMS } from '../../../../src/shared/platforms.ts'
import { POST_STATUSES, type PostStatus } from '../../../../src/shared/statuses.ts'
import { PAGES } from '../../app/pages.ts'
import { ErrorBanner, Notice } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { AnchorLink } from '../../components/router-links.tsx'
import { platformLabel } from '../../components/vocabulary-labels.ts'
import { useI18n, type Translate } from '../../i18n/i18n.tsx'
import { calendarYearQuery } from '../calendar/calendar-queries.ts'
import { UnitSelect } from '../units/unit-select.tsx'
import { useUnits } from '../units/units-queries.ts'
import {
  calendarPostsQuery,
  filterAccountsQuery,
  useReschedule,
  type RescheduleInput,
} from './content-calendar-queries.ts'
import {
  fromWallClock,
  fromZoneInput,
  toWallClock,
  toZoneInput,
  ZONE_LABELS,
  zoneOfLabel,
  zoneTime,
  type ZoneLabel,
} from './content-calendar-time.ts'
import type {
  CalendarPost,
  ContentCalendarFilters,
  ContentCalendarSearch,
  ContentCalendarView,
} from './content-calendar-types.ts'

/**
 * Colours by status, always beside the status in words (never the only sign). Each carries white text at 4.5:1 or
 * more (the week view fills the event with it); Mantine's own yellow, orange and green shades do not, hence hex.
 */
const STATUS_COLOURS: Record<PostStatus, string> = {
  draft: 'var(--mantine-color-gray-7)',
  in_review: '#8a5a00',
  changes_requested: '#9c3d00',
  approved: 'var(--mantine-color-teal-9)',
  scheduled: 'var(--mantine-color-blue-8)',
  published: '#1f6b30',
  failed: 'var(--mantine-color-red-9)',
  expired: 'var(--mantine-color-gray-8)',
  cancelled: 'var(--mantine-color-gray-8)',
}

const FULLCALENDAR_VIEWS: Record<ContentCalendarView, string> = {
  month: 'dayGridMonth',
  week: 'timeGridWeek',
  list: 'listWeek',
}

function viewOfFullCalendar(type: string): ContentCalendarView {
  return (
    (Object.entries(FULLCALENDAR_VIEWS).find(([, name]) => name === type)?.[0] as
      ContentCalendarView | undefined) ?? 'month'
  )
}

function accountsText(post: CalendarPost): string {
  return post.variants.map((variant) => `${platformLabel(variant.platform)} ${variant.handle}`).join(', ')
}

/** One post on the calendar: time, status in words, title, accounts. */
function EventBody({ post, zone, t }: { post: CalendarPost; zone: ZoneLabel; t: Translate }) {
  return (
    <span className="content-calendar-event" data-testid="calendar-post" data-post-id={post.id}>
      <span className="content-calendar-event-time">{zoneTime(post.at, zoneOfLabel(zone))}</span>{' '}
      <span className="content-calendar-event-status">{t(`postStatus.${post.status}`)}</span>{' '}
      <span className="content-calendar-event-title">{post.title}</span>{' '}
      <span className="content-calendar-event-accounts">
        · {post.variants.map((variant) => platformLabel(variant.platform)).join(', ')}
      </span>
    </span>
  )
}

/** Opened from a post: its details, and a new time for one the user may move (the keyboard's way to drag). */
function PostDialog({
  post,
  zone,
  onClose,
  onMove,
  moving,
  error,
}: {
  post: CalendarPost | null
  zone: ZoneLabel
  onClose: () => void
  onMove: (input: RescheduleInput) => void
  moving: boolean
  error: unknown
}) {
  const { t, locale } = useI18n()
  const timeZone = zoneOfLabel(zone)
  // The dialog is keyed by the post, so the field starts at the post's time each time it opens.
  const [value, setValue] = useState(() => (post ? toZoneInput(post.at, timeZone) : ''))
  const iso = fromZoneInput(value, timeZone)
  return (
    <Modal
      opened={post !== null}
      onClose={onClose}
      title={post?.title ?? ''}
      size="lg"
      data-testid="calendar-post-dialog"
    >
      {post ? (
        <Stack gap="sm">
          <Text size="sm">
            {t('contentCalendar.statusLine', {
              status: t(`postStatus.${post.status}`),
              unit: post.unit.name,
            })}
          </Text>
          <Text size="sm">
            {post.publishedAt
              ? t('contentCalendar.publishedAt', {
                  at: formatDate(post.publishedAt, locale, 'datetime', timeZone),
                })
              : t('contentCalendar.scheduledAt', { at: formatDate(post.at, locale, 'datetime', timeZone) })}
          </Text>
          <Text size="sm">{t('contentCalendar.accounts', { accounts: accountsText(post) })}</Text>
          {post.movable ? (
            <form
              onSubmit={(event) => {
                event.preventDefault()
                if (iso) onMove({ id: post.id, version: post.version, scheduledAt: iso })
              }}
            >
              <Stack gap="xs">
                <TextInput
                  type="datetime-local"
                  label={t('contentCalendar.newTime', { zone })}
                  description={t('contentCalendar.newTimeHint')}
                  value={value}
                  onChange={(event) => setValue(event.currentTarget.value)}
                  data-testid="calendar-new-time"
                />
                <ErrorBanner error={error} />
                <Group>
                  <Button type="submit" loading={moving} disabled={!iso} data-testid="calendar-move">
                    {t('contentCalendar.move')}
                  </Button>
                </Group>
              </Stack>
            </form>
          ) : (
            <Text size="sm" c="dimmed">
              {t('contentCalendar.notMovable')}
            </Text>
          )}
        </Stack>
      ) : null}
    </Modal>
  )
}

function yearsBetween(from: string, to: string): number[] {
  const first = Number(from.slice(0, 4))
  const last = Number(to.slice(0, 4))
  return first === last ? [first] : [first, last]
}

export function ContentCalendarPage() {
  const { t, locale } = useI18n()
  const search: ContentCalendarSearch = useSearch({ from: '/kalender-konten' })
  const navigate = useNavigate({ from: '/kalender-konten' })
  const phone = useMediaQuery('(max-width: 40em)', false, { getInitialValueInEffect: false })
  const zone: ZoneLabel = search.tz ?? 'WIB'
  const timeZone = zoneOfLabel(zone)
  const view: ContentCalendarView = search.view ?? (phone ? 'list' : 'month')
  const filters: ContentCalendarFilters = {
    unit: search.unit,
    account: search.account,
    platform: search.platform,
    status: search.status,
  }
  const calendarRef = useRef<CalendarRef>(null)
  // The range in view as instants ([from, to) of the zone's midnights), set by the calendar.
  const [range, setRange] = useState<{ from: string; to: string } | null>(null)
  const [opened, setOpened] = useState<CalendarPost | null>(null)
  const reschedule = useReschedule()
  const [dropError, setDropError] = useState<unknown>(null)

  const units = useUnits()
  const accounts = useQuery(filterAccountsQuery)
  const posts = useQuery({
    ...calendarPostsQuery(range?.from ?? '', range?.to ?? '', filters),
    enabled: range !== null,
  })
  const years = range ? yearsBetween(range.from, toWallClock(range.to, timeZone).toISOString()) : []
  const holidayYears = useQueries({ queries: years.map((year) => calendarYearQuery(year)) })

  const setSearch = (change: Partial<ContentCalendarSearch>) =>
    void navigate({
      search: (previous: ContentCalendarSearch) => {
        const next: Record<string, string | undefined> = { ...previous, ...change }
        for (const key of Object.keys(next)) if (!next[key]) delete next[key]
        return next
      },
      replace: true,
    })

  const postEvents: EventInput[] = useMemo(
    () =>
      (posts.data?.items ?? []).map((post) => ({
        id: post.id,
        title: `${t(`postStatus.${post.status}`)}: ${post.title}`,
        start: toWallClock(post.at, timeZone),
        allDay: false,
        startEditable: post.movable,
        durationEditable: false,
        color: STATUS_COLOURS[post.status],
        contrastColor: '#fff',
        extendedProps: { post },
      })),
    [posts.data, timeZone, t],
  )
  const holidayEvents: EventInput[] = holidayYears.flatMap((year) =>
    (year.data?.days ?? [])
      .filter((day) => !day.removed && day.kind !== 'working_day')
      .map((day) => ({
        id: `holiday-${day.date}`,
        title: day.name,
        start: day.date,
        allDay: true,
        display: 'background',
        color: 'var(--mantine-color-red-1)',
        className: 'content-calendar-holiday',
        extendedProps: { holiday: day },
      })),
  )
  const missingYears = holidayYears.flatMap((year) =>
    year.data && !year.data.hasTable ? [year.data.year] : [],
  )

  const move = (input: RescheduleInput, revert?: () => void) => {
    setDropError(null)
    reschedule.mutate(input, {
      onSuccess: (post) => {
        setOpened(null)
        const at = post.scheduledAt ? formatDate(post.scheduledAt, locale, 'datetime', timeZone) : ''
        notifySuccess(
          post.status === 'in_review'
            ? t('contentCalendar.backToApproval', { title: post.title, at })
            : t('contentCalendar.rescheduled', { title: post.title, at }),
        )
      },
      onError: (error) => {
        revert?.()
        setDropError(error)
      },
    })
  }

  const onDrop = (info: EventDropInfo) => {
    const post = (info.event.extendedProps as { post?: CalendarPost }).post
    if (!post || !info.event.start) return info.revert()
    move(
      { id: post.id, version: post.version, scheduledAt: fromWallClock(info.event.start, timeZone) },
      info.revert,
    )
  }

  const onDatesSet = (info: DatesSetInfo) => {
    const from = fromWallClock(info.start, timeZone)
    const to = fromWallClock(info.end, timeZone)
    setRange((current) => (current?.from === from && current.to === to ? current : { from, to }))
    // The first day in view (a wall-clock date of the zone), so a reload or a shared link opens the same page.
    const nextView = viewOfFullCalendar(info.view.type)
    const date = info.view.currentStart.toISOString().slice(0, 10)
    if (nextView !== view || date !== search.date) setSearch({ view: nextView, date })
  }

  const accountOptions = (accounts.data?.items ?? [])
    .filter((account) => (POSTING_PLATFORMS as readonly string[]).includes(account.platform))
    .map((account) => ({
      value: account.id,
      label: `${platformLabel(account.platform)} · ${account.handle}`,
    }))

  return (
    <>
      <PageHeader
        title={t('nav.contentCalendar')}
        description={
          <>
            {t('contentCalendar.intro')}{' '}
            <AnchorLink to={PAGES.calendar.path}>{t('contentCalendar.workingDaysLink')}</AnchorLink>
          </>
        }
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <UnitSelect
            label={t('contentCalendar.filterUnit')}
            options={units.options}
            emptyLabel={t('contentCalendar.all')}
            value={filters.unit ?? ''}
            onChange={(event) => setSearch({ unit: event.currentTarget.value })}
          />
          <NativeSelect
            label={t('contentCalendar.filterAccount')}
            data={[{ value: '', label: t('contentCalendar.all') }, ...accountOptions]}
            value={filters.account ?? ''}
            onChange={(event) => setSearch({ account: event.currentTarget.value })}
          />
          <NativeSelect
            label={t('contentCalendar.filterPlatform')}
            data={[
              { value: '', label: t('contentCalendar.all') },
              ...POSTING_PLATFORMS.map((platform) => ({ value: platform, label: platformLabel(platform) })),
            ]}
            value={filters.platform ?? ''}
            onChange={(event) => setSearch({ platform: event.currentTarget.value })}
          />
          <NativeSelect
            label={t('contentCalendar.filterStatus')}
            data={[
              { value: '', label: t('contentCalendar.all') },
              ...POST_STATUSES.map((status) => ({ value: status, label: t(`postStatus.${status}`) })),
            ]}
            value={filters.status ?? ''}
            onChange={(event) => setSearch({ status: event.currentTarget.value })}
          />
        </SimpleGrid>
        <Group gap="md" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="content-calendar-zone">
              {t('contentCalendar.zone')}
            </Text>
            <SegmentedControl
              aria-labelledby="content-calendar-zone"
              data={ZONE_LABELS.map((label) => ({ value: label, label }))}
              value={zone}
              onChange={(value) => setSearch({ tz: value === 'WIB' ? undefined : value })}
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="content-calendar-view">
              {t('contentCalendar.view')}
            </Text>
            <SegmentedControl
              aria-labelledby="content-calendar-view"
              data={(['month', 'week', 'list'] as const).map((value) => ({
                value,
                label: t(`contentCalendar.view.${value}`),
              }))}
              value={view}
              onChange={(value) => {
                calendarRef.current?.getApi().changeView(FULLCALENDAR_VIEWS[value])
                setSearch({ view: value })
              }}
            />
          </Stack>
        </Group>
        {missingYears.map((year) => (
          <Notice key={year} tone="warning">
            {t('contentCalendar.noHolidayTable', { year })}
          </Notice>
        ))}
        <ErrorBanner error={dropError ?? posts.error} />
        {posts.data?.truncated ? <Notice tone="warning">{t('contentCalendar.truncated')}</Notice> : null}
        <div className="content-calendar" data-testid="content-calendar" aria-busy={posts.isFetching}>
          <FullCalendar
            ref={calendarRef}
            plugins={[classicThemePlugin, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
            initialView={FULLCALENDAR_VIEWS[view]}
            initialDate={search.date}
            timeZone="UTC"
            locale={locale === 'id' ? idLocale : enLocale}
            headerToolbar={{ start: 'prev,today,next', center: 'title', end: '' }}
            height="auto"
            // Days of the neighbouring months are left blank: their faded numbers fail contrast, and a drag onto
            // them would move a post out of the month in view.
            showNonCurrentDates={false}
            events={[...holidayEvents, ...postEvents]}
            editable
            eventDurationEditable={false}
            eventContent={(info: EventDisplayInfo) => {
              const post = (info.event.extendedProps as { post?: CalendarPost }).post
              if (!post) return <span className="content-calendar-holiday-name">{info.event.title}</span>
              return <EventBody post={post} zone={zone} t={t} />
            }}
            eventClick={(info) => {
              const post = (info.event.extendedProps as { post?: CalendarPost }).post
              if (!post) return
              info.jsEvent.preventDefault()
              reschedule.reset()
              setOpened(post)
            }}
            eventDrop={onDrop}
            datesSet={onDatesSet}
            nowIndicator
            slotHeaderFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
            eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          />
        </div>
        <Text size="sm" c="dimmed">
          {t('contentCalendar.dragHint', { zone })}
        </Text>
      </Stack>
      <PostDialog
        key={opened?.id ?? 'none'}
        post={opened}
        zone={zone}
        onClose={() => setOpened(null)}
        onMove={(input) => move(input)}
        moving={reschedule.isPending}
        error={reschedule.error}
      />
    </>
  )
}
