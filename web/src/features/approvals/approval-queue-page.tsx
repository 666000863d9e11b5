// "Antrean persetujuan": the posts waiting for my decision now. Each shows the post as it will go out (every
// variant with its text, the compliance findings marked as in the composer, the warnings listed), the chain's
// steps with who decided this round and who is still awaited, and the three decisions: approve, reject with a
// comment, request changes with a comment. A crisis approver sees that their approval alone approves a crisis post.
import { Badge, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { api, ApiError } from '../../app/api-client.ts'
import { useSession } from '../../app/session.tsx'
import { ErrorBanner } from '../../components/error-banner.tsx'
import { LoadState } from '../../components/load-state.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { platformLabel, roleLabel } from '../../components/vocabulary-labels.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { formatDate } from '../../../../src/shared/dates.ts'
import { FindingsView } from '../posts/findings-view.tsx'
import { OverrideForm } from '../posts/override-form.tsx'
import type { Finding, Post } from '../posts/post-types.ts'
import type { ApprovalQueue, QueueItem } from './approval-types.ts'
import { DecisionList } from './decision-history.tsx'

const queueQuery = queryOptions({
  queryKey: ['approvals', 'queue'] as const,
  queryFn: () => api.get<ApprovalQueue>('/api/approvals/queue'),
})

type DecisionPath = 'approve' | 'reject' | 'request-changes'

function useDecide() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({
      id,
      path,
      comment,
      overrideReason,
    }: {
      id: string
      path: DecisionPath
      comment: string
      overrideReason?: string
    }) =>
      api.post<Post>(`/api/posts/${id}/${path}`, {
        comment: comment.trim() ? comment : null,
        ...(overrideReason === undefined ? {} : { overrideReason }),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['approvals'] })
      void queryClient.invalidateQueries({ queryKey: ['posts'] })
    },
  })
}

/** The variant's text as it will go out; with findings, marked as in the composer. */
function VariantText({ text, findings, testId }: { text: string; findings: Finding[]; testId: string }) {
  if (findings.length > 0) return <FindingsView text={text} findings={findings} testId={testId} />
  return (
    <Paper
      withBorder
      p="xs"
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      data-testid={testId}
    >
      <Text size="sm">{text}</Text>
    </Paper>
  )
}

