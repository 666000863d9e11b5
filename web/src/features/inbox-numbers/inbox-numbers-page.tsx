// "Angka kotak masuk": what an office reports about answering citizens (rules.md rule 41) — how fast the first
// reply came (median and 90th percentile), how many were answered within the reply target, per unit and per
// account, what is still owed and for how long, and what people wrote about (intent, sentiment) — for a period of
// WIB days over the units whose reports the person reads, and the same as CSV; and the PPID cases received in the
// period against the UU KIP clock.
import { Box, Button, Group, NativeSelect, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { INBOX_INTENTS, INBOX_SENTIMENTS } from '../../../../src/shared/inbox-labels.ts'
import { PERMISSIONS } from '../../../../src/shared/permissions.ts'
import { isRole } from '../../../../src/shared/roles.ts'
import { api } from '../../app/api-client.ts'
import { useSession } from '../../app/session.tsx'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { DateField } from '../../components/date-field.tsx'
import { ErrorBanner } from '../../components/error-banner.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { platformLabel } from '../../components/vocabulary-labels.ts'
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx'
import type { AccountPage } from '../accounts/account-types.ts'
import { UnitSelect } from '../units/unit-select.tsx'
import { useUnits } from '../units/units-queries.ts'
import { formatDuration } from './format-duration.ts'
import {
  downloadInboxNumbersCsv,
  EMPTY_INBOX_NUMBERS_FILTERS,
  inboxNumbersQuery,
  onTimeShare,
  type InboxNumbers,
  type InboxNumbersFilters,
  type ResponseFigures,
} from './inbox-numbers-queries.ts'

type UnitRow = InboxNumbers['byUnit'][number]
type AccountRow = InboxNumbers['byAccount'][number]

function useFormat() {
  const { locale } = useI18n()
  const number = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB')
  const percent = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  })
  return {
    count: (value: number) => number.format(value),
    share: (value: number | null) => (value === null ? '—' : percent.format(value)),
    duration: (seconds: number | null) => formatDuration(seconds, locale),
  }
}

function Figure({
  label,
  value,
  hint,
  tone,
}: {
  label: string
  value: string
  hint?: string
  tone?: string
}) {
  return (
    <Paper withBorder p="xs" radius="sm">
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" fw={700} size="lg" m={0} c={tone}>
        {value}
      </Text>
      {/* A second description of the same term: a <dl>'s group may hold only <dt> and <dd> (axe). */}
      {hint ? (
        <Text component="dd" size="xs" c="dimmed" m={0}>
          {hint}
        </Text>
      ) : null}
    </Paper>
  )
}

/** Red below 80 % on time, orange below 95 %: a unit that misses its own target stands out. */
function shareTone(share: number | null): string | undefined {
  if (share === null) return undefined
  return share < 0.8 ? 'red.8' : share < 0.95 ? 'orange.8' : 'green.8'
}

export function OverallFigures({ figures }: { figures: ResponseFigures }) {
  const { t } = useI18n()
  const f = useFormat()
  const share = onTimeShare(figures)
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 3, md: 6 }}
      spacing="xs"
      component="dl"
      aria-label={t('inboxNumbers.overall')}
      data-testid="inbox-numbers-overall"
      style={{ margin: 0 }}
    >
      <Figure label={t('inboxNumbers.received')} value={f.count(figures.received)} />
      <Figure
        label={t('inboxNumbers.answered')}
        value={f.count(figures.answered)}
        hint={t('inboxNumbers.ofReceived', {
          share: f.share(figures.received ? figures.answered / figures.received : null),
        })}
      />
      <Figure label={t('inboxNumbers.median')} value={f.duration(figures.medianFirstResponseSeconds)} />
      <Figure label={t('inboxNumbers.p90')} value={f.duration(figures.p90FirstResponseSeconds)} />
      <Figure
        label={t('inboxNumbers.onTime')}
        value={f.share(share)}
        tone={shareTone(share)}
        hint={t('inboxNumbers.onTimeHint', {
          onTime: f.count(figures.onTime),
          breached: f.count(figures.breached),
        })}
      />
      <Figure
        label={t('inboxNumbers.pending')}
        value={f.count(figures.pending)}
        hint={t('inboxNumbers.pendingHint')}
      />
    </SimpleGrid>
  )
}

