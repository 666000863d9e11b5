// The warning that this year or next has no holiday table yet (deadlines into it are provisional), with the way
// to import one for whoever may (rules.md §12 G 39: the admin is alerted).
import { PAGES } from '../../app/pages.ts'
import { useSession } from '../../app/session.tsx'
import { Notice } from '../../components/error-banner.tsx'
import { AnchorLink } from '../../components/router-links.tsx'
import { useI18n } from '../../i18n/i18n.tsx'

export function MissingTableWarning({ years }: { years: readonly number[] }) {
  const { t } = useI18n()
  const { can } = useSession()
  if (years.length === 0) return null
  return (
    <Notice tone="warning">
      {t('calendar.missingTables', { years: years.join(', ') })}{' '}
      {can('calendar.manage') ? (
        <AnchorLink to={PAGES.calendarImport.path} search={{ year: years[0] }}>
          {t('calendar.importYear', { year: years[0]! })}
        </AnchorLink>
      ) : null}
    </Notice>
  )
}
