// "Aturan perutean": the instansi's rules that route each new inbox message to a unit or a person, label it or
// raise its priority, tried top to bottom. Assignments: the first matching rule wins; labels and priority floors:
// every matching rule applies. The admin and a penanggung jawab at a top-level unit manage them.
import { Badge, Button, Group, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { PLATFORM_LABELS, type Platform } from '../../../../src/shared/platforms.ts'
import { useErrorText } from '../../components/api-error-text.ts'
import { useConfirm } from '../../components/confirm-dialog.tsx'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { ErrorText } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { useI18n, type Translate } from '../../i18n/i18n.tsx'
import { intentLabelKey } from '../saved-replies/saved-reply-form.tsx'
import { RoutingRuleForm, sentimentKey } from './routing-rule-form.tsx'
import { routingListQuery, routingRequests, useRoutingChange } from './routing-queries.ts'
import type { RoutingReferences, RoutingRule } from './routing-types.ts'

/** The rule's conditions in words, one line each. */
export function describeConditions(rule: RoutingRule, references: RoutingReferences, t: Translate): string[] {
  const c = rule.conditions
  const lines: string[] = []
  const unitName = (id: string) => references.units.find((unit) => unit.id === id)?.name ?? '—'
  const quoted = (list: readonly string[]) => list.map((word) => `“${word}”`).join(', ')
  if (c.keywordsAny.length > 0)
    lines.push(t('routing.describe.keywordsAny', { words: quoted(c.keywordsAny) }))
  if (c.keywordsAll.length > 0)
    lines.push(t('routing.describe.keywordsAll', { words: quoted(c.keywordsAll) }))
  if (c.intents.length > 0)
    lines.push(t('routing.describe.intents', { list: c.intents.map((i) => t(intentLabelKey(i))).join(', ') }))
  if (c.sentiments.length > 0)
    lines.push(
      t('routing.describe.sentiments', { list: c.sentiments.map((s) => t(sentimentKey(s))).join(', ') }),
    )
  if (c.platforms.length > 0)
    lines.push(
      t('routing.describe.platforms', { list: c.platforms.map((p) => PLATFORM_LABELS[p]).join(', ') }),
    )
  if (c.accountIds.length > 0)
    lines.push(
      t('routing.describe.accounts', {
        list: c.accountIds
          .map((id) => references.accounts.find((account) => account.id === id))
          .map((account) =>
            account
              ? `${PLATFORM_LABELS[account.platform as Platform] ?? account.platform} ${account.handle}`
              : '—',
          )
          .join(', '),
      }),
    )
  if (c.unitIds.length > 0)
    lines.push(t('routing.describe.units', { list: c.unitIds.map(unitName).join(', ') }))
  if (c.hoaxMatched !== null)
    lines.push(t(c.hoaxMatched ? 'routing.describe.hoaxYes' : 'routing.describe.hoaxNo'))
  return lines
}

export function describeAction(rule: RoutingRule, references: RoutingReferences, t: Translate): string {
  const action = rule.action
  switch (action.kind) {
    case 'assign_unit':
      return t('routing.describe.assignUnit', {
        unit: references.units.find((unit) => unit.id === action.unitId)?.name ?? '—',
      })
    case 'assign_user':
      return t('routing.describe.assignUser', {
        user: references.users.find((user) => user.id === action.userId)?.name ?? '—',
      })
    case 'add_label':
      return t('routing.describe.addLabel', { label: action.label })
    case 'set_priority_floor':
      return t('routing.describe.priority', { priority: action.priority })
  }
}

export function RoutingRulesPage() {
  const { t } = useI18n()
  const list = useQuery(routingListQuery)
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null)
  const confirm = useConfirm()
  const remove = useRoutingChange(routingRequests.remove)
  const reorder = useRoutingChange(routingRequests.reorder)
  const changeError = useErrorText(remove.error ?? reorder.error)
  const rules = list.data?.items ?? []
  const references = list.data?.references ?? { units: [], users: [], accounts: [] }

  const move = (index: number, by: -1 | 1) => {
    const ids = rules.map((rule) => rule.id)
    const [moved] = ids.splice(index, 1)
    ids.splice(index + by, 0, moved!)
    reorder.mutate(ids)
  }
  const askRemove = async (rule: RoutingRule) => {
    const confirmed = await confirm({
      title: t('routing.deleteTitle'),
      message: t('routing.deleteMessage', { name: rule.name }),
      confirmLabel: t('routing.delete'),
    })
    if (confirmed) remove.mutate(rule.id, { onSuccess: () => notifySuccess(t('routing.deleted')) })
  }

  const columns: DataTableColumn<RoutingRule>[] = [
    {
      key: 'position',
      header: t('routing.order'),
      noWrap: true,
      render: (rule) => String(rules.indexOf(rule) + 1),
    },
    {
      key: 'name',
      header: t('routing.name'),
      primary: true,
      render: (rule) => (
        <Stack gap={2}>
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {rule.name}
            </Text>
            {rule.enabled ? null : (
              <Badge size="sm" color="gray" variant="light" radius="sm">
                {t('routing.disabled')}
              </Badge>
            )}
          </Group>
          {describeConditions(rule, references, t).map((line) => (
            <Text key={line} size="xs" c="dimmed">
              {line}
            </Text>
          ))}
        </Stack>
      ),
    },
    {
      key: 'action',
      header: t('routing.actionTitle'),
      render: (rule) => describeAction(rule, references, t),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      hideHeader: true,
      render: (rule) => {
        const index = rules.indexOf(rule)
        return (
          <Group gap={4} wrap="nowrap">
            <Button
              size="xs"
              variant="subtle"
              disabled={index === 0 || reorder.isPending}
              onClick={() => move(index, -1)}
              aria-label={t('routing.moveUp', { name: rule.name })}
            >
              ↑
            </Button>
            <Button
              size="xs"
              variant="subtle"
              disabled={index === rules.length - 1 || reorder.isPending}
              onClick={() => move(index, 1)}
              aria-label={t('routing.moveDown', { name: rule.name })}
            >
              ↓
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => setEditing(rule)}
              aria-label={t('routing.editNamed', { name: rule.name })}
            >
              {t('routing.edit')}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => void askRemove(rule)}
              aria-label={t('routing.deleteNamed', { name: rule.name })}
            >
              {t('routing.delete')}
            </Button>
          </Group>
        )
      },
    },
  ]

  return (
    <>
      <PageHeader
        title={t('nav.routingRules')}
        description={t('routing.intro')}
        actions={<Button onClick={() => setEditing('new')}>{t('routing.add')}</Button>}
      />
      {editing && list.data ? (
        <RoutingRuleForm
          key={editing === 'new' ? 'new' : editing.id}
          rule={editing === 'new' ? null : editing}
          references={references}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <Panel title={t('routing.list')}>
        <ErrorText>{changeError.banner}</ErrorText>
        <DataTable
          caption={t('routing.list')}
          columns={columns}
          rows={list.data?.items}
          rowKey={(rule) => rule.id}
          emptyText={t('routing.empty')}
          loading={list.isFetching}
          error={list.error}
          testId="routing-rules"
        />
      </Panel>
    </>
  )
}