function useFigureColumns<T extends ResponseFigures>(): DataTableColumn<T>[] {
  const { t } = useI18n()
  const f = useFormat()
  return [
    {
      key: 'received',
      header: t('inboxNumbers.received'),
      sortValue: (row) => row.received,
      render: (row) => f.count(row.received),
    },
    {
      key: 'answered',
      header: t('inboxNumbers.answered'),
      sortValue: (row) => row.answered,
      render: (row) => f.count(row.answered),
    },
    {
      key: 'median',
      header: t('inboxNumbers.median'),
      noWrap: true,
      sortValue: (row) => row.medianFirstResponseSeconds,
      render: (row) => f.duration(row.medianFirstResponseSeconds),
    },
    {
      key: 'p90',
      header: t('inboxNumbers.p90'),
      noWrap: true,
      sortValue: (row) => row.p90FirstResponseSeconds,
      render: (row) => f.duration(row.p90FirstResponseSeconds),
    },
    {
      key: 'onTime',
      header: t('inboxNumbers.onTime'),
      sortValue: (row) => onTimeShare(row),
      render: (row) => {
        const share = onTimeShare(row)
        return (
          <>
            <Text size="sm" c={shareTone(share)} fw={600}>
              {f.share(share)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('inboxNumbers.onTimeHint', { onTime: f.count(row.onTime), breached: f.count(row.breached) })}
            </Text>
          </>
        )
      },
    },
  ]
}

function Backlog({ backlog }: { backlog: InboxNumbers['backlog'] }) {
  const { t, locale } = useI18n()
  const f = useFormat()
  const ages = [
    ['underHour', backlog.byAge.underHour],
    ['hours1to8', backlog.byAge.hours1to8],
    ['hours8to24', backlog.byAge.hours8to24],
    ['days1to3', backlog.byAge.days1to3],
    ['overDays3', backlog.byAge.overDays3],
  ] as const
  return (
    <Stack gap="xs" data-testid="inbox-numbers-backlog">
      <Text size="sm">
        {backlog.open === 0
          ? t('inboxNumbers.backlogEmpty')
          : t('inboxNumbers.backlogLine', {
              open: f.count(backlog.open),
              oldest: backlog.oldestReceivedAt
                ? formatDate(backlog.oldestReceivedAt, locale, 'shortDatetime')
                : '—',
            })}
      </Text>
      {backlog.open > 0 ? (
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" component="dl" style={{ margin: 0 }}>
          {ages.map(([key, value]) => (
            <Figure
              key={key}
              label={t(`inboxNumbers.age.${key}` as MessageKey)}
              value={f.count(value)}
              tone={key === 'overDays3' && value > 0 ? 'red.8' : undefined}
            />
          ))}
        </SimpleGrid>
      ) : null}
    </Stack>
  )
}

