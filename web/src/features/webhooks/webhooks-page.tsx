// Platform webhooks, for the instansi's admin: per platform whether Warta has its secret, the deliveries received
// and processed in the last 24 hours and 7 days, those still waiting, and the refusals by reason with the last one's
// time; above them, in plain words, what a rising refusal count means. One read of GET /api/webhook-rejections.
import { Badge, List, Stack, Text } from '@mantine/core'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { formatDate } from '../../../../src/shared/dates.ts'
import { api } from '../../app/api-client.ts'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { Notice } from '../../components/error-banner.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { platformLabel } from '../../components/vocabulary-labels.ts'
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx'
import type { WebhookActivity, WebhookPlatformRow } from './webhooks-types.ts'

export const WEBHOOKS_PATH = '/api/webhook-rejections'

export const webhookActivityQuery = queryOptions({
  queryKey: ['webhooks', 'activity'] as const,
  queryFn: () => api.get<WebhookActivity>(WEBHOOKS_PATH),
  // The figures move while the page is open; a minute is fresh enough.
  refetchInterval: 60_000,
})

const REASONS = [
  'missing_signature',
  'bad_signature',
  'stale',
  'bad_verify_token',
  'malformed',
  'not_configured',
] as const

function reasonKey(reason: string): MessageKey | null {
  return (REASONS as readonly string[]).includes(reason) ? (`webhooks.reason.${reason}` as MessageKey) : null
}

/** The platform's refusals came after its last accepted delivery: every recent delivery is refused. */
export function refusedSinceLastAccepted(row: WebhookPlatformRow): boolean {
  if (!row.lastRejectedAt || row.rejected === 0) return false
  return row.lastReceivedAt === null || row.lastRejectedAt > row.lastReceivedAt
}

export function WebhooksPage() {
  const { t, locale } = useI18n()
  const query = useQuery(webhookActivityQuery)
  const rows = query.data?.platforms
  const when = (value: string | null) =>
    value ? formatDate(value, locale, 'shortDatetime') : t('webhooks.never')
  const counts = (lines: string[]) => (
    <Stack gap={0}>
      {lines.map((line) => (
        <Text size="sm" key={line} style={{ whiteSpace: 'nowrap' }}>
          {line}
        </Text>
      ))}
    </Stack>
  )

  const columns: DataTableColumn<WebhookPlatformRow>[] = [
    {
      key: 'platform',
      header: t('webhooks.column.platform'),
      primary: true,
      render: (row) => <Text fw={600}>{platformLabel(row.platform)}</Text>,
      sortValue: (row) => platformLabel(row.platform),
    },
    {
      key: 'configured',
      header: t('webhooks.column.configured'),
      noWrap: true,
      render: (row) =>
        row.configured ? (
          <Badge color="teal" variant="light">
            {t('webhooks.configured')}
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            {t('webhooks.notConfigured')}
          </Badge>
        ),
    },
    {
      key: 'last24h',
      header: t('webhooks.column.last24h'),
      render: (row) =>
        counts([
          t('webhooks.received', { count: row.received24h }),
          t('webhooks.processed', { count: row.processed24h }),
        ]),
      sortValue: (row) => row.received24h,
    },
    {
      key: 'last7d',
      header: t('webhooks.column.last7d'),
      render: (row) =>
        counts([
          t('webhooks.received', { count: row.received7d }),
          t('webhooks.processed', { count: row.processed7d }),
          t('webhooks.waiting', { count: row.waiting7d }),
        ]),
      sortValue: (row) => row.received7d,
    },
    {
      key: 'rejected',
      header: t('webhooks.column.rejected'),
      sortValue: (row) => row.rejected,
      render: (row) =>
        row.rejections.length === 0 ? (
          t('webhooks.noneRejected')
        ) : (
          <Stack gap={0}>
            <Text size="sm" fw={600} c={row.rejected > 0 ? 'red.8' : undefined}>
              {row.rejected}
            </Text>
            {row.rejections.map((rejection) => {
              const key = reasonKey(rejection.reason)
              return (
                <Text size="xs" key={rejection.reason}>
                  {key ? t(key) : rejection.reason}: {rejection.count}
                </Text>
              )
            })}
          </Stack>
        ),
    },
    {
      key: 'lastRejected',
      header: t('webhooks.column.lastRejected'),
      render: (row) => when(row.lastRejectedAt),
      sortValue: (row) => row.lastRejectedAt,
    },
  ]

  const suspicious = (rows ?? []).filter((row) => row.configured && refusedSinceLastAccepted(row))

  return (
    <>
      <PageHeader title={t('webhooks.title')} description={t('webhooks.description')} />
      {suspicious.length > 0 ? (
        <Notice tone="warning" title={t('webhooks.allRefusedTitle')}>
          {t('webhooks.allRefused', {
            platforms: suspicious.map((row) => platformLabel(row.platform)).join(', '),
          })}
        </Notice>
      ) : null}
      <Panel title={t('webhooks.explainTitle')}>
        <List size="sm" spacing={6}>
          <List.Item>{t('webhooks.explainSignature')}</List.Item>
          <List.Item>{t('webhooks.explainStale')}</List.Item>
          <List.Item>{t('webhooks.explainOther')}</List.Item>
        </List>
      </Panel>
      <DataTable
        caption={t('webhooks.tableCaption')}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.platform}
        emptyText={t('webhooks.empty')}
        loading={query.isPending}
        error={query.error}
        pageSize={0}
        testId="webhook-activity"
      />
    </>
  )
}
