// The audit log viewer for auditors and admins: filter by period, action, object type and actor; open an
// entry to see before/after; export the filtered log as CSV.
import { useState, type FormEvent } from 'react'
import { api, apiDownload } from '../../app/api-client.ts'
import { useSession } from '../../app/session.tsx'
import { ErrorAlert } from '../../components/alert.tsx'
import { SelectField, TextField } from '../../components/field.tsx'
import { formatDateTime } from '../../components/format-date.ts'
import { LoadState } from '../../components/load-state.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { useApiError } from '../../components/use-api-error.ts'
import { useLoad } from '../../components/use-load.ts'
import { useI18n } from '../../i18n/i18n.tsx'

export interface AuditEntry {
  id: number
  seq: number
  occurredAt: string
  actorUserId: string | null
  actorLabel: string
  action: string
  objectType: string
  objectId: string | null
  before: unknown
  after: unknown
  ip: string | null
  userAgent: string | null
}

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

function Change({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">—</span>
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>
}

export function AuditPage() {
  const { t, locale } = useI18n()
  const { can } = useSession()
  const [draft, setDraft] = useState<AuditFilters>(EMPTY)
  const [filters, setFilters] = useState<AuditFilters>(EMPTY)
  // Pages are walked by id: the stack holds the beforeId of every page opened so far.
  const [pages, setPages] = useState<(number | null)[]>([null])
  const beforeId = pages[pages.length - 1] ?? null
  const [open, setOpen] = useState<string | null>(null)
  const entries = useLoad(
    () =>
      api.get<{ items: AuditEntry[]; nextBeforeId: number | null }>(
        `/api/audit?${auditQuery(filters, beforeId)}`,
      ),
    [filters, beforeId],
  )
  const users = useLoad(
    () =>
      can('user.read')
        ? api.get<{ items: { id: string; name: string; email: string }[] }>('/api/users')
        : Promise.resolve({ items: [] }),
    [],
  )
  const { error, capture, clear } = useApiError()
  const set = (key: keyof AuditFilters, value: string) =>
    setDraft((previous) => ({ ...previous, [key]: value }))

  const apply = (event: FormEvent) => {
    event.preventDefault()
    setPages([null])
    setFilters(draft)
  }

  const exportCsv = async () => {
    clear()
    try {
      await apiDownload(
        `/api/audit/export.csv?${auditQuery(filters, null).replace(/&?limit=\d+/, '')}`,
        'log-audit.csv',
      )
    } catch (caught) {
      capture(caught)
    }
  }

  const items = entries.data?.items ?? []
  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.intro')}
        actions={
          can('audit.export') ? (
            <button type="button" className="button" onClick={() => void exportCsv()}>
              {t('audit.export')}
            </button>
          ) : null
        }
      />
      <ErrorAlert>{error.message}</ErrorAlert>
      <section className="panel" aria-labelledby="audit-filters">
        <h2 id="audit-filters">{t('common.filters')}</h2>
        <form className="filters" onSubmit={apply} noValidate>
          <TextField
            label={t('audit.from')}
            type="date"
            value={draft.from}
            onChange={(event) => set('from', event.target.value)}
          />
          <TextField
            label={t('audit.to')}
            type="date"
            value={draft.to}
            onChange={(event) => set('to', event.target.value)}
          />
          <TextField
            label={t('audit.action')}
            value={draft.action}
            placeholder="unit.create"
            onChange={(event) => set('action', event.target.value)}
          />
          <TextField
            label={t('audit.objectType')}
            value={draft.objectType}
            placeholder="unit"
            onChange={(event) => set('objectType', event.target.value)}
          />
          <SelectField
            label={t('audit.actor')}
            value={draft.actor}
            onChange={(event) => set('actor', event.target.value)}
          >
            <option value="">{t('common.all')}</option>
            {(users.data?.items ?? []).map((user) => (
              <option key={user.id} value={user.id}>
                {user.name} ({user.email})
              </option>
            ))}
          </SelectField>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setDraft(EMPTY)
                setFilters(EMPTY)
                setPages([null])
              }}
            >
              {t('common.reset')}
            </button>
            <button type="submit" className="button primary">
              {t('common.apply')}
            </button>
          </div>
        </form>
      </section>
      <section className="panel" aria-labelledby="audit-list">
        <h2 id="audit-list">{t('audit.entries')}</h2>
        <LoadState loading={entries.loading && !entries.data} error={entries.error} />
        {entries.data && items.length === 0 ? <p className="muted">{t('audit.empty')}</p> : null}
        {items.length > 0 ? (
          <div className="table-wrap" tabIndex={0}>
            <table data-testid="audit-table">
              <caption className="visually-hidden">{t('audit.entries')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.when')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.object')}</th>
                  <th scope="col">{t('audit.ip')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('audit.details')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((entry) => {
                  const key = String(entry.id)
                  return (
                    <tr key={key}>
                      <td>{formatDateTime(entry.occurredAt, locale)}</td>
                      <td>{entry.actorLabel}</td>
                      <td>
                        <code>{entry.action}</code>
                      </td>
                      <td>
                        {entry.objectType}
                        {entry.objectId ? (
                          <span className="muted small"> {entry.objectId.slice(0, 8)}</span>
                        ) : null}
                        {open === key ? (
                          <div className="audit-detail">
                            <h3>{t('audit.before')}</h3>
                            <Change value={entry.before} />
                            <h3>{t('audit.after')}</h3>
                            <Change value={entry.after} />
                            <p className="muted small">{entry.userAgent ?? ''}</p>
                          </div>
                        ) : null}
                      </td>
                      <td>{entry.ip ?? '—'}</td>
                      <td>
                        <button
                          type="button"
                          className="button small"
                          aria-expanded={open === key}
                          onClick={() => setOpen(open === key ? null : key)}
                        >
                          {t('audit.details')}
                        </button>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        ) : null}
        <div className="pager">
          <button
            type="button"
            className="button"
            disabled={pages.length === 1}
            onClick={() => setPages(pages.slice(0, -1))}
          >
            {t('common.previous')}
          </button>
          <span>{t('common.page', { page: pages.length })}</span>
          <button
            type="button"
            className="button"
            disabled={!entries.data?.nextBeforeId}
            onClick={() => entries.data?.nextBeforeId && setPages([...pages, entries.data.nextBeforeId])}
          >
            {t('common.next')}
          </button>
        </div>
      </section>
    </>
  )
}
