// The audit log viewer for auditors and admins: filter by period, action, object type and actor; open an
// entry to see before/after; export the filtered log as CSV.
import {
  Button,
  Code,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { api, apiDownload } from '../../app/api-client.ts'
import { useSession } from '../../app/session.tsx'
import { sortByText } from '../../components/indonesian-collation.ts'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { DateField } from '../../components/date-field.tsx'
import { ErrorBanner } from '../../components/error-banner.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { useI18n, type Locale } from '../../i18n/i18n.tsx'
import { useUserChoices } from '../users/users-queries.ts'
import type { AuditEntry, AuditPage as AuditAnswer } from './audit-types.ts'

export interface AuditFilters {
  from: string
  to: string
  action: string
  objectType: string
  actor: string
}

const EMPTY: AuditFilters = { from: '', to: '', action: '', objectType: '', actor: '' }
const PAGE_SIZE = 50

export function auditQuery(filters: AuditFilters, beforeId: number | null): string {
  const params = new URLSearchParams()
  // Plain dates: the API reads them as whole days in WIB.
  if (filters.from) params.set('from', filters.from)
  if (filters.to) params.set('to', filters.to)
  if (filters.action.trim()) params.set('action', filters.action.trim())
  if (filters.objectType.trim()) params.set('objectType', filters.objectType.trim())
  if (filters.actor) params.set('actorUserId', filters.actor)
  params.set('limit', String(PAGE_SIZE))
  if (beforeId !== null) params.set('beforeId', String(beforeId))
  return params.toString()
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/

/** An object's id as a reader can use it: a calendar day as a date, a long id by its first characters. */
export function objectLabel(objectId: string, locale: Locale): string {
  if (PLAIN_DATE.test(objectId)) return formatDate(objectId, locale, 'shortDate')
  return UUID.test(objectId) ? objectId.slice(0, 8) : objectId
}

function Change({ title, value }: { title: string; value: unknown }) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h6">
        {title}
      </Title>
      {value === null || value === undefined ? (
        <Text c="dimmed">—</Text>
      ) : (
        <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {JSON.stringify(value, null, 2)}
        </Code>
      )}
    </Stack>
  )
}

