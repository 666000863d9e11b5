// CSV import and export of the registry. An uploaded file is first checked by a background job (its progress
// polled): the preview shows how many rows would be created, changed, left as they are, and every row with a
// problem, by row and column as the spreadsheet numbers them. Nothing is saved until the person applies it; the
// apply runs as a job too. The template and the export use the same Indonesian columns.
import { Badge, Button, Code, Group, NativeSelect, Progress, Stack, Text } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, type ChangeEvent } from 'react'
import { apiDownload } from '../../app/api-client.ts'
import { problemText, useErrorText } from '../../components/api-error-text.ts'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { ErrorText, Notice } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { Panel } from '../../components/panel.tsx'
import { platformLabel } from '../../components/vocabulary-labels.ts'
import { useI18n, type Locale, type MessageKey } from '../../i18n/i18n.tsx'
import { WHOLE_WORD_BADGE } from './badge-style.ts'
import type { AccountImport, ImportItem, ImportOutcome } from './account-types.ts'
import {
  accountKeys,
  accountRequests,
  IMPORT_ITEMS_PAGE_SIZE,
  importItemsQuery,
  importQuery,
  isImportRunning,
  myImportsQuery,
  useImportChange,
} from './accounts-queries.ts'

export function formatCount(value: number, locale: Locale): string {
  return value.toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB')
}

/** The import the panel follows on arrival: one still running, or one checked and waiting for confirmation. */
export function importToResume(imports: readonly AccountImport[] | undefined): AccountImport | undefined {
  return imports?.find(
    (item) => isImportRunning(item) || (item.mode === 'preview' && item.status === 'previewed'),
  )
}

const OUTCOME_COLOURS: Record<ImportOutcome, string> = { create: 'green', update: 'warta', error: 'red' }

function ImportItems({ accountImport }: { accountImport: AccountImport }) {
  const { t, locale } = useI18n()
  const [outcome, setOutcome] = useState<ImportOutcome | ''>(accountImport.mode === 'apply' ? 'error' : '')
  const [offset, setOffset] = useState(0)
  const items = useQuery(importItemsQuery(accountImport, outcome, offset))
  const total = items.data?.total ?? 0
  const columns: DataTableColumn<ImportItem>[] = [
    { key: 'row', header: t('accounts.row'), primary: true, noWrap: true, render: (item) => item.row },
    {
      key: 'outcome',
      header: t('accounts.importOutcome'),
      render: (item) => (
        <Badge color={OUTCOME_COLOURS[item.outcome]} variant="light" style={WHOLE_WORD_BADGE}>
          {t(`accounts.outcome.${item.outcome}`)}
        </Badge>
      ),
    },
    {
      key: 'account',
      header: t('accounts.handle'),
      render: (item) =>
        item.handle ? (
          <>
            <Code>{item.handle}</Code> {item.platform ? platformLabel(item.platform) : ''}
          </>
        ) : (
          '—'
        ),
    },
    { key: 'unit', header: t('accounts.unitCode'), noWrap: true, render: (item) => item.unitCode ?? '—' },
    {
      key: 'details',
      header: t('accounts.importDetails'),
      render: (item) =>
        item.outcome === 'error' ? (
          <Stack gap={2}>
            {item.problems.map((found, index) => (
              <Text size="sm" key={index}>
                {found.column ? <Code>{found.column}</Code> : null} {problemText(found, locale)}
              </Text>
            ))}
          </Stack>
        ) : item.outcome === 'update' ? (
          t('accounts.changedFields', {
            fields: item.changed.map((field) => t(changedLabel(field))).join(', '),
          })
        ) : (
          t('accounts.willCreate')
        ),
    },
  ]
  const caption =
    accountImport.mode === 'apply' ? t('accounts.importRejectedRows') : t('accounts.importPreviewRows')
  return (
    <Stack gap="xs">
      {accountImport.mode === 'preview' ? (
        <NativeSelect
          label={t('accounts.importShow')}
          value={outcome}
          maw={320}
          onChange={(event) => {
            setOffset(0)
            const value = event.currentTarget.value
            setOutcome(value === 'create' || value === 'update' || value === 'error' ? value : '')
          }}
          data={[
            { value: '', label: t('accounts.importShowAll') },
            { value: 'error', label: t('accounts.importShowErrors', { count: accountImport.rejected }) },
            { value: 'create', label: t('accounts.importShowCreate', { count: accountImport.created }) },
            { value: 'update', label: t('accounts.importShowUpdate', { count: accountImport.updated }) },
          ]}
        />
      ) : null}
      <DataTable
        caption={caption}
        columns={columns}
        rows={items.data?.items}
        rowKey={(item) => String(item.row)}
        emptyText={t('accounts.importNoRows')}
        loading={items.isPending}
        error={items.error}
        testId="import-items"
        serverPaging={{
          label: t('accounts.importRange', {
            from: total === 0 ? 0 : offset + 1,
            to: Math.min(total, offset + IMPORT_ITEMS_PAGE_SIZE),
            total,
          }),
          hasPrevious: offset > 0,
          hasNext: offset + IMPORT_ITEMS_PAGE_SIZE < total,
          onPrevious: () => setOffset(Math.max(0, offset - IMPORT_ITEMS_PAGE_SIZE)),
          onNext: () => setOffset(offset + IMPORT_ITEMS_PAGE_SIZE),
        }}
      />
    </Stack>
  )
}

