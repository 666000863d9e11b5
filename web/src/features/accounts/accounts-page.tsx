// The official account registry: filtered list, create/edit form, the naming report (every handle that breaks
// its platform's pattern, with the reason), CSV import with row errors, and CSV export.
import { useState, type ChangeEvent } from 'react'
import { api, apiDownload, apiUploadText } from '../../app/api-client.ts'
import { useSession } from '../../app/session.tsx'
import { ErrorAlert, Notice } from '../../components/alert.tsx'
import { CheckboxField, SelectField } from '../../components/field.tsx'
import { formatDate } from '../../components/format-date.ts'
import { LoadState } from '../../components/load-state.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { useApiError } from '../../components/use-api-error.ts'
import { useLoad } from '../../components/use-load.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { unitOptionLabel } from '../units/unit-tree.ts'
import { useUnits } from '../units/use-units.ts'
import { AccountForm } from './account-form.tsx'
import { PLATFORMS, type Account, type ImportResult, type NamingIssue } from './account-types.ts'

interface Filters {
  unitId: string
  platform: string
  status: string
  breaksNaming: boolean
}

export const ACCOUNT_PAGE_SIZE = 50

export function accountQuery(filters: Filters, offset = 0): string {
  const params = new URLSearchParams()
  if (filters.unitId) params.set('unitId', filters.unitId)
  if (filters.platform) params.set('platform', filters.platform)
  if (filters.status) params.set('status', filters.status)
  if (filters.breaksNaming) params.set('breaksNaming', 'true')
  params.set('limit', String(ACCOUNT_PAGE_SIZE))
  if (offset > 0) params.set('offset', String(offset))
  const query = params.toString()
  return query ? `?${query}` : ''
}

