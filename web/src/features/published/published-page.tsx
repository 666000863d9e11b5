// "Arsip terbit": every post that went out (or may have, or could not) to the instansi's accounts, in the units
// where the person reads posts — what, where, when, by whom, its link and its latest metrics — with search,
// filters (days in WIB), the server's sort and pages, the totals of the filtered set, and the same set as CSV.
import {
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Text,
  TextInput,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { POSTING_PLATFORMS } from '../../../../src/shared/platforms.ts'
import { PERMISSIONS } from '../../../../src/shared/permissions.ts'
import { isRole } from '../../../../src/shared/roles.ts'
import { PUBLISHED_REGISTRY_STATUSES } from '../../../../src/shared/statuses.ts'
import { api } from '../../app/api-client.ts'
import { useSession } from '../../app/session.tsx'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { DateField } from '../../components/date-field.tsx'
import { ErrorBanner } from '../../components/error-banner.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { platformLabel } from '../../components/vocabulary-labels.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { WHOLE_WORD_BADGE } from '../accounts/badge-style.ts'
import type { AccountPage } from '../accounts/account-types.ts'
import { UnitSelect } from '../units/unit-select.tsx'
import { useUnits } from '../units/units-queries.ts'
import {
  downloadPublishedCsv,
  EMPTY_PUBLISHED_FILTERS,
  PUBLISHED_PAGE_SIZE,
  publishedPageQuery,
  type PublishedFilters,
} from './published-queries.ts'
import type { PublishedItem, PublishedSortKey, PublishedStatus, PublishedTotals } from './published-types.ts'

const STATUS_COLOURS: Record<PublishedStatus, string> = {
  published: 'green',
  unconfirmed: 'orange',
  failed: 'red',
}
const SORT_KEYS: readonly PublishedSortKey[] = ['at', 'likes', 'shares', 'replies', 'views']

export function PublishedStatusBadge({ status }: { status: PublishedStatus }) {
  const { t } = useI18n()
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" radius="sm" style={WHOLE_WORD_BADGE}>
      {t(`published.status.${status}`)}
    </Badge>
  )
}