function EntryDetails({ entry, onClose }: { entry: AuditEntry | null; onClose: () => void }) {
  const { t, locale } = useI18n()
  return (
    <Modal
      opened={entry !== null}
      onClose={onClose}
      title={entry ? t('audit.detailsTitle', { action: entry.action }) : ''}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {entry ? (
        <Stack gap="sm">
          <Text size="sm">
            {formatDate(entry.occurredAt, locale, 'datetime')} · {entry.actorLabel}
            {entry.ip ? ` · ${entry.ip}` : ''}
          </Text>
          <Text size="sm">
            {t('audit.object')}: {entry.objectType}{' '}
            {entry.objectId ? (
              <Code>
                {PLAIN_DATE.test(entry.objectId)
                  ? formatDate(entry.objectId, locale, 'date')
                  : entry.objectId}
              </Code>
            ) : null}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Change title={t('audit.before')} value={entry.before} />
            <Change title={t('audit.after')} value={entry.after} />
          </SimpleGrid>
          {entry.userAgent ? (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {entry.userAgent}
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </Modal>
  )
}

export function AuditPage() {
  const { t, locale } = useI18n()
  const { can } = useSession()
  const [draft, setDraft] = useState<AuditFilters>(EMPTY)
  const [filters, setFilters] = useState<AuditFilters>(EMPTY)
  // Pages are walked by id: the stack holds the beforeId of every page opened so far.
  const [pages, setPages] = useState<(number | null)[]>([null])
  const beforeId = pages[pages.length - 1] ?? null
  const [open, setOpen] = useState<AuditEntry | null>(null)
  const [exportError, setExportError] = useState<unknown>(null)
  const entries = useQuery({
    queryKey: ['audit', filters, beforeId],
    queryFn: () => api.get<AuditAnswer>(`/api/audit?${auditQuery(filters, beforeId)}`),
    placeholderData: keepPreviousData,
    // Every change anywhere adds entries: read the log afresh whenever the page opens.
    staleTime: 0,
  })
  const users = useUserChoices()
  const set = (key: keyof AuditFilters, value: string) =>
    setDraft((previous) => ({ ...previous, [key]: value }))

  const apply = (event: FormEvent) => {
    event.preventDefault()
    setPages([null])
    setFilters(draft)
  }

  const exportCsv = async () => {
    setExportError(null)
    try {
      await apiDownload(
        `/api/audit/export.csv?${auditQuery(filters, null).replace(/&?limit=\d+/, '')}`,
        'log-audit.csv',
      )
    } catch (caught) {
      setExportError(caught)
    }
  }

  const columns: DataTableColumn<AuditEntry>[] = [
    {
      key: 'when',
      header: t('audit.when'),
      primary: true,
      noWrap: true,
      render: (entry) => formatDate(entry.occurredAt, locale, 'shortDatetime'),
    },
    { key: 'actor', header: t('audit.actor'), render: (entry) => entry.actorLabel },
    { key: 'action', header: t('audit.action'), render: (entry) => <Code>{entry.action}</Code> },
    {
      key: 'object',
      header: t('audit.object'),
      render: (entry) => (
        <>
          {entry.objectType}
          {entry.objectId ? (
            <Text span size="xs" c="dimmed">
              {' '}
              {objectLabel(entry.objectId, locale)}
            </Text>
          ) : null}
        </>
      ),
    },
    { key: 'ip', header: t('audit.ip'), render: (entry) => entry.ip ?? '—' },
    {
      key: 'details',
      header: t('audit.details'),
      hideHeader: true,
      render: (entry) => (
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => setOpen(entry)}
          aria-label={t('audit.detailsOf', {
            action: entry.action,
            when: formatDate(entry.occurredAt, locale, 'shortDatetime'),
          })}
        >
          {t('audit.details')}
        </Button>
      ),
    },
  ]

  const actors = sortByText(users.data?.items ?? [], (user) => user.name)
  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.intro')}
        actions={
          can('audit.export') ? (
            <Button variant="default" onClick={() => void exportCsv()}>
              {t('audit.export')}
            </Button>
          ) : null
        }
      />
      <ErrorBanner error={exportError} />
      <Panel title={t('common.filters')}>
        <form onSubmit={apply} noValidate>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 5 }} spacing="sm" verticalSpacing="xs">
            <DateField label={t('audit.from')} value={draft.from} onChange={(value) => set('from', value)} />
            <DateField label={t('audit.to')} value={draft.to} onChange={(value) => set('to', value)} />
            <TextInput
              label={t('audit.action')}
              value={draft.action}
              placeholder="unit.create"
              onChange={(event) => set('action', event.currentTarget.value)}
            />
            <TextInput
              label={t('audit.objectType')}
              value={draft.objectType}
              placeholder="unit"
              onChange={(event) => set('objectType', event.currentTarget.value)}
            />
            <NativeSelect
              label={t('audit.actor')}
              value={draft.actor}
              onChange={(event) => set('actor', event.currentTarget.value)}
              data={[
                { value: '', label: t('common.all') },
                ...actors.map((user) => ({ value: user.id, label: `${user.name} (${user.email})` })),
              ]}
            />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm" mt="md">
            <Button
              variant="default"
              onClick={() => {
                setDraft(EMPTY)
                setFilters(EMPTY)
                setPages([null])
              }}
            >
              {t('common.reset')}
            </Button>
            <Button type="submit">{t('common.apply')}</Button>
          </Group>
        </form>
      </Panel>
      <Panel title={t('audit.entries')}>
        <DataTable
          caption={t('audit.entries')}
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
      </Panel>
      <EntryDetails entry={open} onClose={() => setOpen(null)} />
    </>
  )
}
