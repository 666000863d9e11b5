// "Penerbitan": what became of a submitted post on each account — the state in words, attempts, the next attempt
// (WIB), the last error in words with the platform's own text, the link to the published post, the latest metrics
// and the +1 h / +24 h / +7 d readings — with Cancel (the post) and Send again (a failed account). It refetches
// every 10 s while something is still on its way, so a person watching sees it go out.
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../app/api-client.ts'
import { useConfirm } from '../../components/confirm-dialog.tsx'
import { problemText } from '../../components/api-error-text.ts'
import { ErrorBanner } from '../../components/error-banner.tsx'
import { LoadState } from '../../components/load-state.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { Panel } from '../../components/panel.tsx'
import { platformLabel } from '../../components/vocabulary-labels.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { formatDate } from '../../../../src/shared/dates.ts'
import type { Publication, PublicationMetrics, Publications } from './post-types.ts'

/** Variant states with a next attempt worth showing. */
const ON_ITS_WAY = new Set(['scheduled', 'publishing', 'unconfirmed'])
const REFRESH_MS = 10_000
/** A scheduled account counts as on its way this long before its attempt (not a post planned for next week). */
const SOON_MS = 5 * 60_000

/** Something is going out now or shortly: the panel keeps itself fresh while it is. */
export function isOnItsWay(item: Publication, now: number): boolean {
  if (item.status === 'publishing' || item.status === 'unconfirmed') return true
  if (item.status !== 'scheduled') return false
  return item.nextAttemptAt === null || new Date(item.nextAttemptAt).getTime() - now < SOON_MS
}

export function publicationsQuery(postId: string) {
  return queryOptions({
    queryKey: ['posts', 'publications', postId] as const,
    queryFn: () => api.get<Publications>(`/api/posts/${postId}/publications`),
    refetchInterval: (query) =>
      query.state.data?.items.some((item) => isOnItsWay(item, Date.now())) ? REFRESH_MS : false,
  })
}