/** A count as people read it (12.345 in Indonesian), or a dash when the platform gave none. */
function useCount() {
  const { locale } = useI18n()
  const format = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB')
  return (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : format.format(value)
}

export function PublishedTotalsView({ totals }: { totals: PublishedTotals }) {
  const { t } = useI18n()
  const count = useCount()
  const figures = [
    ['posts', totals.posts],
    ['likes', totals.likes],
    ['shares', totals.shares],
    ['replies', totals.replies],
    ['views', totals.views],
  ] as const
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 5 }}
      spacing="xs"
      mb="md"
      component="dl"
      aria-label={t('published.totals')}
      data-testid="published-totals"
      style={{ margin: 0 }}
    >
      {figures.map(([key, value]) => (
        <Paper key={key} withBorder p="xs" radius="sm">
          <Text component="dt" size="xs" c="dimmed">
            {t(`published.total.${key}`)}
          </Text>
          <Text component="dd" fw={700} size="lg" m={0}>
            {count(value)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  )
}

export function MetricsCell({ item }: { item: PublishedItem }) {
  const { t, locale } = useI18n()
  const count = useCount()
  if (!item.metrics)
    return (
      <Text size="sm" c="dimmed">
        {item.status === 'published' ? t('published.noMetricsYet') : '—'}
      </Text>
    )
  return (
    <>
      <Text size="sm">
        {t('published.metricsLine', {
          likes: count(item.metrics.likes),
          shares: count(item.metrics.shares),
          replies: count(item.metrics.replies),
        })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('published.viewsLine', { views: count(item.metrics.views) })}
        {item.metricsAt ? ` · ${formatDate(item.metricsAt, locale, 'shortDatetime')}` : ''}
      </Text>
    </>
  )
}

export function PublishedPage() {
  const { t, locale } = useI18n()
  const [filters, setFilters] = useState<PublishedFilters>(EMPTY_PUBLISHED_FILTERS)
  // Typed filters follow a moment after typing stops, not on every key.
  const [debounced] = useDebouncedValue(filters, 300)
  const [offset, setOffset] = useState(0)
  const [exportError, setExportError] = useState<unknown>(null)
  const units = useUnits()
  const { me } = useSession()
  // The unit filter offers only the units whose posts the person reads (the server refuses any other).
  const readPaths = me.grants
    .filter((grant) => isRole(grant.role) && PERMISSIONS[grant.role].has('post.read'))
    .map((grant) => grant.unitPath)
  const unitOptions = units.options.filter(({ unit }) => readPaths.some((path) => unit.path.startsWith(path)))
  const accounts = useQuery({
    queryKey: ['accounts', 'published-filter'],
    queryFn: () => api.get<AccountPage>('/api/accounts?limit=500'),
  })
  const page = useQuery(publishedPageQuery(debounced, offset))
  const set = <K extends keyof PublishedFilters>(key: K, value: PublishedFilters[K]) => {
    setOffset(0)
    setFilters((previous) => ({ ...previous, [key]: value }))
  }
  const total = page.data?.total ?? 0
  const backwards = filters.from !== '' && filters.to !== '' && filters.from > filters.to

  const columns: DataTableColumn<PublishedItem>[] = [
    {
      key: 'title',
      header: t('published.post'),
      primary: true,
      render: (item) => (
        <>
          {item.title || t('posts.untitled')}
          <Text size="xs" c="dimmed" fw={400} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {item.text}
          </Text>
          {item.tags.length > 0 || item.campaign ? (
            <Text size="xs" c="dimmed" fw={400}>
              {[...item.tags.map((tag) => `#${tag}`), item.campaign ?? ''].filter(Boolean).join(' · ')}
            </Text>
          ) : null}
        </>
      ),
    },
    {
      key: 'account',
      header: t('published.where'),
      render: (item) => (
        <>
          <Text size="sm">{item.account.handle}</Text>
          <Text size="xs" c="dimmed">
            {platformLabel(item.account.platform)} · {item.unit.name}
          </Text>
        </>
      ),
    },
    {
      key: 'at',
      header: t('published.when'),
      noWrap: true,
      render: (item) => formatDate(item.at, locale, 'shortDatetime'),
    },
    { key: 'author', header: t('published.author'), render: (item) => item.author.name },
    {
      key: 'status',
      header: t('published.statusLabel'),
      render: (item) => (
        <Group gap={6} wrap="wrap">
          <PublishedStatusBadge status={item.status} />
          {item.url ? (
            <Anchor href={item.url} target="_blank" rel="noreferrer noopener" size="sm">
              {t('published.open')}
            </Anchor>
          ) : null}
        </Group>
      ),
    },
    { key: 'metrics', header: t('published.metrics'), render: (item) => <MetricsCell item={item} /> },
  ]

  return (
    <>
      <PageHeader
        title={t('published.title')}
        description={t('published.intro')}
        actions={
          <Button
            variant="default"
            onClick={() => {
              setExportError(null)
              downloadPublishedCsv(debounced).catch(setExportError)
            }}
          >
            {t('published.export')}
          </Button>
        }
      />
      {exportError ? <ErrorBanner error={exportError} /> : null}
      <Panel title={t('published.list')}>
        <Box role="group" aria-label={t('common.filters')} mb="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
            <TextInput
              label={t('published.search')}
              type="search"
              value={filters.q}
              placeholder={t('published.searchHint')}
              onChange={(event) => set('q', event.currentTarget.value)}
            />
            <UnitSelect
              label={t('published.unit')}
              options={unitOptions}
              emptyLabel={t('common.all')}
              value={filters.unitId}
              onChange={(event) => set('unitId', event.currentTarget.value)}
            />
            <NativeSelect
              label={t('published.account')}
              value={filters.accountId}
              onChange={(event) => set('accountId', event.currentTarget.value)}
              data={[
                { value: '', label: t('common.all') },
                ...(accounts.data?.items ?? [])
                  .filter((account) => (POSTING_PLATFORMS as readonly string[]).includes(account.platform))
                  .map((account) => ({
                    value: account.id,
                    label: `${account.handle} (${platformLabel(account.platform)})`,
                  })),
              ]}
            />
            <NativeSelect
              label={t('published.platform')}
              value={filters.platform}
              onChange={(event) => set('platform', event.currentTarget.value)}
              data={[
                { value: '', label: t('common.all') },
                ...POSTING_PLATFORMS.map((platform) => ({ value: platform, label: platformLabel(platform) })),
              ]}
            />
            <DateField
              label={t('published.from')}
              value={filters.from}
              onChange={(value) => set('from', value)}
            />
            <DateField
              label={t('published.to')}
              value={filters.to}
              onChange={(value) => set('to', value)}
              error={backwards ? t('published.periodBackwards') : undefined}
            />
            <TextInput
              label={t('published.tag')}
              value={filters.tag}
              onChange={(event) => set('tag', event.currentTarget.value)}
            />
            <TextInput
              label={t('published.campaign')}
              value={filters.campaign}
              onChange={(event) => set('campaign', event.currentTarget.value)}
            />
            <NativeSelect
              label={t('published.statusLabel')}
              value={filters.status}
              onChange={(event) => set('status', event.currentTarget.value)}
              data={[
                { value: '', label: t('common.all') },
                ...PUBLISHED_REGISTRY_STATUSES.map((status) => ({
                  value: status,
                  label: t(`published.status.${status}`),
                })),
              ]}
            />
            <NativeSelect
              label={t('published.sort')}
              value={filters.sort}
              onChange={(event) => set('sort', event.currentTarget.value as PublishedSortKey)}
              data={SORT_KEYS.map((key) => ({ value: key, label: t(`published.sortBy.${key}`) }))}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="xs">
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => {
                setOffset(0)
                setFilters(EMPTY_PUBLISHED_FILTERS)
              }}
            >
              {t('common.reset')}
            </Button>
          </Group>
        </Box>
        {page.data ? <PublishedTotalsView totals={page.data.totals} /> : null}
        <DataTable
          caption={t('published.list')}
          columns={columns}
          rows={page.data?.items}
          rowKey={(item) => item.variantId}
          emptyText={t('published.empty')}
          loading={page.isPending}
          error={page.error}
          testId="published-table"
          serverPaging={{
            label: t('published.range', {
              from: total === 0 ? 0 : offset + 1,
              to: Math.min(total, offset + PUBLISHED_PAGE_SIZE),
              total,
            }),
            hasPrevious: offset > 0,
            hasNext: offset + PUBLISHED_PAGE_SIZE < total,
            onPrevious: () => setOffset(Math.max(0, offset - PUBLISHED_PAGE_SIZE)),
            onNext: () => setOffset(offset + PUBLISHED_PAGE_SIZE),
          }}
        />
      </Panel>
    </>
  )
}
