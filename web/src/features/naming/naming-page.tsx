// Naming conventions per platform: the admin writes a pattern such as `humas{unit}` or `{instansi}_{kota}`;
// the account registry flags every handle that breaks it.
import { useState, type FormEvent } from 'react'
import { api } from '../../app/api-client.ts'
import { Notice } from '../../components/alert.tsx'
import { TextField } from '../../components/field.tsx'
import { LoadState } from '../../components/load-state.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { useApiError } from '../../components/use-api-error.ts'
import { useLoad } from '../../components/use-load.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { PLATFORMS } from '../accounts/account-types.ts'

export interface NamingPattern {
  platform: string
  pattern: string
}

function PatternRow({ platform, current, onSaved }: { platform: string; current: string; onSaved: (message: string) => void }) {
  const { t } = useI18n()
  const [pattern, setPattern] = useState(current)
  const { error, capture, clear, field } = useApiError()
  const label = t(`platform.${platform}` as 'platform.x')

  const save = async (event: FormEvent) => {
    event.preventDefault()
    clear()
    try {
      if (pattern.trim()) await api.put(`/api/naming/${platform}`, { pattern: pattern.trim() })
      else await api.delete(`/api/naming/${platform}`)
      onSaved(t('naming.saved', { platform: label }))
    } catch (caught) {
      capture(caught)
    }
  }

  return (
    <form className="pattern-row" onSubmit={(event) => void save(event)} noValidate>
      <TextField label={label} name={`pattern-${platform}`} value={pattern} placeholder={t('naming.none')} onChange={(event) => setPattern(event.target.value)} error={field('pattern') ?? (error.message ?? undefined)} />
      <button type="submit" className="button" aria-label={t('naming.saveFor', { platform: label })}>
        {t('common.save')}
      </button>
    </form>
  )
}

export function NamingPage() {
  const { t } = useI18n()
  const patterns = useLoad(() => api.get<{ items: NamingPattern[] }>('/api/naming'), [])
  const [notice, setNotice] = useState<string | null>(null)
  const byPlatform = new Map((patterns.data?.items ?? []).map((item) => [item.platform, item.pattern]))
  return (
    <>
      <PageHeader title={t('naming.title')} description={t('naming.intro')} />
      {notice ? <Notice>{notice}</Notice> : null}
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
        {patterns.data
          ? PLATFORMS.map((platform) => <PatternRow key={`${platform}-${byPlatform.get(platform) ?? ''}`} platform={platform} current={byPlatform.get(platform) ?? ''} onSaved={(message) => {
              setNotice(message)
              patterns.reload()
            }} />)
          : null}
      </section>
    </>
  )
}
