// PPID cases against the UU KIP clock: counts by where the clock stands, the cases by status (open ones first by
// their deadline), and the intake of a request that came by e-mail, in person, by post or by phone (a request in
// the inbox becomes a case from the inbox).
import {
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState, type FormEvent } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { PERMISSIONS } from '../../../../src/shared/permissions.ts'
import { isRole } from '../../../../src/shared/roles.ts'
import { useSession } from '../../app/session.tsx'
import { useErrorText } from '../../components/api-error-text.ts'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { DateField } from '../../components/date-field.tsx'
import { ErrorText } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { AnchorLink } from '../../components/router-links.tsx'
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx'
import { UnitSelect } from '../units/unit-select.tsx'
import { useUnits } from '../units/units-queries.ts'
import { ClockBadge } from './clock-badge.tsx'
import { ppidListQuery, requestCandidatesQuery, slaKeys, slaRequests, useSlaChange } from './ppid-queries.ts'
import type { ClockState, PpidCase, PpidStatus, RequestCandidate } from './ppid-types.ts'

const STATUSES: readonly PpidStatus[] = [
  'registered',
  'extended',
  'decided',
  'objection',
  'objection_answered',
]
const CHANNELS: readonly PpidCase['channel'][] = [
  'email',
  'langsung',
  'pos',
  'telepon',
  'media_sosial',
  'lainnya',
]
const STATES: readonly ClockState[] = ['overdue', 'due_today', 'due_soon', 'on_time', 'done']

