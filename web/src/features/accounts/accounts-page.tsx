// The official account registry: filtered list, create/edit form, the naming report (every handle that breaks
// its platform's pattern, with the reason), CSV import with row errors, and CSV export.
import {
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
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState, type ChangeEvent } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { PLATFORMS } from '../../../../src/shared/platforms.ts'
import { ACCOUNT_STATUSES } from '../../../../src/shared/statuses.ts'
import { apiDownload } from '../../app/api-client.ts'
import { useSession } from '../../app/session.tsx'
import { useErrorText } from '../../components/api-error-text.ts'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { ErrorText, Notice } from '../../components/error-banner.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { isAccountStatus, isVerificationStatus, platformLabel } from '../../components/vocabulary-labels.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { UnitSelect } from '../units/unit-select.tsx'
import { useUnits } from '../units/units-queries.ts'
import { useUserChoices } from '../users/users-queries.ts'
import { AccountForm } from './account-form.tsx'
import type { Account, ImportResult, ImportRowError, NamingIssue } from './account-types.ts'
import {
  ACCOUNT_PAGE_SIZE,
  accountRequests,
  accountsPageQuery,
  namingReportQuery,
  useAccountChange,
  type AccountFilters,
} from './accounts-queries.ts'

function NamingReport() {
  const { t } = useI18n()
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
    { key: 'reason', header: t('accounts.reason'), render: (issue) => issue.reason },
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

function ImportExport() {
  const { t } = useI18n()
  const importCsv = useAccountChange(accountRequests.importCsv)
  const [exportError, setExportError] = useState<unknown>(null)
  const error = useErrorText(importCsv.error ?? exportError)
  const result: ImportResult | undefined = importCsv.data

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0]
    event.currentTarget.value = ''
    if (!file) return
    setExportError(null)
    importCsv.mutate(await file.text())
  }

  const download = async () => {
    setExportError(null)
    try {
      await apiDownload('/api/accounts/export.csv', 'akun-resmi.csv')
    } catch (caught) {
      setExportError(caught)
    }
  }

  const columns: DataTableColumn<ImportRowError>[] = [
    {
      key: 'row',
      header: t('accounts.row'),
      primary: true,
      sortValue: (row) => row.row,
      render: (row) => row.row,
    },
    { key: 'column', header: t('accounts.column'), render: (row) => row.column || '—' },
    { key: 'problem', header: t('accounts.problem'), render: (row) => row.message },
  ]
  return (
    <Panel title={t('accounts.csv')} description={t('accounts.csvIntro')}>
      <ErrorText>{error.banner}</ErrorText>
      <Group gap="sm" mb="md">
        <Button component="label" variant="default" loading={importCsv.isPending} className="file-button">
          {t('accounts.import')}
          <input
            type="file"
            className="visually-hidden"
            accept=".csv,text/csv"
            onChange={(event) => void upload(event)}
            disabled={importCsv.isPending}
          />
        </Button>
        <Button variant="default" onClick={() => void download()}>
          {t('accounts.export')}
        </Button>
      </Group>
      {result ? (
        <Stack gap="xs">
          <Notice tone="ok">
            {t('accounts.importSaved', {
              rows: result.rows,
              created: result.created,
              updated: result.updated,
              unchanged: result.unchanged,
            })}
          </Notice>
          {result.errors.length > 0 ? (
            <>
              <Text fw={700}>{t('accounts.importErrors', { count: result.errors.length })}</Text>
              <DataTable
                caption={t('accounts.importErrors', { count: result.errors.length })}
                columns={columns}
                rows={result.errors}
                rowKey={(row) => `${row.row}-${row.column}-${row.message}`}
                emptyText=""
                testId="import-errors"
              />
            </>
          ) : null}
        </Stack>
      ) : null}
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

function NamingCell({ account }: { account: Account }) {
  const { t } = useI18n()
  if (account.naming && !account.naming.compliant)
    return (
      <>
        <Badge color="red" variant="light">
          {t('accounts.breaksPattern')}
        </Badge>
        {account.naming.reason ? (
          <Text size="xs" mt={2}>
            {account.naming.reason}
          </Text>
        ) : null}
      </>
    )
  if (account.naming?.compliant)
    return (
      <Badge color="green" variant="light">
        {t('accounts.followsPattern')}
      </Badge>
    )
  return <Text c="dimmed">—</Text>
}

export function AccountsPage() {
  const { t } = useI18n()
  const { can } = useSession()
  const canManage = can('account.manage')
  const [filters, setFilters] = useState<AccountFilters>({
    unitId: '',
    platform: '',
    status: '',
    breaksNaming: false,
  })
  const [offset, setOffset] = useState(0)
  const [editing, setEditing] = useState<Account | 'new' | null>(null)
  const units = useUnits()
  const accounts = useQuery(accountsPageQuery(filters, offset))
  const users = useUserChoices()
  const set = <K extends keyof AccountFilters>(key: K, value: AccountFilters[K]) => {
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
      render: (account) =>
        account.url ? (
          <Anchor href={account.url} rel="noreferrer noopener" target="_blank">
            {account.handle}
          </Anchor>
        ) : (
          account.handle
        ),
    },
    {
      key: 'platform',
      header: t('accounts.platform'),
      sortValue: (account) => platformLabel(account.platform),
      render: (account) => platformLabel(account.platform),
    },
    {
      key: 'unit',
      header: t('accounts.unit'),
      sortValue: (account) => account.unit.name,
      render: (account) => account.unit.name,
    },
    {
      key: 'status',
      header: t('accounts.status'),
      sortValue: (account) => account.status,
      render: (account) => (
        <Badge color={account.status === 'dormant' ? 'orange' : 'green'} variant="light">
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
    ...(canManage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            hideHeader: true,
            render: (account: Account) => (
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => setEditing(account)}
                aria-label={t('accounts.editTitle', { handle: account.handle })}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
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
          users={users.data?.items ?? []}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <Panel title={t('accounts.list')}>
        <Box role="group" aria-label={t('common.filters')} mb="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
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
      {canManage ? <ImportExport /> : null}
    </>
  )
}
