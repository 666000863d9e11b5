// One agenda item: the narrative (key messages, source, assets, central post, deadline in WIB) and its board —
// per unit or account done, late, in progress or not started, the reach it added, and totals, with filters.
// A unit's pengelola starts its task here: "Adaptasi" opens a prefilled draft in the composer, "Repost" a draft
// quoting the central post and its link; both go through the unit's approval chain. The manager closes or reopens
// the item and hands out more tasks.
import {
  Badge,
  Button,
  Group,
  Image,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useNavigate, useParams } from '@tanstack/react-router'
import { useState } from 'react'
import { AGENDA_BOARD_STATUSES } from '../../../../src/shared/agenda.ts'
import { formatDate } from '../../../../src/shared/dates.ts'
import { useErrorText } from '../../components/api-error-text.ts'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { ErrorText } from '../../components/error-banner.tsx'
import { LoadState } from '../../components/load-state.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { AnchorLink } from '../../components/router-links.tsx'
import { platformLabel } from '../../components/vocabulary-labels.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { BOARD_STATUS_COLOURS, filterBoardRows, type BoardFilters } from './agenda-board-filter.ts'
import { AgendaStatusBadge } from './agenda-list-page.tsx'
import { agendaBoardQuery, agendaRequests, useAgendaChange } from './agenda-queries.ts'
import { AgendaTargetsField, NO_TARGETS, targetsBody, type TargetsValue } from './agenda-targets-field.tsx'
import type { AgendaBoard, AgendaBoardRow } from './agenda-types.ts'

export function AgendaItemPage() {
  const { id } = useParams({ from: '/agenda/$id' })
  const { t } = useI18n()
  const board = useQuery(agendaBoardQuery(id))
  if (!board.data) return <LoadState loading={board.isLoading} error={board.error} />
  return (
    <>
      <PageHeader
        title={board.data.title}
        description={t('agenda.itemIntro')}
        actions={<ItemActions item={board.data} />}
      />
      <NarrativePanel item={board.data} />
      <BoardPanel item={board.data} />
      {board.data.canManage && board.data.status === 'open' ? <AssignPanel item={board.data} /> : null}
    </>
  )
}

function ItemActions({ item }: { item: AgendaBoard }) {
  const { t } = useI18n()
  const close = useAgendaChange(agendaRequests.close)
  const reopen = useAgendaChange(agendaRequests.reopen)
  return (
    <Group gap="xs">
      <AgendaStatusBadge status={item.status} />
      {item.canManage ? (
        item.status === 'open' ? (
          <Button variant="default" loading={close.isPending} onClick={() => close.mutate(item.id)}>
            {t('agenda.close')}
          </Button>
        ) : (
          <Button variant="default" loading={reopen.isPending} onClick={() => reopen.mutate(item.id)}>
            {t('agenda.reopen')}
          </Button>
        )
      ) : null}
    </Group>
  )
}

function NarrativePanel({ item }: { item: AgendaBoard }) {
  const { t, locale } = useI18n()
  return (
    <Panel title={t('agenda.narrative')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('agenda.keyMessages')}
          </Text>
          <List size="sm" spacing={4}>
            {item.keyMessages.map((message) => (
              <List.Item key={message}>{message}</List.Item>
            ))}
          </List>
          {item.media.length > 0 ? (
            <Group gap="xs" aria-label={t('agenda.assets')}>
              {item.media.map((found) => (
                <Image
                  key={found.mediaId}
                  src={found.thumbnailUrl ?? found.url}
                  alt=""
                  w={72}
                  h={72}
                  fit="cover"
                  radius="sm"
                />
              ))}
            </Group>
          ) : null}
        </Stack>
        <Stack gap={6}>
          <Text size="sm">
            <b>{t('agenda.deadline')}:</b> {formatDate(item.deadline, locale, 'datetime')}
          </Text>
          <Text size="sm">
            <b>{t('agenda.owner')}:</b> {item.unit.name}
          </Text>
          {item.source ? (
            <Text size="sm">
              <b>{t('agenda.source')}:</b> {item.source}
            </Text>
          ) : null}
          <Text size="sm">
            <b>{t('agenda.centralPost')}:</b>{' '}
            {item.centralPost ? (
              item.centralPost.url ? (
                <a href={item.centralPost.url} target="_blank" rel="noreferrer noopener">
                  {item.centralPost.title}
                </a>
              ) : (
                t('agenda.centralPostPending', { title: item.centralPost.title })
              )
            ) : (
              '—'
            )}
          </Text>
        </Stack>
      </SimpleGrid>
    </Panel>
  )
}

