// What a page shows while its data loads or when loading failed.
import { ApiError } from '../app/api-client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorAlert } from './alert.tsx'
import { messageOf } from './use-api-error.ts'

export function LoadState({ loading, error }: { loading: boolean; error: unknown }) {
  const { t } = useI18n()
  if (error) {
    if (error instanceof ApiError && error.status === 403)
      return <ErrorAlert>{t('error.forbidden')}</ErrorAlert>
    return <ErrorAlert>{messageOf(error, t('error.generic'), t('error.network'))}</ErrorAlert>
  }
  if (loading)
    return (
      <p className="muted" role="status">
        {t('common.loading')}
      </p>
    )
  return null
}