function IntakeForm({ onDone }: { onDone: (created: PpidCase) => void }) {
  const { t } = useI18n()
  const units = useUnits()
  const { me } = useSession()
  const paths = me.grants
    .filter((grant) => isRole(grant.role) && PERMISSIONS[grant.role].has('ppid.manage'))
    .map((grant) => grant.unitPath)
  const options = units.options.filter(({ unit }) => paths.some((path) => unit.path.startsWith(path)))
  const [unitId, setUnitId] = useState('')
  const [channel, setChannel] = useState<PpidCase['channel']>('email')
  const [requesterName, setRequesterName] = useState('')
  const [requesterContact, setRequesterContact] = useState('')
  const [requestText, setRequestText] = useState('')
  const [receivedOn, setReceivedOn] = useState('')
  const register = useSlaChange(slaKeys.ppid, slaRequests.register)
  const error = useErrorText(register.error)
  const chosenUnit = unitId || options[0]?.unit.id || ''
  const submit = (event: FormEvent) => {
    event.preventDefault()
    register.mutate(
      {
        unitId: chosenUnit,
        channel,
        requesterName,
        requesterContact: requesterContact || null,
        requestText,
        ...(receivedOn ? { receivedOn } : {}),
      } as Parameters<typeof slaRequests.register>[0],
      {
        onSuccess: (created) => {
          notifySuccess(t('ppid.registered', { number: created.registrationNumber }))
          onDone(created)
        },
      },
    )
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorText>{error.banner}</ErrorText>
      <Stack gap="sm">
        <Group grow align="flex-start" wrap="wrap">
          <UnitSelect
            label={t('ppid.unit')}
            options={options}
            value={chosenUnit}
            onChange={(event) => setUnitId(event.currentTarget.value)}
            error={error.field('unitId')}
            miw={220}
          />
          <NativeSelect
            label={t('ppid.channel')}
            data={CHANNELS.map((value) => ({ value, label: t(`ppid.channel.${value}` as MessageKey) }))}
            value={channel}
            onChange={(event) => setChannel(event.currentTarget.value as PpidCase['channel'])}
            miw={180}
          />
          <DateField
            label={t('ppid.receivedOn')}
            description={t('ppid.receivedOnHint')}
            value={receivedOn}
            onChange={setReceivedOn}
            error={error.field('receivedOn')}
            miw={200}
          />
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('ppid.requester')}
            value={requesterName}
            onChange={(event) => setRequesterName(event.currentTarget.value)}
            error={error.field('requesterName')}
            required
            miw={220}
          />
          <TextInput
            label={t('ppid.contact')}
            value={requesterContact}
            onChange={(event) => setRequesterContact(event.currentTarget.value)}
            miw={220}
          />
        </Group>
        <Textarea
          label={t('ppid.requestText')}
          value={requestText}
          onChange={(event) => setRequestText(event.currentTarget.value)}
          error={error.field('requestText')}
          autosize
          minRows={3}
          required
        />
        <Group>
          <Button type="submit" loading={register.isPending}>
            {t('ppid.register')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function InboxRequests({ onDone }: { onDone: (created: PpidCase) => void }) {
  const { t, locale } = useI18n()
  const candidates = useQuery(requestCandidatesQuery())
  const register = useSlaChange(slaKeys.ppid, slaRequests.registerItem)
  const error = useErrorText(register.error)
  const columns: DataTableColumn<RequestCandidate>[] = [
    {
      key: 'author',
      header: t('ppid.requester'),
      primary: true,
      render: (row) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {row.authorName ?? `@${row.authorHandle}`}
          </Text>
          <Text size="xs" c="dimmed">
            @{row.authorHandle} · {formatDate(row.createdAt, locale, 'shortDatetime')}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'body',
      header: t('ppid.requestText'),
      render: (row) => (
        <Text size="sm" lineClamp={3}>
          {row.body}
        </Text>
      ),
    },
    {
      key: 'action',
      header: t('ppid.makeCase'),
      hideHeader: true,
      render: (row) => (
        <Button
          size="compact-sm"
          loading={register.isPending && register.variables === row.id}
          onClick={() =>
            register.mutate(row.id, {
              onSuccess: (created) => {
                notifySuccess(t('ppid.registered', { number: created.registrationNumber }))
                onDone(created)
              },
            })
          }
        >
          {t('ppid.makeCase')}
        </Button>
      ),
    },
  ]
  return (
    <>
      <ErrorText>{error.banner}</ErrorText>
      <DataTable
        caption={t('ppid.inboxRequests')}
        columns={columns}
        rows={candidates.data?.items}
        rowKey={(row) => row.id}
        emptyText={t('ppid.noInboxRequests')}
        loading={candidates.isPending}
        error={candidates.error}
        pageSize={10}
        testId="ppid-inbox-requests"
      />
    </>
  )
}

export function PpidListPage() {
  const { t, locale } = useI18n()
  const navigate = useNavigate()
  const [status, setStatus] = useState<PpidStatus | 'all'>('all')
  const list = useQuery(ppidListQuery(status === 'all' ? null : status))
  const columns: DataTableColumn<PpidCase>[] = [
    {
      key: 'number',
      header: t('ppid.number'),
      primary: true,
      noWrap: true,
      render: (row) => (
        <AnchorLink to="/ppid/$id" params={{ id: row.id }} fw={600}>
          {row.registrationNumber}
        </AnchorLink>
      ),
      sortValue: (row) => row.registrationNumber,
    },
    {
      key: 'requester',
      header: t('ppid.requester'),
      render: (row) => (
        <Stack gap={0}>
          <Text size="sm">{row.requesterName}</Text>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {row.requestText}
          </Text>
        </Stack>
      ),
      sortValue: (row) => row.requesterName,
    },
    {
      key: 'received',
      header: t('ppid.receivedOn'),
      noWrap: true,
      render: (row) => formatDate(row.receivedOn, locale, 'shortDate'),
      sortValue: (row) => row.receivedOn,
    },
    {
      key: 'deadline',
      header: t('ppid.deadline'),
      noWrap: true,
      render: (row) =>
        row.clock.deadline ? (
          <Text size="sm" span>
            {formatDate(row.clock.deadline, locale, 'shortDate')}
            {row.dueProvisional ? ` (${t('ppid.provisional')})` : ''}
          </Text>
        ) : (
          '—'
        ),
      sortValue: (row) => row.clock.deadline ?? '9999',
    },
    {
      key: 'status',
      header: t('ppid.status'),
      render: (row) => t(`ppid.status.${row.status}` as MessageKey),
      sortValue: (row) => row.status,
    },
    {
      key: 'clock',
      header: t('ppid.clock'),
      render: (row) => <ClockBadge state={row.clock.state} workingDaysLeft={row.clock.workingDaysLeft} />,
      sortValue: (row) => STATES.indexOf(row.clock.state),
    },
  ]
  return (
    <>
      <PageHeader title={t('nav.ppid')} description={t('ppid.intro')} />
      <Panel title={t('ppid.byClock')}>
        <Group gap="lg" wrap="wrap" data-testid="ppid-counts">
          {STATES.map((state) => (
            <Stack key={state} gap={0} align="flex-start">
              <Text fw={700} size="xl">
                {list.data?.counts[state] ?? 0}
              </Text>
              <Text size="sm" c="dimmed">
                {t(`slaClock.${state}` as MessageKey)}
              </Text>
            </Stack>
          ))}
        </Group>
      </Panel>
      <Panel title={t('ppid.cases')}>
        <Stack gap="sm">
          <SegmentedControl
            value={status}
            onChange={(value) => setStatus(value)}
            data={[
              { value: 'all', label: t('ppid.all') },
              ...STATUSES.map((value) => ({ value, label: t(`ppid.status.${value}` as MessageKey) })),
            ]}
            style={{ maxWidth: '100%', overflowX: 'auto' }}
          />
          <DataTable
            caption={t('ppid.cases')}
            columns={columns}
            rows={list.data?.cases}
            rowKey={(row) => row.id}
            emptyText={t('ppid.empty')}
            loading={list.isPending}
            error={list.error}
            testId="ppid-cases"
          />
        </Stack>
      </Panel>
      <Panel title={t('ppid.inboxRequests')} description={t('ppid.inboxRequestsHint')}>
        <InboxRequests onDone={(created) => void navigate({ to: '/ppid/$id', params: { id: created.id } })} />
      </Panel>
      <Panel title={t('ppid.intake')} description={t('ppid.intakeHint')}>
        <IntakeForm onDone={(created) => void navigate({ to: '/ppid/$id', params: { id: created.id } })} />
      </Panel>
    </>
  )
}