/** PPID cases received in the period, by status against the UU KIP clock (10 working days, + 7 on extension). */
export function PpidFigures({ figures }: { figures: InboxNumbers['ppid'] }) {
  const { t } = useI18n()
  const f = useFormat()
  if (figures.received === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="inbox-numbers-ppid">
        {t('inboxNumbers.ppid.none')}
      </Text>
    )
  const decided = figures.byStatus.decided
  const decidedCount = figures.decidedWithinNotice + figures.decidedWithinExtension + figures.decidedLate
  return (
    <Stack gap="sm" data-testid="inbox-numbers-ppid">
      <SimpleGrid
        cols={{ base: 2, sm: 3, md: 5 }}
        spacing="xs"
        component="dl"
        aria-label={t('inboxNumbers.ppid.byStatus')}
        style={{ margin: 0 }}
      >
        <Figure label={t('inboxNumbers.ppid.received')} value={f.count(figures.received)} />
        <Figure label={t('inboxNumbers.ppid.open')} value={f.count(figures.byStatus.open)} />
        <Figure label={t('inboxNumbers.ppid.extended')} value={f.count(figures.byStatus.extended)} />
        <Figure
          label={t('inboxNumbers.ppid.objection')}
          value={f.count(figures.byStatus.objection)}
          hint={t('inboxNumbers.ppid.objectionHint')}
        />
        <Figure
          label={t('inboxNumbers.ppid.overdueNow')}
          value={f.count(figures.overdueNow)}
          tone={figures.overdueNow > 0 ? 'red.8' : undefined}
          hint={t('inboxNumbers.ppid.overdueNowHint')}
        />
      </SimpleGrid>
      <SimpleGrid
        cols={{ base: 2, sm: 4 }}
        spacing="xs"
        component="dl"
        aria-label={t('inboxNumbers.ppid.decided')}
        style={{ margin: 0 }}
      >
        {(['granted', 'partially_granted', 'refused', 'not_held'] as const).map((decision) => (
          <Figure
            key={decision}
            label={t('inboxNumbers.ppid.decidedAs', { decision: t(`ppid.decision.${decision}`) })}
            value={f.count(decided[decision])}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid
        cols={{ base: 2, sm: 4 }}
        spacing="xs"
        component="dl"
        aria-label={t('inboxNumbers.ppid.clock')}
        style={{ margin: 0 }}
      >
        <Figure
          label={t('inboxNumbers.ppid.withinNotice')}
          value={f.count(figures.decidedWithinNotice)}
          hint={
            decidedCount > 0
              ? t('inboxNumbers.ppid.ofDecided', {
                  share: f.share(figures.decidedWithinNotice / decidedCount),
                })
              : undefined
          }
        />
        <Figure
          label={t('inboxNumbers.ppid.withinExtension')}
          value={f.count(figures.decidedWithinExtension)}
        />
        <Figure
          label={t('inboxNumbers.ppid.late')}
          value={f.count(figures.decidedLate)}
          tone={figures.decidedLate > 0 ? 'red.8' : undefined}
        />
        <Figure
          label={t('inboxNumbers.ppid.median')}
          value={
            figures.medianWorkingDaysToDecision === null
              ? '—'
              : t('inboxNumbers.ppid.workingDays', { days: f.count(figures.medianWorkingDaysToDecision) })
          }
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('inboxNumbers.ppid.howMeasured')}
      </Text>
    </Stack>
  )
}

function Volume({
  title,
  rows,
  labelOf,
}: {
  title: string
  rows: { label: string; count: number }[]
  labelOf: (label: string) => string
}) {
  const f = useFormat()
  const total = rows.reduce((sum, row) => sum + row.count, 0)
  return (
    <Stack gap={6} component="section" aria-label={title}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      {rows.map((row) => (
        <Box key={row.label}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm">{labelOf(row.label)}</Text>
            <Text size="sm" fw={600}>
              {f.count(row.count)}
            </Text>
          </Group>
          <Progress value={total ? (row.count / total) * 100 : 0} size="sm" aria-hidden />
        </Box>
      ))}
    </Stack>
  )
}

export function InboxNumbersPage() {
  const { t, locale } = useI18n()
  const [filters, setFilters] = useState<InboxNumbersFilters>(EMPTY_INBOX_NUMBERS_FILTERS)
  const [exportError, setExportError] = useState<unknown>(null)
  const units = useUnits()
  const { me } = useSession()
  // The unit filter offers only the units whose reports the person reads (the server refuses any other).
  const readPaths = me.grants
    .filter((grant) => isRole(grant.role) && PERMISSIONS[grant.role].has('report.read'))
    .map((grant) => grant.unitPath)
  const unitOptions = units.options.filter(({ unit }) => readPaths.some((path) => unit.path.startsWith(path)))
  const accounts = useQuery({
    queryKey: ['accounts', 'inbox-numbers-filter'],
    queryFn: () => api.get<AccountPage>('/api/accounts?limit=500'),
  })
  const backwards = filters.from !== '' && filters.to !== '' && filters.from > filters.to
  const report = useQuery({ ...inboxNumbersQuery(filters), enabled: !backwards })
  const set = <K extends keyof InboxNumbersFilters>(key: K, value: InboxNumbersFilters[K]) =>
    setFilters((previous) => ({ ...previous, [key]: value }))
  const figureColumns = useFigureColumns()
  const unitColumns: DataTableColumn<UnitRow>[] = [
    { key: 'unit', header: t('inboxNumbers.unit'), primary: true, render: (row) => row.unitName },
    ...(figureColumns as DataTableColumn<UnitRow>[]),
  ]
  const accountColumns: DataTableColumn<AccountRow>[] = [
    {
      key: 'account',
      header: t('inboxNumbers.account'),
      primary: true,
      render: (row) => (
        <>
          <Text size="sm">{row.handle}</Text>
          <Text size="xs" c="dimmed">
            {platformLabel(row.platform)}
          </Text>
        </>
      ),
    },
    ...(figureColumns as DataTableColumn<AccountRow>[]),
  ]
  const data = report.data
  const labelOf = (kind: 'intent' | 'sentiment', known: readonly string[]) => (label: string) =>
    label && known.includes(label)
      ? t(`inbox.${kind}.${label}` as MessageKey)
      : t('inboxNumbers.unclassified')

  return (
    <>
      <PageHeader
        title={t('inboxNumbers.title')}
        description={t('inboxNumbers.intro')}
        actions={
          <Button
            variant="default"
            disabled={backwards}
            onClick={() => {
              setExportError(null)
              downloadInboxNumbersCsv(filters).catch(setExportError)
            }}
          >
            {t('inboxNumbers.export')}
          </Button>
        }
      />
      {exportError ? <ErrorBanner error={exportError} /> : null}
      <Panel
        title={
          data
            ? t('inboxNumbers.period', {
                from: formatDate(data.from, locale, 'shortDate'),
                to: formatDate(data.to, locale, 'shortDate'),
              })
            : t('inboxNumbers.title')
        }
      >
        <Box role="group" aria-label={t('common.filters')} mb="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
            <UnitSelect
              label={t('inboxNumbers.unit')}
              options={unitOptions}
              emptyLabel={t('common.all')}
              value={filters.unitId}
              onChange={(event) => set('unitId', event.currentTarget.value)}
            />
            <NativeSelect
              label={t('inboxNumbers.account')}
              value={filters.accountId}
              onChange={(event) => set('accountId', event.currentTarget.value)}
              data={[
                { value: '', label: t('common.all') },
                ...(accounts.data?.items ?? []).map((account) => ({
                  value: account.id,
                  label: `${account.handle} (${platformLabel(account.platform)})`,
                })),
              ]}
            />
            <DateField
              label={t('inboxNumbers.from')}
              description={t('inboxNumbers.fromHint')}
              value={filters.from}
              onChange={(value) => set('from', value)}
            />
            <DateField
              label={t('inboxNumbers.to')}
              value={filters.to}
              onChange={(value) => set('to', value)}
              error={backwards ? t('inboxNumbers.periodBackwards') : undefined}
            />
          </SimpleGrid>
        </Box>
        <ErrorBanner error={report.error} />
        {data ? (
          <Stack gap="md">
            <OverallFigures figures={data.overall} />
            <Text size="xs" c="dimmed">
              {t('inboxNumbers.howMeasured')}
            </Text>
          </Stack>
        ) : null}
      </Panel>
      {data ? (
        <>
          <Panel title={t('inboxNumbers.backlog')}>
            <Backlog backlog={data.backlog} />
          </Panel>
          <Panel title={t('inboxNumbers.ppid.title')}>
            <PpidFigures figures={data.ppid} />
          </Panel>
          <Panel title={t('inboxNumbers.byUnit')}>
            <DataTable
              caption={t('inboxNumbers.byUnit')}
              columns={unitColumns}
              rows={data.byUnit}
              rowKey={(row) => row.unitId}
              emptyText={t('inboxNumbers.empty')}
            />
          </Panel>
          <Panel title={t('inboxNumbers.byAccount')}>
            <DataTable
              caption={t('inboxNumbers.byAccount')}
              columns={accountColumns}
              rows={data.byAccount}
              rowKey={(row) => row.accountId}
              emptyText={t('inboxNumbers.empty')}
            />
          </Panel>
          <Panel title={t('inboxNumbers.volume')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
              <Volume
                title={t('inboxNumbers.byIntent')}
                rows={data.byIntent.map((row) => ({ label: row.intent ?? '', count: row.count }))}
                labelOf={labelOf('intent', INBOX_INTENTS)}
              />
              <Volume
                title={t('inboxNumbers.bySentiment')}
                rows={data.bySentiment.map((row) => ({ label: row.sentiment ?? '', count: row.count }))}
                labelOf={labelOf('sentiment', INBOX_SENTIMENTS)}
              />
            </SimpleGrid>
            {data.byIntent.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('inboxNumbers.empty')}
              </Text>
            ) : null}
          </Panel>
        </>
      ) : null}
    </>
  )
}