function usePublicationAction(postId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (action: { kind: 'cancel' } | { kind: 'retry'; variantId: string }) =>
      action.kind === 'cancel'
        ? api.post<unknown>(`/api/posts/${postId}/cancel`)
        : api.post<unknown>(`/api/posts/${postId}/publications/${action.variantId}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['posts'] }),
  })
}

const STATUS_COLOR: Record<Publication['status'], string> = {
  pending: 'gray.8',
  scheduled: 'blue.9',
  publishing: 'blue.9',
  published: 'green.9',
  failed: 'red.9',
  unconfirmed: '#7a4a00',
  expired: 'gray.8',
  cancelled: 'gray.8',
}

const METRIC_KEYS = ['likes', 'shares', 'replies', 'views'] as const

function MetricsLine({ metrics }: { metrics: PublicationMetrics }) {
  const { t } = useI18n()
  const shown = METRIC_KEYS.filter((key) => metrics[key] !== null)
  return (
    <Group gap="md" data-testid="metrics">
      {shown.map((key) => (
        <Text key={key} size="sm">
          <Text span fw={700}>
            {metrics[key]!.toLocaleString('id-ID')}
          </Text>{' '}
          {t(`publications.metric.${key}`)}
        </Text>
      ))}
    </Group>
  )
}

function PublicationCard({ item, onRetry, busy }: { item: Publication; onRetry: () => void; busy: boolean }) {
  const { t, locale } = useI18n()
  const facts = [
    item.attempts > 0 ? t('publications.attempts', { count: item.attempts }) : null,
    item.nextAttemptAt && ON_ITS_WAY.has(item.status)
      ? t('publications.nextAttempt', { at: formatDate(item.nextAttemptAt, locale, 'shortDatetime') })
      : null,
    item.publishedAt
      ? t('publications.publishedAt', { at: formatDate(item.publishedAt, locale, 'shortDatetime') })
      : null,
  ]
    .filter(Boolean)
    .join(' · ')
  return (
    <Paper withBorder p="sm" data-testid="publication" data-status={item.status}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
            {platformLabel(item.platform)} · {item.handle}
          </Text>
          <Badge color={STATUS_COLOR[item.status]} variant="outline" style={{ minWidth: 'max-content' }}>
            {t(`publications.status.${item.status}`)}
          </Badge>
        </Group>
        {facts ? (
          <Text size="sm" c="dimmed">
            {facts}
          </Text>
        ) : null}
        {item.lastError ? (
          <Stack gap={2} role="status">
            <Text size="sm" c={item.status === 'failed' ? 'red.9' : undefined}>
              {problemText(item.lastError, locale)}
            </Text>
            {item.lastError.platformMessage ? (
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {t('publications.platformSaid', { message: item.lastError.platformMessage })}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        {item.needsReconnect ? (
          <Text size="sm" c="red.9">
            {t('publications.needsReconnect')}
          </Text>
        ) : null}
        {item.url ? (
          <Anchor
            href={item.url}
            target="_blank"
            rel="noreferrer"
            size="sm"
            style={{ overflowWrap: 'anywhere' }}
          >
            {t('publications.open')}
          </Anchor>
        ) : null}
        {item.deletedOnPlatform ? (
          <Text size="sm" c="#7a4a00">
            {t('publications.deleted')}
          </Text>
        ) : null}
        {item.metrics && item.metricsAt ? (
          <Stack gap={2}>
            <MetricsLine metrics={item.metrics} />
            <Text size="xs" c="dimmed">
              {t('publications.metricsAt', { at: formatDate(item.metricsAt, locale, 'shortDatetime') })}
            </Text>
          </Stack>
        ) : item.status === 'published' && !item.deletedOnPlatform ? (
          <Text size="sm" c="dimmed">
            {t('publications.noMetricsYet')}
          </Text>
        ) : null}
        {item.readings.length > 0 ? (
          <Text size="xs" c="dimmed" data-testid="readings">
            {item.readings
              .map((reading) =>
                t(`publications.reading.${reading.state}`, {
                  checkpoint: t(`publications.checkpoint.${reading.checkpoint}`),
                  at: formatDate(reading.fetchedAt ?? reading.plannedAt, locale, 'shortDatetime'),
                }),
              )
              .join(' · ')}
          </Text>
        ) : null}
        {item.status === 'failed' ? (
          <Button
            size="xs"
            variant="light"
            onClick={onRetry}
            loading={busy}
            disabled={item.needsReconnect}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('publications.retry')}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  )
}

export function PublicationsPanel({ postId }: { postId: string }) {
  const { t } = useI18n()
  const confirm = useConfirm()
  const publications = useQuery(publicationsQuery(postId))
  const action = usePublicationAction(postId)
  const data = publications.data
  const cancellable =
    data !== undefined &&
    ['approved', 'scheduled'].includes(data.postStatus) &&
    data.items.some((item) => item.status === 'pending' || item.status === 'scheduled')

  const onCancel = async () => {
    const yes = await confirm({
      title: t('publications.cancelTitle'),
      message: t('publications.cancelMessage'),
      confirmLabel: t('publications.cancel'),
    })
    if (!yes) return
    try {
      await action.mutateAsync({ kind: 'cancel' })
      notifySuccess(t('publications.cancelled'))
    } catch {
      // Shown by the banner.
    }
  }
  const onRetry = async (variantId: string) => {
    try {
      await action.mutateAsync({ kind: 'retry', variantId })
      notifySuccess(t('publications.retried'))
    } catch {
      // Shown by the banner.
    }
  }

  return (
    <Panel
      title={t('publications.title')}
      description={t('publications.intro')}
      actions={
        cancellable ? (
          <Button size="xs" variant="default" color="red.9" onClick={() => void onCancel()}>
            {t('publications.cancel')}
          </Button>
        ) : null
      }
    >
      <LoadState loading={publications.isPending} error={publications.error} />
      <ErrorBanner error={action.error} />
      {data && data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('publications.none')}
        </Text>
      ) : null}
      {data ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" data-testid="publications">
          {data.items.map((item) => (
            <PublicationCard
              key={item.variantId}
              item={item}
              busy={
                action.isPending &&
                action.variables.kind === 'retry' &&
                action.variables.variantId === item.variantId
              }
              onRetry={() => void onRetry(item.variantId)}
            />
          ))}
        </SimpleGrid>
      ) : null}
    </Panel>
  )
}
