// The filters of the audit page, all choices: a period of whole days, and the actions, object types and actors
// the log holds, by their names (GET /api/audit/filters). A choice applies at once, like the other lists.
import { Button, NativeSelect, SimpleGrid } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { sortByText } from '../../components/indonesian-collation.ts'
import { DateField } from '../../components/date-field.tsx'
import { ErrorBanner } from '../../components/error-banner.tsx'
import { Panel } from '../../components/panel.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import {
  actorChoiceValue,
  hasFilters,
  isPeriodBackwards,
  NO_FILTERS,
  type AuditFilters,
} from './audit-filters.ts'
import { auditFilterChoicesQuery } from './audit-queries.ts'
import { actorChoiceText } from './audit-words.ts'

export function AuditFilterForm({
  filters,
  onChange,
}: {
  filters: AuditFilters
  onChange: (filters: AuditFilters) => void
}) {
  const { t, locale } = useI18n()
  const choices = useQuery(auditFilterChoicesQuery(locale))
  const set = (key: keyof AuditFilters, value: string) => onChange({ ...filters, [key]: value })
  const byLabel = <T extends { label: string }>(items: readonly T[] | undefined) =>
    sortByText(items ?? [], (item) => item.label)
  const actors = sortByText(
    (choices.data?.actors ?? []).map((actor) => ({
      value: actorChoiceValue(actor),
      label: actorChoiceText(actor, t),
    })),
    (actor) => actor.label,
  )
  return (
    <Panel
      title={t('common.filters')}
      actions={
        hasFilters(filters) ? (
          <Button variant="default" size="compact-sm" onClick={() => onChange(NO_FILTERS)}>
            {t('audit.clearFilters')}
          </Button>
        ) : null
      }
    >
      <ErrorBanner error={choices.error} />
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
        <DateField label={t('audit.from')} value={filters.from} onChange={(value) => set('from', value)} />
        <DateField
          label={t('audit.to')}
          value={filters.to}
          onChange={(value) => set('to', value)}
          error={isPeriodBackwards(filters) ? t('audit.periodBackwards') : undefined}
        />
        <NativeSelect
          label={t('audit.action')}
          value={filters.action}
          onChange={(event) => set('action', event.currentTarget.value)}
          data={[{ value: '', label: t('audit.allActions') }, ...byLabel(choices.data?.actions)]}
        />
        <NativeSelect
          label={t('audit.objectType')}
          value={filters.objectType}
          onChange={(event) => set('objectType', event.currentTarget.value)}
          data={[{ value: '', label: t('audit.allObjectTypes') }, ...byLabel(choices.data?.objectTypes)]}
        />
        <NativeSelect
          label={t('audit.actor')}
          value={filters.actor}
          onChange={(event) => set('actor', event.currentTarget.value)}
          data={[{ value: '', label: t('audit.allActors') }, ...actors]}
        />
      </SimpleGrid>
    </Panel>
  )
}