function NamingReport({ version }: { version: number }) {
  const { t } = useI18n()
  const report = useLoad(() => api.get<{ items: NamingIssue[] }>('/api/naming/report'), [version])
  return (
    <section className="panel" aria-labelledby="naming-report">
      <h2 id="naming-report">{t('accounts.namingReport')}</h2>
      <p className="muted">{t('accounts.namingReportIntro')}</p>
      <LoadState loading={report.loading && !report.data} error={report.error} />
      {report.data && report.data.items.length === 0 ? <p>{t('accounts.namingAllGood')}</p> : null}
      {report.data && report.data.items.length > 0 ? (
        <div className="table-wrap" tabIndex={0}>
          <table data-testid="naming-report">
            <caption className="visually-hidden">{t('accounts.namingReport')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accounts.platform')}</th>
                <th scope="col">{t('accounts.handle')}</th>
                <th scope="col">{t('accounts.unit')}</th>
                <th scope="col">{t('accounts.expected')}</th>
                <th scope="col">{t('accounts.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.data.items.map((issue) => (
                <tr key={issue.accountId}>
                  <td>{t(`platform.${issue.platform}` as 'platform.x')}</td>
                  <td>
                    <code>{issue.handle}</code>
                  </td>
                  <td>{issue.unitName}</td>
                  <td>
                    <code>{issue.expected}</code>
                  </td>
                  <td>{issue.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}

function ImportExport({ onImported }: { onImported: () => void }) {
  const { t } = useI18n()
  const [result, setResult] = useState<ImportResult | null>(null)
  const [busy, setBusy] = useState(false)
  const { error, capture, clear } = useApiError()

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    clear()
    setResult(null)
    setBusy(true)
    try {
      setResult(await apiUploadText<ImportResult>('/api/accounts/import', await file.text()))
      onImported()
    } catch (caught) {
      capture(caught)
    } finally {
      setBusy(false)
    }
  }

  const download = async () => {
    clear()
    try {
      await apiDownload('/api/accounts/export.csv', 'akun-resmi.csv')
    } catch (caught) {
      capture(caught)
    }
  }

  return (
    <section className="panel" aria-labelledby="account-csv">
      <h2 id="account-csv">{t('accounts.csv')}</h2>
      <p className="muted">{t('accounts.csvIntro')}</p>
      <ErrorAlert>{error.message}</ErrorAlert>
      <div className="button-row">
        <label className="button file-button">
          {busy ? t('common.wait') : t('accounts.import')}
          <input
            type="file"
            accept=".csv,text/csv"
            className="visually-hidden"
            onChange={(event) => void upload(event)}
            disabled={busy}
          />
        </label>
        <button type="button" className="button" onClick={() => void download()}>
          {t('accounts.export')}
        </button>
      </div>
      {result ? (
        <div className="import-result">
          <Notice>
            {t('accounts.importSaved', {
              rows: result.rows,
              created: result.created,
              updated: result.updated,
              unchanged: result.unchanged,
            })}
          </Notice>
          {result.errors.length > 0 ? (
            <>
              <h3>{t('accounts.importErrors', { count: result.errors.length })}</h3>
              <div className="table-wrap" tabIndex={0}>
                <table>
                  <caption className="visually-hidden">
                    {t('accounts.importErrors', { count: result.errors.length })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('accounts.row')}</th>
                      <th scope="col">{t('accounts.column')}</th>
                      <th scope="col">{t('accounts.problem')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.errors.map((rowError, index) => (
                      <tr key={`${rowError.row}-${index}`}>
                        <td>{rowError.row}</td>
                        <td>{rowError.column || '—'}</td>
                        <td>{rowError.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}

export function AccountsPage() {
  const { t, locale } = useI18n()
  const { can } = useSession()
  const canManage = can('account.manage')
  const [filters, setFilters] = useState<Filters>({
    unitId: '',
    platform: '',
    status: '',
    breaksNaming: false,
  })
  const [version, setVersion] = useState(0)
  const [offset, setOffset] = useState(0)
  const [editing, setEditing] = useState<Account | 'new' | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const units = useUnits()
  const accounts = useLoad(
    () => api.get<{ items: Account[]; total: number }>(`/api/accounts${accountQuery(filters, offset)}`),
    [filters, offset, version],
  )
  const users = useLoad(
    () =>
      can('user.read')
        ? api.get<{ items: { id: string; name: string }[] }>('/api/users')
        : Promise.resolve({ items: [] }),
    [],
  )
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => {
    setOffset(0)
    setFilters((previous) => ({ ...previous, [key]: value }))
  }
  const total = accounts.data?.total ?? 0
  const refresh = () => setVersion((value) => value + 1)

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        description={t('accounts.intro')}
        actions={
          canManage ? (
            <button type="button" className="button primary" onClick={() => setEditing('new')}>
              {t('accounts.create')}
            </button>
          ) : null
        }
      />
      {notice ? <Notice>{notice}</Notice> : null}
      {editing ? (
        <AccountForm
          key={editing === 'new' ? 'new' : editing.id}
          account={editing === 'new' ? null : editing}
          units={units.options.filter(({ unit }) => !unit.archivedAt)}
          users={users.data?.items ?? []}
          onCancel={() => setEditing(null)}
          onSaved={(message) => {
            setNotice(message)
            setEditing(null)
            refresh()
          }}
        />
      ) : null}
      <section className="panel" aria-labelledby="account-list">
        <h2 id="account-list">{t('accounts.list')}</h2>
        <div className="filters" role="group" aria-label={t('common.filters')}>
          <SelectField
            label={t('accounts.unit')}
            value={filters.unitId}
            onChange={(event) => set('unitId', event.target.value)}
          >
            <option value="">{t('common.all')}</option>
            {units.options.map(({ unit, depth }) => (
              <option key={unit.id} value={unit.id}>
                {unitOptionLabel(unit, depth)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('accounts.platform')}
            value={filters.platform}
            onChange={(event) => set('platform', event.target.value)}
          >
            <option value="">{t('common.all')}</option>
            {PLATFORMS.map((platform) => (
              <option key={platform} value={platform}>
                {t(`platform.${platform}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('accounts.status')}
            value={filters.status}
            onChange={(event) => set('status', event.target.value)}
          >
            <option value="">{t('common.all')}</option>
            <option value="active">{t('accounts.statusActive')}</option>
            <option value="dormant">{t('accounts.statusDormant')}</option>
          </SelectField>
          <CheckboxField
            label={t('accounts.onlyBreaking')}
            checked={filters.breaksNaming}
            onChange={(event) => set('breaksNaming', event.target.checked)}
          />
        </div>
        <LoadState loading={accounts.loading && !accounts.data} error={accounts.error} />
        {accounts.data && accounts.data.items.length === 0 ? (
          <p className="muted">{t('accounts.empty')}</p>
        ) : null}
        {accounts.data && accounts.data.items.length > 0 ? (
          <div className="table-wrap" tabIndex={0}>
            <table data-testid="account-table">
              <caption className="visually-hidden">{t('accounts.list')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('accounts.platform')}</th>
                  <th scope="col">{t('accounts.handle')}</th>
                  <th scope="col">{t('accounts.unit')}</th>
                  <th scope="col">{t('accounts.status')}</th>
                  <th scope="col">{t('accounts.security')}</th>
                  <th scope="col">{t('accounts.naming')}</th>
                  {canManage ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {accounts.data.items.map((account) => (
                  <tr key={account.id}>
                    <td>{t(`platform.${account.platform}` as 'platform.x')}</td>
                    <td>
                      {account.url ? (
                        <a href={account.url} rel="noreferrer noopener" target="_blank">
                          {account.handle}
                        </a>
                      ) : (
                        account.handle
                      )}
                    </td>
                    <td>{account.unit.name}</td>
                    <td>
                      {account.status === 'dormant' ? (
                        <span className="badge warn">{t('accounts.statusDormant')}</span>
                      ) : (
                        <span className="badge ok">{t('accounts.statusActive')}</span>
                      )}
                    </td>
                    <td>
                      {t(`verification.${account.verificationStatus}` as 'verification.verified')} · 2FA{' '}
                      {account.platformTwoFactor ? t('common.yes') : t('common.no')}
                      <br />
                      <span className="muted small">
                        {t('accounts.lastRotation')}: {formatDate(account.credentialRotatedOn, locale)}
                      </span>
                    </td>
                    <td>
                      {account.naming && !account.naming.compliant ? (
                        <>
                          <span className="badge danger">{t('accounts.breaksPattern')}</span>
                          <br />
                          <span className="small">{account.naming.reason}</span>
                        </>
                      ) : account.naming?.compliant ? (
                        <span className="badge ok">{t('accounts.followsPattern')}</span>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    {canManage ? (
                      <td>
                        <button
                          type="button"
                          className="button small"
                          onClick={() => setEditing(account)}
                          aria-label={t('accounts.editTitle', { handle: account.handle })}
                        >
                          {t('common.edit')}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {total > ACCOUNT_PAGE_SIZE ? (
          <div className="pager">
            <button
              type="button"
              className="button"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - ACCOUNT_PAGE_SIZE))}
            >
              {t('common.previous')}
            </button>
            <span>
              {t('accounts.range', {
                from: offset + 1,
                to: Math.min(total, offset + ACCOUNT_PAGE_SIZE),
                total,
              })}
            </span>
            <button
              type="button"
              className="button"
              disabled={offset + ACCOUNT_PAGE_SIZE >= total}
              onClick={() => setOffset(offset + ACCOUNT_PAGE_SIZE)}
            >
              {t('common.next')}
            </button>
          </div>
        ) : null}
      </section>
      <NamingReport version={version} />
      {canManage ? <ImportExport onImported={refresh} /> : null}
    </>
  )
}
