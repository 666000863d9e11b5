// Keeps the last API error of a form: the message for the banner and the per-field `details` for the fields.
import { useCallback, useState } from 'react'
import { ApiError } from '../app/api-client.ts'
import { useI18n } from '../i18n/i18n.tsx'

export interface FormError {
  message: string | null
  fields: Record<string, string>
}

export function messageOf(error: unknown, fallback: string, network: string): string {
  if (error instanceof ApiError) return error.code === 'network' ? network : error.message || fallback
  return fallback
}

export function useApiError() {
  const { t } = useI18n()
  const [error, setError] = useState<FormError>({ message: null, fields: {} })
  const capture = useCallback(
    (caught: unknown) => {
      const fields = caught instanceof ApiError ? caught.details : {}
      setError({ message: messageOf(caught, t('error.generic'), t('error.network')), fields })
    },
    [t],
  )
  const clear = useCallback(() => setError({ message: null, fields: {} }), [])
  return { error, capture, clear, field: (name: string) => error.fields[name] }
}