export function BoardTotalsView({ totals }: { totals: AgendaBoard['totals'] }) {
  const { t, locale } = useI18n()
  const number = (value: number) => value.toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB')
  const cells: Array<[string, string]> = [
    [t('agenda.totalTasks'), number(totals.tasks)],
    [t('agendaBoard.done'), number(totals.done)],
    [t('agendaBoard.late'), number(totals.late)],
    [t('agendaBoard.in_progress'), number(totals.inProgress)],
    [t('agendaBoard.not_started'), number(totals.notStarted)],
    [t('agenda.reach'), number(totals.reach)],
  ]
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="xs" mb="md" data-testid="agenda-totals">
      {cells.map(([label, value]) => (
        <Stack key={label} gap={0}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text size="lg" fw={700}>
            {value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  )
}

function TaskActions({ row, item }: { row: AgendaBoardRow; item: AgendaBoard }) {
  const { t } = useI18n()
  const navigate = useNavigate()
  const start = useAgendaChange(agendaRequests.start)
  const error = useErrorText(start.error)
  if (!row.canWork) return null
  const go = (mode: 'adapt' | 'repost') =>
    start.mutate(
      { taskId: row.taskId, mode },
      { onSuccess: ({ postId }) => void navigate({ to: '/posts/$id', params: { id: postId } }) },
    )
  const target = row.account?.handle ?? row.unit.name
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        <Button
          size="xs"
          onClick={() => go('adapt')}
          loading={start.isPending}
          aria-label={t('agenda.adaptNamed', { target })}
        >
          {t('agenda.adapt')}
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => go('repost')}
          disabled={!item.centralPost?.url}
          title={item.centralPost?.url ? undefined : t('agenda.repostUnavailable')}
          aria-label={t('agenda.repostNamed', { target })}
        >
          {t('agenda.repost')}
        </Button>
      </Group>
      <ErrorText>{error.banner}</ErrorText>
    </Stack>
  )
}

export function BoardPanel({ item }: { item: AgendaBoard }) {
  const { t, locale } = useI18n()
  const [filters, setFilters] = useState<BoardFilters>({ status: '', query: '' })
  const rows = filterBoardRows(item.rows, filters)
  const number = (value: number) => value.toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB')
  const columns: DataTableColumn<AgendaBoardRow>[] = [
    {
      key: 'target',
      header: t('agenda.target'),
      primary: true,
      sortValue: (row) => `${row.unit.name} ${row.account?.handle ?? ''}`,
      render: (row) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {row.unit.name}
          </Text>
          {row.account ? (
            <Text size="xs" c="dimmed">
              {platformLabel(row.account.platform)} · {row.account.handle}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'status',
      header: t('agenda.boardStatus'),
      sortValue: (row) => AGENDA_BOARD_STATUSES.indexOf(row.boardStatus),
      render: (row) => (
        <Stack gap={2}>
          <Badge color={BOARD_STATUS_COLOURS[row.boardStatus]} variant="light" radius="sm">
            {t(`agendaBoard.${row.boardStatus}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {t(`agendaTask.${row.state}`)}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'completedAt',
      header: t('agenda.completedAt'),
      noWrap: true,
      sortValue: (row) => row.completedAt,
      render: (row) => (row.completedAt ? formatDate(row.completedAt, locale, 'shortDatetime') : '—'),
    },
    {
      key: 'reach',
      header: t('agenda.reach'),
      noWrap: true,
      sortValue: (row) => row.reach,
      render: (row) => number(row.reach),
    },
    {
      key: 'posts',
      header: t('agenda.posts'),
      render: (row) =>
        row.posts.length > 0 ? (
          <Stack gap={2}>
            {row.posts.map((post) => (
              <AnchorLink key={post.id} to="/posts/$id" params={{ id: post.id }} size="sm">
                {t(`agendaMode.${post.mode}`)}: {post.title}
              </AnchorLink>
            ))}
          </Stack>
        ) : (
          '—'
        ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      hideHeader: true,
      render: (row) => <TaskActions row={row} item={item} />,
    },
  ]
  return (
    <Panel title={t('agenda.board')} description={t('agenda.boardIntro')}>
      <BoardTotalsView totals={item.totals} />
      <SimpleGrid
        cols={{ base: 1, sm: 2 }}
        spacing="sm"
        mb="md"
        role="group"
        aria-label={t('common.filters')}
      >
        <NativeSelect
          label={t('agenda.boardStatus')}
          value={filters.status}
          onChange={(event) =>
            setFilters({ ...filters, status: event.currentTarget.value as BoardFilters['status'] })
          }
          data={[
            { value: '', label: t('common.all') },
            ...AGENDA_BOARD_STATUSES.map((status) => ({ value: status, label: t(`agendaBoard.${status}`) })),
          ]}
        />
        <TextInput
          label={t('agenda.searchTarget')}
          type="search"
          value={filters.query}
          onChange={(event) => setFilters({ ...filters, query: event.currentTarget.value })}
        />
      </SimpleGrid>
      <DataTable
        caption={t('agenda.board')}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.taskId}
        emptyText={t('agenda.boardEmpty')}
        pageSize={0}
        testId="agenda-board"
      />
    </Panel>
  )
}

function AssignPanel({ item }: { item: AgendaBoard }) {
  const { t } = useI18n()
  const [targets, setTargets] = useState<TargetsValue>(NO_TARGETS)
  const assign = useAgendaChange(agendaRequests.assign)
  const error = useErrorText(assign.error)
  return (
    <Panel title={t('agenda.assignMore')} description={t('agenda.targetsIntro')}>
      <AgendaTargetsField value={targets} onChange={setTargets} />
      <ErrorText>{error.banner}</ErrorText>
      <Group justify="flex-end" mt="sm">
        <Button
          loading={assign.isPending}
          onClick={() =>
            assign.mutate(
              { id: item.id, targets: targetsBody(targets) },
              {
                onSuccess: (answer) => {
                  notifySuccess(
                    t('agenda.assigned', { added: answer.assigned.added, skipped: answer.assigned.skipped }),
                  )
                  setTargets(NO_TARGETS)
                },
              },
            )
          }
        >
          {t('agenda.assign')}
        </Button>
      </Group>
    </Panel>
  )
}
