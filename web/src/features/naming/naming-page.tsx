// Naming conventions per platform: the admin writes a pattern such as `humas{unit}` or `{instansi}_{kota}`;
// the account registry flags every handle that breaks it. The patterns are saved together, as one setting.
import { useState, type FormEvent } from 'react'
import { api } from '../../app/api-client.ts'
import { ErrorAlert, Notice } from '../../components/alert.tsx'
import { TextField } from '../../components/field.tsx'
import { LoadState } from '../../components/load-state.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { useApiError } from '../../components/use-api-error.ts'
import { useLoad } from '../../components/use-load.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { PLATFORMS } from '../accounts/account-types.ts'

export type NamingPatterns = Partial<Record<string, string>>

export const NAMING_PATH = '/api/naming/patterns'

function PatternsForm({ initial }: { initial: NamingPatterns }) {
  const { t } = useI18n()
  const [patterns, setPatterns] = useState<Record<string, string>>(() =>
    Object.fromEntries(PLATFORMS.map((platform) => [platform, initial[platform] ?? ''])),
  )
  const [saved, setSaved] = useState(false)
  const { error, capture, clear, field } = useApiError()

  const save = async (event: FormEvent) => {
    event.preventDefault()
    clear()
    setSaved(false)
    try {
      const body = Object.fromEntries(
        Object.entries(patterns).map(([platform, pattern]) => [platform, pattern.trim() || null]),
      )
      await api.put(NAMING_PATH, { patterns: body })
      setSaved(true)
    } catch (caught) {
      capture(caught)
    }
  }

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <ErrorAlert>{error.message}</ErrorAlert>
      {saved ? <Notice>{t('naming.saved')}</Notice> : null}
      <div className="grid-form">
        {PLATFORMS.map((platform) => (
          <TextField
            key={platform}
            label={t(`platform.${platform}`)}
            name={`pattern-${platform}`}
            value={patterns[platform] ?? ''}
            placeholder={t('naming.none')}
            onChange={(event) => setPatterns((previous) => ({ ...previous, [platform]: event.target.value }))}
            error={field(platform) ?? field(`patterns.${platform}`)}
          />
        ))}
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary">
          {t('naming.save')}
        </button>
      </div>
    </form>
  )
}

export function NamingPage() {
  const { t } = useI18n()
  const patterns = useLoad(() => api.get<{ patterns: NamingPatterns }>(NAMING_PATH), [])
  return (
    <>
      <PageHeader title={t('naming.title')} description={t('naming.intro')} />
      <section className="panel" aria-labelledby="naming-help">
        <h2 id="naming-help">{t('naming.languageTitle')}</h2>
        <ul className="help-list">
          <li>{t('naming.helpLiteral')}</li>
          <li>
            <code>{'{instansi}'}</code> {t('naming.helpInstansi')}
          </li>
          <li>
            <code>{'{unit}'}</code> {t('naming.helpUnit')}
          </li>
          <li>
            <code>{'{kota}'}</code> {t('naming.helpAttribute')}
          </li>
          <li>
            <code>*</code> {t('naming.helpWildcard')}
          </li>
        </ul>
      </section>
      <section className="panel" aria-labelledby="naming-patterns">
        <h2 id="naming-patterns">{t('naming.patterns')}</h2>
        <LoadState loading={patterns.loading && !patterns.data} error={patterns.error} />
        {patterns.data ? <PatternsForm initial={patterns.data.patterns} /> : null}
      </section>
    </>
  )
}