/** The label of a changed field of an update row. */
function changedLabel(field: string): MessageKey {
  const labels: Record<string, MessageKey> = {
    unitId: 'accounts.unit',
    handle: 'accounts.handle',
    handleDisplay: 'accounts.handle',
    displayName: 'accounts.displayName',
    url: 'accounts.url',
    penanggungJawabUserId: 'accounts.penanggungJawab',
    pengelola: 'accounts.pengelolaList',
    verificationStatus: 'accounts.verification',
    platformTwoFactor: 'accounts.platformTwoFactor',
    credentialRotatedOn: 'accounts.lastRotation',
    status: 'accounts.status',
    notes: 'accounts.notes',
  }
  return labels[field] ?? 'accounts.otherField'
}

function ImportProgress({ accountImport }: { accountImport: AccountImport }) {
  const { t, locale } = useI18n()
  const known = accountImport.totalRows > 0
  const percent = known ? Math.round((accountImport.processedRows / accountImport.totalRows) * 100) : 0
  const label =
    accountImport.status === 'queued'
      ? t('accounts.importQueued')
      : t(accountImport.mode === 'preview' ? 'accounts.importChecking' : 'accounts.importApplying', {
          done: formatCount(accountImport.processedRows, locale),
          total: formatCount(accountImport.totalRows, locale),
        })
  return (
    <Stack gap={4} mb="md">
      <Text size="sm" id={`import-progress-${accountImport.id}`} aria-live="polite">
        {label}
      </Text>
      <Progress
        value={known ? percent : 100}
        animated={!known}
        striped={!known}
        aria-labelledby={`import-progress-${accountImport.id}`}
        size="lg"
      />
    </Stack>
  )
}

function ImportSummary({ accountImport }: { accountImport: AccountImport }) {
  const { t, locale } = useI18n()
  const counts = {
    rows: formatCount(accountImport.totalRows, locale),
    created: formatCount(accountImport.created, locale),
    updated: formatCount(accountImport.updated, locale),
    unchanged: formatCount(accountImport.unchanged, locale),
    rejected: formatCount(accountImport.rejected, locale),
  }
  if (accountImport.mode === 'preview')
    return (
      <Notice tone={accountImport.rejected > 0 ? 'warning' : 'info'}>
        {t('accounts.importPreviewSummary', counts)}
      </Notice>
    )
  return (
    <Notice tone={accountImport.rejected > 0 ? 'warning' : 'ok'}>
      {t('accounts.importDoneSummary', counts)}
    </Notice>
  )
}

