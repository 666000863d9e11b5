// "Agenda digital": the narratives the central office issued, nearest deadline first, with how far the units
// got (done, late, of all tasks) and the reach they added. Managers issue a new one from here; units open an item
// to work their tasks.
import { Badge, Group, NativeSelect, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { AnchorLink, ButtonLink } from '../../components/router-links.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import { agendaListQuery } from './agenda-queries.ts'
import type { AgendaItem } from './agenda-types.ts'

export function AgendaStatusBadge({ status }: { status: AgendaItem['status'] }) {
  const { t } = useI18n()
  return (
    <Badge color={status === 'open' ? 'green' : 'gray'} variant="light" radius="sm">
      {t(`agendaStatus.${status}`)}
    </Badge>
  )
}

export function AgendaListPage() {
  const { t, locale } = useI18n()
  const [status, setStatus] = useState('open')
  const list = useQuery(agendaListQuery(status))
  const number = (value: number) => value.toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB')

  const columns: DataTableColumn<AgendaItem>[] = [
    {
      key: 'title',
      header: t('agenda.title'),
      primary: true,
      sortValue: (item) => item.title,
      render: (item) => (
        <Stack gap={2}>
          <AnchorLink to="/agenda/$id" params={{ id: item.id }} fw={600}>
            {item.title}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {item.unit.name}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'deadline',
      header: t('agenda.deadline'),
      noWrap: true,
      sortValue: (item) => item.deadline,
      render: (item) => formatDate(item.deadline, locale, 'shortDatetime'),
    },
    {
      key: 'progress',
      header: t('agenda.progress'),
      sortValue: (item) => (item.totals.tasks ? item.totals.done / item.totals.tasks : 0),
      render: (item) => (
        <Text size="sm">
          {t('agenda.progressValue', {
            done: item.totals.done,
            late: item.totals.late,
            tasks: item.totals.tasks,
          })}
        </Text>
      ),
    },
    {
      key: 'reach',
      header: t('agenda.reach'),
      noWrap: true,
      sortValue: (item) => item.totals.reach,
      render: (item) => number(item.totals.reach),
    },
    {
      key: 'status',
      header: t('agenda.status'),
      render: (item) => <AgendaStatusBadge status={item.status} />,
    },
  ]

  return (
    <>
      <PageHeader
        title={t('nav.agenda')}
        description={t('agenda.intro')}
        actions={list.data?.canCreate ? <ButtonLink to="/agenda/new">{t('agenda.create')}</ButtonLink> : null}
      />
      <Panel title={t('agenda.list')}>
        <Group mb="md">
          <NativeSelect
            label={t('agenda.status')}
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value)}
            data={[
              { value: 'open', label: t('agendaStatus.open') },
              { value: 'closed', label: t('agendaStatus.closed') },
              { value: '', label: t('common.all') },
            ]}
          />
        </Group>
        <DataTable
          caption={t('agenda.list')}
          columns={columns}
          rows={list.data?.items}
          rowKey={(item) => item.id}
          emptyText={t('agenda.empty')}
          loading={list.isFetching}
          error={list.error}
          testId="agenda-list"
        />
      </Panel>
    </>
  )
}
