// The official account registry: a searchable, filtered list with each account's penanggung jawab and pengelola
// (a pengelola without a surat tugas is flagged), the create/edit form, the naming report (every handle that
// breaks its platform's pattern, with the reason), and the CSV import with its preview, and the export.
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Checkbox,
  Code,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { api } from '../../app/api-client.ts'
import { useState } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { PLATFORMS } from '../../../../src/shared/platforms.ts'
import { ACCOUNT_STATUSES } from '../../../../src/shared/statuses.ts'
import { useSession } from '../../app/session.tsx'
import { problemText } from '../../components/api-error-text.ts'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { isAccountStatus, isVerificationStatus, platformLabel } from '../../components/vocabulary-labels.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { UnitSelect } from '../units/unit-select.tsx'
import { useUnits } from '../units/units-queries.ts'
import { AccountConnectionPanel } from './account-connection-panel.tsx'
import { AccountForm } from './account-form.tsx'
import { AccountImportPanel } from './account-import-panel.tsx'
import { WHOLE_WORD_BADGE } from './badge-style.ts'
import type { Account, NamingIssue } from './account-types.ts'
import {
  ACCOUNT_PAGE_SIZE,
  accountsPageQuery,
  namingReportQuery,
  type AccountFilters,
} from './accounts-queries.ts'

function NamingReport() {
  const { t, locale } = useI18n()
  const report = useQuery(namingReportQuery)
  const columns: DataTableColumn<NamingIssue>[] = [
    {
      key: 'handle',
      header: t('accounts.handle'),
      primary: true,
      sortValue: (issue) => issue.handle,
      render: (issue) => <Code>{issue.handle}</Code>,
    },
    {
      key: 'platform',
      header: t('accounts.platform'),
      sortValue: (issue) => platformLabel(issue.platform),
      render: (issue) => platformLabel(issue.platform),
    },
    {
      key: 'unit',
      header: t('accounts.unit'),
      sortValue: (issue) => issue.unitName,
      render: (issue) => issue.unitName,
    },
    { key: 'expected', header: t('accounts.expected'), render: (issue) => <Code>{issue.expected}</Code> },
    { key: 'reason', header: t('accounts.reason'), render: (issue) => problemText(issue.reason, locale) },
  ]
  return (
    <Panel title={t('accounts.namingReport')} description={t('accounts.namingReportIntro')}>
      <DataTable
        caption={t('accounts.namingReport')}
        columns={columns}
        rows={report.data?.items}
        rowKey={(issue) => issue.accountId}
        emptyText={t('accounts.namingAllGood')}
        loading={report.isPending}
        error={report.error}
        initialSort={{ key: 'handle', direction: 'asc' }}
        testId="naming-report"
      />
    </Panel>
  )
}

function SecurityCell({ account }: { account: Account }) {
  const { t, locale } = useI18n()
  return (
    <>
      {isVerificationStatus(account.verificationStatus)
        ? t(`verification.${account.verificationStatus}`)
        : account.verificationStatus}{' '}
      · 2FA {account.platformTwoFactor ? t('common.yes') : t('common.no')}
      <Text size="xs" c="dimmed">
        {t('accounts.lastRotation')}: {formatDate(account.credentialRotatedOn, locale, 'date')}
      </Text>
    </>
  )
}

/** Each pengelola with their surat tugas; one without is flagged, so the letter is chased. */
export function PengelolaCell({ account }: { account: Account }) {
  const { t, locale } = useI18n()
  if (account.pengelola.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('accounts.noPengelolaYet')}
      </Text>
    )
  return (
    <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {account.pengelola.map((p) => (
        <li key={p.userId}>
          <Text size="sm">{p.name}</Text>
          {p.suratTugasNumber && p.suratTugasDate ? (
            <Text size="xs" c="dimmed">
              {t('accounts.letter', {
                number: p.suratTugasNumber,
                date: formatDate(p.suratTugasDate, locale, 'date'),
              })}
            </Text>
          ) : (
            <Badge
              color="orange"
              variant="light"
              size="sm"
              style={WHOLE_WORD_BADGE}
              leftSection={<span aria-hidden="true">⚠</span>}
            >
              {t('accounts.noLetter')}
            </Badge>
          )}
        </li>
      ))}
    </Stack>
  )
}