export function AccountImportPanel() {
  const { t, locale } = useI18n()
  const queryClient = useQueryClient()
  const mine = useQuery(myImportsQuery)
  const [chosenId, setChosenId] = useState<string | null>(null)
  const id = chosenId ?? importToResume(mine.data?.items)?.id ?? null
  const current = useQuery({ ...importQuery(id ?? ''), enabled: id !== null })
  const upload = useImportChange(accountRequests.uploadCsv)
  const apply = useImportChange(accountRequests.applyImport)
  const discard = useImportChange(accountRequests.discardImport)
  const [downloadError, setDownloadError] = useState<unknown>(null)
  const failedRequest = [upload, apply, discard].find((mutation) => mutation.isError)
  const error = useErrorText(failedRequest?.error ?? downloadError ?? current.error)
  const accountImport = id ? current.data : undefined

  // A finished apply changed the registry: the list, the report and the people's pickers read it again.
  const finished = accountImport?.mode === 'apply' && accountImport.status === 'done'
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: accountKeys.all })
  }, [finished, queryClient])

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0]
    event.currentTarget.value = ''
    if (!file) return
    setDownloadError(null)
    apply.reset()
    discard.reset()
    upload.mutate(await file.text(), { onSuccess: (started) => setChosenId(started.id) })
  }

  const download = async (path: string, fileName: string) => {
    setDownloadError(null)
    try {
      await apiDownload(path, fileName)
    } catch (caught) {
      setDownloadError(caught)
    }
  }

  const running = isImportRunning(accountImport)
  return (
    <Panel title={t('accounts.csv')} description={t('accounts.csvIntro')}>
      <ErrorText>{error.banner}</ErrorText>
      <Group gap="sm" mb="md">
        <Button
          component="label"
          variant={accountImport ? 'default' : 'filled'}
          loading={upload.isPending}
          className="file-button"
        >
          {t('accounts.import')}
          <input
            type="file"
            className="visually-hidden"
            accept=".csv,text/csv"
            onChange={(event) => void choose(event)}
            disabled={upload.isPending || running}
          />
        </Button>
        <Button
          variant="default"
          onClick={() => void download('/api/accounts/import-template.csv', 'templat-akun-resmi.csv')}
        >
          {t('accounts.template')}
        </Button>
        <Button variant="default" onClick={() => void download('/api/accounts/export.csv', 'akun-resmi.csv')}>
          {t('accounts.export')}
        </Button>
      </Group>
      {accountImport ? (
        <section aria-label={t('accounts.importTitle')} data-testid="account-import">
          {running ? <ImportProgress accountImport={accountImport} /> : null}
          {accountImport.status === 'failed' && accountImport.failure ? (
            <ErrorText>{problemText(accountImport.failure, locale)}</ErrorText>
          ) : null}
          {accountImport.status === 'discarded' ? <Notice>{t('accounts.importDiscarded')}</Notice> : null}
          {accountImport.status === 'previewed' || accountImport.status === 'done' ? (
            <>
              <ImportSummary accountImport={accountImport} />
              {accountImport.status === 'previewed' ? (
                <Group gap="sm" mb="md">
                  <Button
                    onClick={() => apply.mutate(accountImport.id)}
                    loading={apply.isPending}
                    disabled={accountImport.created + accountImport.updated === 0}
                  >
                    {t('accounts.importApply', {
                      count: formatCount(accountImport.created + accountImport.updated, locale),
                    })}
                  </Button>
                  <Button
                    variant="default"
                    onClick={() =>
                      discard.mutate(accountImport.id, {
                        onSuccess: () => notifySuccess(t('accounts.importDiscarded')),
                      })
                    }
                    loading={discard.isPending}
                  >
                    {t('accounts.importDiscard')}
                  </Button>
                </Group>
              ) : null}
              {accountImport.mode === 'preview' || accountImport.rejected > 0 ? (
                <ImportItems
                  key={`${accountImport.id}-${accountImport.mode}`}
                  accountImport={accountImport}
                />
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}
    </Panel>
  )
}
