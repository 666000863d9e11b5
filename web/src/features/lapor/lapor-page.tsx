// Complaints referred to SP4N-LAPOR!: each with its stage clock (first status 3 working days, follow-up plan 5),
// the stage reached recorded here as it happens in LAPOR!, out-of-scope matters with the body they went to, and
// the export in the LAPOR! form's fields.
import { Button, Group, Menu, Stack, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { useSession } from '../../app/session.tsx'
import { useErrorText } from '../../components/api-error-text.ts'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { ErrorText } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx'
import { ClockBadge } from '../ppid/clock-badge.tsx'
import {
  complaintCandidatesQuery,
  laporListQuery,
  slaKeys,
  slaRequests,
  useSlaChange,
} from '../ppid/ppid-queries.ts'
import type { ComplaintCandidate, LaporReferral } from '../ppid/ppid-types.ts'

const NEXT: Readonly<Record<LaporReferral['status'], readonly string[]>> = {
  referred: ['verified', 'follow_up_planned', 'closed'],
  verified: ['follow_up_planned', 'closed'],
  follow_up_planned: ['closed'],
  closed: [],
  out_of_scope: [],
}

function Progress({ row }: { row: LaporReferral }) {
  const { t } = useI18n()
  const [tracking, setTracking] = useState(row.laporTrackingId ?? '')
  const progress = useSlaChange(slaKeys.lapor, slaRequests.laporProgress)
  const error = useErrorText(progress.error)
  const stages = NEXT[row.status]
  if (stages.length === 0) return null
  return (
    <Stack gap={4}>
      <ErrorText>{error.banner}</ErrorText>
      <Group gap="xs" wrap="nowrap">
        <TextInput
          size="xs"
          aria-label={t('lapor.trackingId')}
          placeholder={t('lapor.trackingId')}
          value={tracking}
          onChange={(event) => setTracking(event.currentTarget.value)}
          w={150}
        />
        <Menu position="bottom-end">
          <Menu.Target>
            <Button size="compact-sm" variant="default" loading={progress.isPending}>
              {t('lapor.record')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {stages.map((stage) => (
              <Menu.Item
                key={stage}
                onClick={() =>
                  progress.mutate(
                    { id: row.id, stage, laporTrackingId: tracking || null },
                    { onSuccess: () => notifySuccess(t('lapor.recorded')) },
                  )
                }
              >
                {t(`lapor.stage.${stage}` as MessageKey)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Stack>
  )
}

function Complaints() {
  const { t, locale } = useI18n()
  const candidates = useQuery(complaintCandidatesQuery())
  const refer = useSlaChange(slaKeys.lapor, slaRequests.refer)
  const error = useErrorText(refer.error)
  const send = (inboxItemId: string, outOfScope?: string | null) =>
    refer.mutate(
      { inboxItemId, ...(outOfScope !== undefined ? { outOfScope } : {}) },
      { onSuccess: () => notifySuccess(t('lapor.referred')) },
    )
  const columns: DataTableColumn<ComplaintCandidate>[] = [
    {
      key: 'complaint',
      header: t('lapor.complaint'),
      primary: true,
      render: (row) => (
        <Stack gap={2}>
          <Text size="sm">{row.body}</Text>
          <Text size="xs" c="dimmed">
            {row.authorName ?? `@${row.authorHandle}`} · {formatDate(row.createdAt, locale, 'shortDatetime')}
          </Text>
          {row.suggestedOutOfScope ? (
            <Text size="xs" c="orange.9" fw={600}>
              {t('lapor.looksOutOfScope', {
                kind: t(`lapor.outOfScope.${row.suggestedOutOfScope}` as MessageKey),
              })}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'action',
      header: t('lapor.actions'),
      hideHeader: true,
      render: (row) =>
        row.suggestedOutOfScope ? (
          <Group gap="xs" wrap="wrap">
            <Button size="compact-sm" onClick={() => send(row.id, row.suggestedOutOfScope)}>
              {t('lapor.markOutOfScope')}
            </Button>
            <Button size="compact-sm" variant="default" onClick={() => send(row.id, null)}>
              {t('lapor.referAnyway')}
            </Button>
          </Group>
        ) : (
          <Button size="compact-sm" onClick={() => send(row.id)}>
            {t('lapor.refer')}
          </Button>
        ),
    },
  ]
  return (
    <>
      <ErrorText>{error.banner}</ErrorText>
      <DataTable
        caption={t('lapor.complaints')}
        columns={columns}
        rows={candidates.data?.items}
        rowKey={(row) => row.id}
        emptyText={t('lapor.noComplaints')}
        loading={candidates.isPending}
        error={candidates.error}
        pageSize={10}
        testId="lapor-complaints"
      />
    </>
  )
}

export function LaporPage() {
  const { t, locale } = useI18n()
  const { can } = useSession()
  const list = useQuery(laporListQuery())
  const [exportError, setExportError] = useState<unknown>(null)
  const exportText = useErrorText(exportError)
  const columns: DataTableColumn<LaporReferral>[] = [
    {
      key: 'title',
      header: t('lapor.title'),
      primary: true,
      render: (row) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {row.title}
          </Text>
          <Text size="xs" c="dimmed">
            {[row.reporterName ?? t('lapor.anonymous'), row.location].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      ),
      sortValue: (row) => row.title,
    },
    {
      key: 'received',
      header: t('lapor.receivedOn'),
      noWrap: true,
      render: (row) => formatDate(row.receivedOn, locale, 'shortDate'),
      sortValue: (row) => row.receivedOn,
    },
    {
      key: 'firstStatus',
      header: t('lapor.firstStatusDue'),
      noWrap: true,
      render: (row) => (row.outOfScope ? '—' : formatDate(row.firstStatusDueOn, locale, 'shortDate')),
      sortValue: (row) => row.firstStatusDueOn,
    },
    {
      key: 'followUp',
      header: t('lapor.followUpDue'),
      noWrap: true,
      render: (row) => (row.outOfScope ? '—' : formatDate(row.followUpDueOn, locale, 'shortDate')),
      sortValue: (row) => row.followUpDueOn,
    },
    {
      key: 'status',
      header: t('lapor.status'),
      render: (row) =>
        row.outOfScope ? (
          <Stack gap={0}>
            <Text size="sm">{t(`lapor.outOfScope.${row.outOfScope}` as MessageKey)}</Text>
            <Text size="xs" c="dimmed">
              {t('lapor.referredTo', { body: row.outOfScopeBody ?? '' })}
            </Text>
          </Stack>
        ) : (
          <Stack gap={4} align="flex-start">
            <Text size="sm">{t(`lapor.status.${row.status}` as MessageKey)}</Text>
            <ClockBadge state={row.clock.state} workingDaysLeft={row.clock.workingDaysLeft} />
          </Stack>
        ),
      sortValue: (row) => row.status,
    },
    ...(can('inbox.reply')
      ? [
          {
            key: 'actions',
            header: t('lapor.actions'),
            hideHeader: true,
            render: (row: LaporReferral) => <Progress row={row} />,
          },
        ]
      : []),
  ]
  return (
    <>
      <PageHeader
        title={t('nav.lapor')}
        description={t('lapor.intro')}
        actions={
          <Button
            variant="default"
            onClick={() => {
              setExportError(null)
              slaRequests.laporCsv().catch(setExportError)
            }}
          >
            {t('lapor.export')}
          </Button>
        }
      />
      <ErrorText>{exportText.banner}</ErrorText>
      {can('inbox.reply') ? (
        <Panel title={t('lapor.complaints')} description={t('lapor.complaintsHint')}>
          <Complaints />
        </Panel>
      ) : null}
      <Panel title={t('lapor.referrals')} description={t('lapor.exportHint')}>
        <DataTable
          caption={t('lapor.referrals')}
          columns={columns}
          rows={list.data?.referrals}
          rowKey={(row) => row.id}
          emptyText={t('lapor.empty')}
          loading={list.isPending}
          error={list.error}
          testId="lapor-referrals"
        />
      </Panel>
    </>
  )
}