function NamingCell({ account }: { account: Account }) {
  const { t, locale } = useI18n()
  if (account.naming && !account.naming.compliant)
    return (
      <>
        <Badge color="red" variant="light" style={WHOLE_WORD_BADGE}>
          {t('accounts.breaksPattern')}
        </Badge>
        {account.naming.reason ? (
          <Text size="xs" mt={2}>
            {problemText(account.naming.reason, locale)}
          </Text>
        ) : null}
      </>
    )
  if (account.naming?.compliant)
    return (
      <Badge color="green" variant="light" style={WHOLE_WORD_BADGE}>
        {t('accounts.followsPattern')}
      </Badge>
    )
  return <Text c="dimmed">—</Text>
}

export function AccountsPage() {
  const { t } = useI18n()
  const { can } = useSession()
  const canManage = can('account.manage')
  const [filters, setFilters] = useState<Omit<AccountFilters, 'q'>>({
    unitId: '',
    platform: '',
    status: '',
    breaksNaming: false,
  })
  const [search, setSearch] = useState('')
  // The list follows the search box a moment after typing stops, not on every key.
  const [q] = useDebouncedValue(search, 300)
  const [offset, setOffset] = useState(0)
  const [editing, setEditing] = useState<Account | 'new' | null>(null)
  const [connectionOf, setConnectionOf] = useState<Account | null>(null)
  // Back from the platform's OAuth page: open that account's connection with the outcome.
  const returned = useSearch({ from: '/accounts' })
  const navigate = useNavigate()
  const returnedAccount = useQuery({
    queryKey: ['accounts', 'one', returned.connection],
    queryFn: () => api.get<Account>(`/api/accounts/${returned.connection}`),
    enabled: returned.connection !== undefined && connectionOf === null,
  })
  const shownConnection = connectionOf ?? (returned.connection ? (returnedAccount.data ?? null) : null)
  const closeConnection = () => {
    setConnectionOf(null)
    if (returned.connection || returned.oauth) void navigate({ to: '/accounts', search: {} })
  }
  const units = useUnits()
  const accounts = useQuery(accountsPageQuery({ ...filters, q }, offset))
  const set = <K extends keyof typeof filters>(key: K, value: (typeof filters)[K]) => {
    setOffset(0)
    setFilters((previous) => ({ ...previous, [key]: value }))
  }
  const total = accounts.data?.total ?? 0

  const columns: DataTableColumn<Account>[] = [
    {
      key: 'handle',
      header: t('accounts.handle'),
      primary: true,
      sortValue: (account) => account.handle,
      // The platform sits under the handle: the list has many columns, and the two are read together.
      render: (account) => (
        <>
          <Anchor href={account.url} rel="noreferrer noopener" target="_blank">
            {account.handle}
          </Anchor>
          <Text size="xs" c="dimmed" fw={400}>
            {platformLabel(account.platform)}
            {account.displayName ? ` · ${account.displayName}` : ''}
          </Text>
        </>
      ),
    },
    {
      key: 'unit',
      header: t('accounts.unit'),
      sortValue: (account) => account.unit.name,
      render: (account) => account.unit.name,
    },
    {
      key: 'penanggungJawab',
      header: t('accounts.penanggungJawab'),
      sortValue: (account) => account.penanggungJawab.name,
      render: (account) => account.penanggungJawab.name,
    },
    {
      key: 'pengelola',
      header: t('accounts.pengelolaList'),
      sortValue: (account) =>
        account.pengelola.some((p) => !p.suratTugasNumber) ? 0 : account.pengelola.length > 0 ? 1 : 2,
      render: (account) => <PengelolaCell account={account} />,
    },
    {
      key: 'status',
      header: t('accounts.status'),
      sortValue: (account) => account.status,
      render: (account) => (
        <Badge
          color={account.status === 'dormant' ? 'orange' : 'green'}
          variant="light"
          style={WHOLE_WORD_BADGE}
        >
          {isAccountStatus(account.status) ? t(`accountStatus.${account.status}`) : account.status}
        </Badge>
      ),
    },
    {
      key: 'security',
      header: t('accounts.security'),
      render: (account) => <SecurityCell account={account} />,
    },
    {
      key: 'naming',
      header: t('accounts.naming'),
      sortValue: (account) => (account.naming ? (account.naming.compliant ? 1 : 0) : 2),
      render: (account) => <NamingCell account={account} />,
    },
    {
      key: 'actions',
      header: t('common.actions'),
      hideHeader: true,
      render: (account: Account) => (
        // The buttons stack when the columns need the room (the list must fit 1280 px without sideways scrolling).
        <Group gap={6}>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => setConnectionOf(account)}
            aria-label={t('connection.openNamed', { handle: account.handle })}
          >
            {t('connection.open')}
          </Button>
          {canManage ? (
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => setEditing(account)}
              aria-label={t('accounts.editTitle', { handle: account.handle })}
            >
              {t('common.edit')}
            </Button>
          ) : null}
        </Group>
      ),
    },
  ]

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        description={t('accounts.intro')}
        actions={canManage ? <Button onClick={() => setEditing('new')}>{t('accounts.create')}</Button> : null}
      />
      {editing ? (
        <AccountForm
          key={editing === 'new' ? 'new' : editing.id}
          account={editing === 'new' ? null : editing}
          units={units.options}
          onDone={() => setEditing(null)}
        />
      ) : null}
      {returned.oauth && !returned.connection ? (
        <Alert color="red" mb="md" role="alert" data-testid="oauth-outcome">
          {t(`connection.oauthOutcome.${returned.oauth}`)}
        </Alert>
      ) : null}
      {shownConnection ? (
        <AccountConnectionPanel
          key={shownConnection.id}
          account={shownConnection}
          canManage={canManage}
          oauthOutcome={connectionOf ? undefined : returned.oauth}
          oauthChoice={connectionOf ? undefined : returned.choice}
          // Chosen: the choice is used; keep the account open without it (a reload would find it gone).
          onChoiceMade={() => void navigate({ to: '/accounts', search: { connection: shownConnection.id } })}
          onClose={closeConnection}
        />
      ) : null}
      <Panel title={t('accounts.list')}>
        <Box role="group" aria-label={t('common.filters')} mb="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm" verticalSpacing="xs">
            <TextInput
              label={t('accounts.search')}
              type="search"
              value={search}
              placeholder={t('accounts.searchHint')}
              onChange={(event) => {
                setOffset(0)
                setSearch(event.currentTarget.value)
              }}
            />
            <UnitSelect
              label={t('accounts.unit')}
              options={units.options}
              emptyLabel={t('common.all')}
              value={filters.unitId}
              onChange={(event) => set('unitId', event.currentTarget.value)}
            />
            <NativeSelect
              label={t('accounts.platform')}
              value={filters.platform}
              onChange={(event) => set('platform', event.currentTarget.value)}
              data={[
                { value: '', label: t('common.all') },
                ...PLATFORMS.map((platform) => ({ value: platform, label: platformLabel(platform) })),
              ]}
            />
            <NativeSelect
              label={t('accounts.status')}
              value={filters.status}
              onChange={(event) => set('status', event.currentTarget.value)}
              data={[
                { value: '', label: t('common.all') },
                ...ACCOUNT_STATUSES.map((status) => ({ value: status, label: t(`accountStatus.${status}`) })),
              ]}
            />
            <Checkbox
              label={t('accounts.onlyBreaking')}
              checked={filters.breaksNaming}
              onChange={(event) => set('breaksNaming', event.currentTarget.checked)}
              mt={{ md: 'xl' }}
            />
          </SimpleGrid>
        </Box>
        <DataTable
          caption={t('accounts.list')}
          columns={columns}
          rows={accounts.data?.items}
          rowKey={(account) => account.id}
          emptyText={t('accounts.empty')}
          loading={accounts.isPending}
          error={accounts.error}
          testId="account-table"
          serverPaging={{
            label: t('accounts.range', {
              from: total === 0 ? 0 : offset + 1,
              to: Math.min(total, offset + ACCOUNT_PAGE_SIZE),
              total,
            }),
            hasPrevious: offset > 0,
            hasNext: offset + ACCOUNT_PAGE_SIZE < total,
            onPrevious: () => setOffset(Math.max(0, offset - ACCOUNT_PAGE_SIZE)),
            onNext: () => setOffset(offset + ACCOUNT_PAGE_SIZE),
          }}
        />
      </Panel>
      <NamingReport />
      {canManage ? <AccountImportPanel /> : null}
    </>
  )
}
