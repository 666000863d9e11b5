// The audit log for auditors and admins, in words a non-technical reader follows: each entry's time in WIB, who
// did it, what they did and to which object (by name), and what changed (before → after); the filters as
// choices; the CSV export for whoever may export (and, when the button is absent, who may); the full entry in a
// dialog; and the signed checkpoints an auditor downloads and keeps off the server.
import { Button, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { ROLE_LABELS } from '../../../../src/shared/roles.ts'
import { useSession } from '../../app/session.tsx'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { ErrorBanner } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import { ChangeSummary } from './audit-changes.tsx'
import { AuditCheckpoints } from './audit-checkpoints.tsx'
import { AuditEntryDialog } from './audit-entry-dialog.tsx'
import { AuditFilterForm } from './audit-filter-form.tsx'
import { isPeriodBackwards, NO_FILTERS, type AuditFilters } from './audit-filters.ts'
import { auditEntriesQuery, useAuditExport } from './audit-queries.ts'
import type { AuditEntry } from './audit-types.ts'
import { actorText, objectText } from './audit-words.ts'

export function AuditPage() {
  const { t, locale } = useI18n()
  const { can } = useSession()
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS)
  // Pages are walked by id: the stack holds the beforeId of every page opened so far.
  const [pages, setPages] = useState<(number | null)[]>([null])
  const beforeId = pages[pages.length - 1] ?? null
  const backwards = isPeriodBackwards(filters)
  const entries = useQuery({ ...auditEntriesQuery(locale, filters, beforeId), enabled: !backwards })
  const exporter = useAuditExport()
  const [open, setOpen] = useState<AuditEntry | null>(null)
  const mayExport = can('audit.export')

  const changeFilters = (next: AuditFilters) => {
    setPages([null])
    setFilters(next)
  }

  const when = (entry: AuditEntry) => formatDate(entry.occurredAt, locale, 'datetime')
  const columns: DataTableColumn<AuditEntry>[] = [
    { key: 'when', header: t('audit.when'), primary: true, noWrap: true, render: when },
    { key: 'actor', header: t('audit.actor'), render: (entry) => actorText(entry, t) },
    {
      key: 'action',
      header: t('audit.action'),
      render: (entry) => (
        <>
          <Text span fw={600} size="sm">
            {entry.actionLabel}
          </Text>
          <Text size="sm">{objectText(entry)}</Text>
        </>
      ),
    },
    {
      key: 'changes',
      header: t('audit.changes'),
      render: (entry, layout) => <ChangeSummary entry={entry} layout={layout} />,
    },
    {
      key: 'details',
      header: t('audit.details'),
      hideHeader: true,
      render: (entry) => (
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => setOpen(entry)}
          aria-label={t('audit.detailsOf', { action: entry.actionLabel, when: when(entry) })}
        >
          {t('audit.details')}
        </Button>
      ),
    },
  ]

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.intro')} />
      <AuditFilterForm filters={filters} onChange={changeFilters} />
      <Panel
        title={t('audit.entries')}
        description={
          mayExport
            ? t('audit.exportNote')
            : t('audit.exportNotAllowed', {
                admin: ROLE_LABELS[locale].admin,
                auditor: ROLE_LABELS[locale].auditor,
              })
        }
        actions={
          mayExport ? (
            <Button
              variant="default"
              loading={exporter.isPending}
              disabled={backwards}
              onClick={() =>
                exporter.mutate(
                  { filters, locale },
                  { onSuccess: (fileName) => notifySuccess(t('audit.exported', { file: fileName })) },
                )
              }
            >
              {t('audit.export')}
            </Button>
          ) : null
        }
      >
        <Stack gap="sm">
          <ErrorBanner error={exporter.error} />
          {backwards ? (
            <Text c="dimmed" py="sm">
              {t('audit.periodBackwards')}
            </Text>
          ) : (
            <DataTable
              caption={t('audit.entriesCaption')}
              columns={columns}
              rows={entries.data?.items}
              rowKey={(entry) => String(entry.id)}
              emptyText={t('audit.empty')}
              loading={entries.isPending}
              error={entries.error}
              testId="audit-table"
              serverPaging={{
                label: t('common.page', { page: pages.length }),
                hasPrevious: pages.length > 1,
                hasNext: Boolean(entries.data?.nextBeforeId),
                onPrevious: () => setPages(pages.slice(0, -1)),
                onNext: () => {
                  const next = entries.data?.nextBeforeId
                  if (next) setPages([...pages, next])
                },
              }}
            />
          )}
        </Stack>
      </Panel>
      <AuditCheckpoints />
      <AuditEntryDialog entry={open} onClose={() => setOpen(null)} />
    </>
  )
}
