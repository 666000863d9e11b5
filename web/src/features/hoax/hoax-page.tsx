// "Basis pengetahuan hoaks": the claims circulating about the instansi's work with its facts and the national
// label, which every draft is checked against. Everyone who reads posts sees the list (search, label and status
// filters, CSV export); the penanggung jawab also adds, changes, archives (with confirmation) and imports.
import { Badge, Box, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useDeferredValue, useState } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { useErrorText } from '../../components/api-error-text.ts'
import { useConfirm } from '../../components/confirm-dialog.tsx'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { ErrorText } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import { WHOLE_WORD_BADGE } from '../accounts/badge-style.ts'
import { useUnits } from '../units/units-queries.ts'
import { HOAX_LABELS, HoaxClaimForm } from './hoax-claim-form.tsx'
import { HoaxImportPanel } from './hoax-import-panel.tsx'
import { hoaxListQuery, hoaxRequests, useHoaxChange, type HoaxFilters } from './hoax-queries.ts'
import type { HoaxClaim, HoaxLabel } from './hoax-types.ts'

// Only red, green, orange and the app's own colour are tuned for AA contrast (app/theme.ts): misinformasi, the
// mildest label, takes the app's colour.
const LABEL_COLOURS: Record<HoaxLabel, string> = {
  hoaks: 'red',
  disinformasi: 'orange',
  misinformasi: 'warta',
}

export function HoaxLabelBadge({ label }: { label: HoaxLabel }) {
  const { t } = useI18n()
  return (
    <Badge color={LABEL_COLOURS[label]} variant="light" radius="sm" style={WHOLE_WORD_BADGE}>
      {t(`hoaxLabel.${label}`)}
    </Badge>
  )
}

export function HoaxPage() {
  const { t, locale } = useI18n()
  const [search, setSearch] = useState('')
  const [label, setLabel] = useState('')
  const [status, setStatus] = useState('active')
  const q = useDeferredValue(search)
  const filters: HoaxFilters = { q, label, status }
  const list = useQuery(hoaxListQuery(filters))
  const units = useUnits(true)
  const [editing, setEditing] = useState<HoaxClaim | 'new' | null>(null)
  const confirm = useConfirm()
  const archive = useHoaxChange(hoaxRequests.archive)
  const unarchive = useHoaxChange(hoaxRequests.unarchive)
  const changeError = useErrorText(archive.error ?? unarchive.error)
  const canManage = list.data?.canManage ?? false

  const askArchive = async (claim: HoaxClaim) => {
    const confirmed = await confirm({
      title: t('hoax.archiveTitle'),
      message: t('hoax.archiveMessage', { claim: claim.claim }),
      confirmLabel: t('hoax.archive'),
    })
    if (confirmed) archive.mutate(claim.id, { onSuccess: () => notifySuccess(t('hoax.archived')) })
  }

  const columns: DataTableColumn<HoaxClaim>[] = [
    {
      key: 'label',
      header: t('hoax.label'),
      sortValue: (claim) => claim.label,
      render: (claim) => <HoaxLabelBadge label={claim.label} />,
    },
    {
      key: 'claim',
      header: t('hoax.claim'),
      primary: true,
      sortValue: (claim) => claim.claim,
      render: (claim) => (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {claim.claim}
          </Text>
          <Text size="sm" c="dimmed" lineClamp={3}>
            {t('hoax.factsShort', { facts: claim.facts })}
          </Text>
          {claim.variants.length > 0 || claim.keywords.length > 0 ? (
            <Text size="xs" c="dimmed" data-testid="hoax-variants-keywords">
              {t('hoax.variantsAndKeywords', {
                variants: claim.variants.length,
                keywords: claim.keywords.join(', ') || '—',
              })}
            </Text>
          ) : null}
          {claim.sources.length > 0 ? (
            <Text size="xs">
              {claim.sources.map((source, index) => (
                <span key={source.url}>
                  {index > 0 ? ' · ' : ''}
                  <a href={source.url} target="_blank" rel="noreferrer noopener">
                    {source.title}
                  </a>
                </span>
              ))}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'units',
      header: t('hoax.units'),
      render: (claim) => (claim.units.length > 0 ? claim.units.map((unit) => unit.code).join(', ') : '—'),
    },
    {
      key: 'dates',
      header: t('hoax.dates'),
      noWrap: true,
      sortValue: (claim) => claim.firstSeenOn ?? '',
      render: (claim) => (
        <Stack gap={0}>
          <Text size="sm">{claim.firstSeenOn ? formatDate(claim.firstSeenOn, locale, 'date') : '—'}</Text>
          {claim.clarifiedOn ? (
            <Text size="xs" c="dimmed">
              {t('hoax.clarifiedShort', { date: formatDate(claim.clarifiedOn, locale, 'date') })}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            hideHeader: true,
            render: (claim: HoaxClaim) => (
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setEditing(claim)}
                  aria-label={t('hoax.editNamed', { claim: claim.claim.slice(0, 60) })}
                >
                  {t('hoax.edit')}
                </Button>
                {claim.status === 'active' ? (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => void askArchive(claim)}
                    aria-label={t('hoax.archiveNamed', { claim: claim.claim.slice(0, 60) })}
                  >
                    {t('hoax.archive')}
                  </Button>
                ) : (
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() =>
                      unarchive.mutate(claim.id, { onSuccess: () => notifySuccess(t('hoax.restored')) })
                    }
                  >
                    {t('hoax.restore')}
                  </Button>
                )}
              </Group>
            ),
          } satisfies DataTableColumn<HoaxClaim>,
        ]
      : []),
  ]

  return (
    <>
      <PageHeader
        title={t('nav.hoax')}
        description={t('hoax.intro')}
        actions={
          <Group gap="sm">
            {canManage ? <Button onClick={() => setEditing('new')}>{t('hoax.add')}</Button> : null}
            <Button variant="default" onClick={() => void hoaxRequests.exportCsv(filters)}>
              {t('hoax.export')}
            </Button>
          </Group>
        }
      />
      {editing ? (
        <HoaxClaimForm
          key={editing === 'new' ? 'new' : editing.id}
          claim={editing === 'new' ? null : editing}
          units={units.options}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <Panel title={t('hoax.list')}>
        <ErrorText>{changeError.banner}</ErrorText>
        <Box role="group" aria-label={t('common.filters')} mb="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="xs">
            <TextInput
              label={t('hoax.search')}
              type="search"
              placeholder={t('hoax.searchHint')}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
            />
            <NativeSelect
              label={t('hoax.label')}
              value={label}
              onChange={(event) => setLabel(event.currentTarget.value)}
              data={[
                { value: '', label: t('common.all') },
                ...HOAX_LABELS.map((value) => ({ value, label: t(`hoaxLabel.${value}`) })),
              ]}
            />
            <NativeSelect
              label={t('hoax.status')}
              value={status}
              onChange={(event) => setStatus(event.currentTarget.value)}
              data={[
                { value: 'active', label: t('hoaxStatus.active') },
                { value: 'archived', label: t('hoaxStatus.archived') },
                { value: '', label: t('common.all') },
              ]}
            />
          </SimpleGrid>
        </Box>
        <DataTable
          caption={t('hoax.list')}
          columns={columns}
          rows={list.data?.items}
          rowKey={(claim) => claim.id}
          emptyText={t('hoax.empty')}
          loading={list.isFetching}
          error={list.error}
          testId="hoax-claims"
        />
      </Panel>
      {canManage ? <HoaxImportPanel /> : null}
    </>
  )
}
