// Whom an agenda item goes to: units (each alone, or with every unit below it) and, besides, single accounts.
// The server keeps only what lies in the manager's scope and skips units or accounts that have a task already.
import { Checkbox, MultiSelect, Stack } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { POSTING_PLATFORMS } from '../../../../src/shared/platforms.ts'
import { api } from '../../app/api-client.ts'
import { platformLabel } from '../../components/vocabulary-labels.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { AccountPage } from '../accounts/account-types.ts'
import { useUnits } from '../units/units-queries.ts'
import type { AgendaTargets } from './agenda-types.ts'

export interface TargetsValue {
  unitIds: string[]
  withSubtree: boolean
  accountIds: string[]
}

export const NO_TARGETS: TargetsValue = { unitIds: [], withSubtree: true, accountIds: [] }

/** The form's choice as the API's targets: the chosen units alone, or with the units below them. */
export function targetsBody(value: TargetsValue): AgendaTargets {
  return value.withSubtree
    ? { unitIds: [], subtreeUnitIds: value.unitIds, accountIds: value.accountIds }
    : { unitIds: value.unitIds, subtreeUnitIds: [], accountIds: value.accountIds }
}

export function AgendaTargetsField({
  value,
  onChange,
  error,
}: {
  value: TargetsValue
  onChange: (value: TargetsValue) => void
  error?: string | undefined
}) {
  const { t } = useI18n()
  const units = useUnits()
  const accounts = useQuery({
    queryKey: ['accounts', 'agenda-targets'],
    queryFn: () => api.get<AccountPage>('/api/accounts?status=active&limit=500'),
  })
  const accountOptions = (accounts.data?.items ?? [])
    .filter((account) => (POSTING_PLATFORMS as readonly string[]).includes(account.platform))
    .map((account) => ({
      value: account.id,
      label: `${platformLabel(account.platform)} · ${account.handle} (${account.unit.name})`,
    }))
  return (
    <Stack gap="xs">
      <MultiSelect
        label={t('agenda.targetUnits')}
        description={t('agenda.targetUnitsHint')}
        data={units.options.map(({ unit, depth }) => ({
          value: unit.id,
          label: `${'— '.repeat(depth)}${unit.name} (${unit.code})`,
        }))}
        value={value.unitIds}
        onChange={(unitIds) => onChange({ ...value, unitIds })}
        searchable
        error={error}
      />
      <Checkbox
        label={t('agenda.withSubtree')}
        checked={value.withSubtree}
        onChange={(event) => onChange({ ...value, withSubtree: event.currentTarget.checked })}
      />
      <MultiSelect
        label={t('agenda.targetAccounts')}
        description={t('agenda.targetAccountsHint')}
        data={accountOptions}
        value={value.accountIds}
        onChange={(accountIds) => onChange({ ...value, accountIds })}
        searchable
      />
    </Stack>
  )
}