function QueueCard({ item }: { item: QueueItem }) {
  const { t, locale } = useI18n()
  const decide = useDecide()
  const [comment, setComment] = useState('')
  const [overrideReason, setOverrideReason] = useState('')
  const { me } = useSession()
  const { post } = item
  // The check runs again at approval: a finding that appeared since the submission (a new hoax in the knowledge
  // base) stops the approval; a penanggung jawab may approve through it with a written reason (audited).
  const blockedNow = decide.error instanceof ApiError && decide.error.key === 'posts.blocked_by_findings'
  const mayOverride = me.grants.some(
    (grant) =>
      grant.role === 'penanggung_jawab' &&
      // Unit paths are '/<id>/<id>/': a grant reaches its unit and everything under it.
      post.unit.path.startsWith(grant.unitPath),
  )
  const findings = post.submittedFindings ?? []
  const warnings = findings.filter((finding) => finding.severity === 'warn')

  async function onDecide(path: DecisionPath, withOverride = false) {
    await decide.mutateAsync({ id: post.id, path, comment, ...(withOverride ? { overrideReason } : {}) })
    notifySuccess(t(`approvals.done.${path}`))
  }

  return (
    <Panel title={post.title}>
      <Stack gap="sm" data-testid="queue-item" data-post-id={post.id}>
        <Group gap="xs">
          <Text size="sm">{post.unit.name}</Text>
          <Text size="sm" c="dimmed">
            {post.scheduledAt
              ? t('approvals.scheduledFor', { at: formatDate(post.scheduledAt, locale, 'shortDatetime') })
              : t('approvals.noTime')}
          </Text>
          {post.crisis ? <Badge color="red.9">{t('approvals.crisis')}</Badge> : null}
        </Group>
        {post.variants.map((variant) => (
          <Stack key={variant.id} gap={4}>
            <Title order={3} size="h6">
              {platformLabel(variant.platform)} · {variant.handle}
            </Title>
            <VariantText
              text={variant.text}
              findings={findings.filter((finding) => finding.scope === variant.accountId)}
              testId={`queue-findings-${variant.platform}`}
            />
          </Stack>
        ))}
        {warnings.length > 0 ? (
          <Stack gap={4} data-testid="queue-warnings">
            <Text size="sm" fw={600}>
              {t('approvals.warnings', { count: warnings.length })}
            </Text>
            <List size="sm">
              {warnings.map((finding, index) => (
                <List.Item key={`${finding.code}-${index}`}>{finding.message}</List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
        {post.override ? (
          <Text size="sm" data-testid="queue-override">
            {t('approvals.overridden', { reason: post.override.reason })}
          </Text>
        ) : null}

        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('approvals.steps')}
          </Text>
          <List size="sm" type="ordered">
            {item.steps.map((step, index) => (
              <List.Item key={index} fw={index === item.step ? 700 : undefined}>
                {step.kind === 'role'
                  ? roleLabel(locale, step.role)
                  : t('approvals.namedUsers', { count: step.userIds.length })}{' '}
                · {t(step.mode === 'all' ? 'approvals.modeAll' : 'approvals.modeAny')}
                {index === item.step ? ` — ${t('approvals.yourStep')}` : ''}
              </List.Item>
            ))}
          </List>
          {item.waitingFor.length > 0 ? (
            <Text size="sm" c="dimmed">
              {t('approvals.waitingFor', { names: item.waitingFor.map((user) => user.name).join(', ') })}
            </Text>
          ) : null}
          {item.decisions.length > 0 ? <DecisionList decisions={item.decisions} /> : null}
          {item.crisisFastTrack ? (
            <Text size="sm" c="red.9">
              {t('approvals.crisisFastTrack')}
            </Text>
          ) : null}
        </Stack>

        <Textarea
          label={t('approvals.comment')}
          description={t('approvals.commentHint')}
          autosize
          minRows={2}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
        />
        <ErrorBanner error={decide.error} />
        {blockedNow && mayOverride ? (
          <OverrideForm
            reason={overrideReason}
            onReasonChange={setOverrideReason}
            description={t('approvals.overrideHint')}
            actionLabel={t('approvals.approveWithOverride')}
            onAct={() => void onDecide('approve', true).catch(() => undefined)}
            loading={decide.isPending}
            testId="approve-override-form"
            actionTestId="approve-with-override"
          />
        ) : null}
        {blockedNow && !mayOverride ? (
          <Text size="sm" data-testid="approve-override-unavailable">
            {t('approvals.overrideOnlyPj')}
          </Text>
        ) : null}
        <Group gap="sm">
          {blockedNow ? null : (
            // Once the check blocks, approving as it stands would only fail again: the override form (or the
            // word that only a penanggung jawab may override) takes its place.
            <Button
              color="green.9"
              onClick={() => void onDecide('approve').catch(() => undefined)}
              loading={decide.isPending}
              data-testid="approve-post"
            >
              {t('approvals.approve')}
            </Button>
          )}
          <Button
            variant="default"
            onClick={() => void onDecide('request-changes').catch(() => undefined)}
            disabled={decide.isPending}
            data-testid="request-changes"
          >
            {t('approvals.requestChanges')}
          </Button>
          <Button
            color="red.9"
            variant="outline"
            onClick={() => void onDecide('reject').catch(() => undefined)}
            disabled={decide.isPending}
            data-testid="reject-post"
          >
            {t('approvals.reject')}
          </Button>
        </Group>
      </Stack>
    </Panel>
  )
}

export function ApprovalQueuePage() {
  const { t } = useI18n()
  const queue = useQuery(queueQuery)
  return (
    <>
      <PageHeader title={t('approvals.title')} description={t('approvals.intro')} />
      <LoadState loading={queue.isPending} error={queue.error} />
      {queue.data && queue.data.items.length === 0 ? (
        <Text c="dimmed" data-testid="queue-empty">
          {t('approvals.empty')}
        </Text>
      ) : null}
      {queue.data?.items.map((item) => (
        <QueueCard key={item.post.id} item={item} />
      ))}
    </>
  )
}
