// The calendar's own pages, one link each under the page heading: the holidays of a year, the deadline
// calculator, the settings every deadline uses, and (for the admin) the import of a year's table; and the way to
// the content calendar, which shows these holidays behind the posts.
import { Group } from '@mantine/core'
import { useLocation } from '@tanstack/react-router'
import { PAGES } from '../../app/pages.ts'
import { useSession } from '../../app/session.tsx'
import { ButtonLink } from '../../components/router-links.tsx'
import { useI18n } from '../../i18n/i18n.tsx'

const SECTIONS = [
  { page: PAGES.calendar, label: 'nav.calendarDays' },
  { page: PAGES.calendarDeadline, label: 'nav.calendarDeadline' },
  { page: PAGES.calendarSettings, label: 'nav.calendarSettings' },
  { page: PAGES.calendarImport, label: 'nav.calendarImport' },
] as const

export function CalendarNav() {
  const { t } = useI18n()
  const { can } = useSession()
  const pathname = useLocation({ select: (location) => location.pathname })
  return (
    <Group component="nav" aria-label={t('calendar.sections')} gap="xs" mb="md" wrap="wrap">
      {SECTIONS.filter(({ page }) => page.action === null || can(page.action)).map(({ page, label }) => {
        const current = pathname === page.path
        return (
          <ButtonLink
            key={page.path}
            to={page.path}
            activeOptions={{ exact: true }}
            size="compact-md"
            variant={current ? 'filled' : 'default'}
            aria-current={current ? 'page' : undefined}
          >
            {t(label)}
          </ButtonLink>
        )
      })}
      {can(PAGES.contentCalendar.action) ? (
        <ButtonLink to={PAGES.contentCalendar.path} size="compact-md" variant="subtle">
          {t('nav.contentCalendar')}
        </ButtonLink>
      ) : null}
    </Group>
  )
}
