// The decisions on a post, every round, oldest first: who decided, at which step, what, and their comment. A crisis
// fast-track approval is marked. Shown on the post page and, for the current round, in the approval queue.
import { Badge, List, Text } from '@mantine/core'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../app/api-client.ts'
import { LoadState } from '../../components/load-state.tsx'
import { Panel } from '../../components/panel.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import { formatDate } from '../../../../src/shared/dates.ts'
import type { ApprovalDecision, DecisionList } from './approval-types.ts'

export function decisionsQuery(postId: string) {
  return queryOptions({
    queryKey: ['posts', 'decisions', postId] as const,
    queryFn: () => api.get<DecisionList>(`/api/posts/${postId}/decisions`),
  })
}

const VERDICT_COLOR = { approve: 'green.9', reject: 'red.9', request_changes: '#7a4a00' } as const

export function DecisionList({ decisions }: { decisions: readonly ApprovalDecision[] }) {
  const { t, locale } = useI18n()
  return (
    <List spacing={6} size="sm" data-testid="decision-list">
      {decisions.map((decision) => (
        <List.Item key={decision.id} data-testid="decision" data-verdict={decision.verdict}>
          <Badge color={VERDICT_COLOR[decision.verdict]} variant="outline" mr="xs">
            {t(`approvals.verdict.${decision.verdict}`)}
          </Badge>
          {t('approvals.decidedBy', {
            name: decision.userName,
            step: decision.step + 1,
            at: formatDate(decision.decidedAt, locale, 'shortDatetime'),
          })}
          {decision.crisis ? (
            <Badge color="red.9" ml="xs">
              {t('approvals.crisis')}
            </Badge>
          ) : null}
          {decision.comment ? (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {decision.comment}
            </Text>
          ) : null}
        </List.Item>
      ))}
    </List>
  )
}

export function DecisionHistory({ postId }: { postId: string }) {
  const { t } = useI18n()
  const history = useQuery(decisionsQuery(postId))
  return (
    <Panel title={t('approvals.history')}>
      <LoadState loading={history.isPending} error={history.error} />
      {history.data && history.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('approvals.noDecisions')}
        </Text>
      ) : null}
      {history.data && history.data.items.length > 0 ? <DecisionList decisions={history.data.items} /> : null}
    </Panel>
  )
}
