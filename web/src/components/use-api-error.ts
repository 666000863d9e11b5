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

/**
 * The banner text for a rejected form. With per-field details the API's own summary names fields by their
 * API keys ("penanggungJawabUserId: …"); people should read only what to fix, which the fields also show.
 */
export function bannerOf(error: unknown, fallback: string, network: string, checkFields: string): string {
  if (error instanceof ApiError && Object.keys(error.details).length > 0) {
    return `${checkFields} ${[...new Set(Object.values(error.details))].join(' ')}`
  }
  return messageOf(error, fallback, network)
}

export function useApiError() {
  const { t } = useI18n()
  const [error, setError] = useState<FormError>({ message: null, fields: {} })
  const capture = useCallback(
    (caught: unknown) => {
      const fields = caught instanceof ApiError ? caught.details : {}
      setError({
        message: bannerOf(caught, t('error.generic'), t('error.network'), t('form.checkFields')),
        fields,
      })
    },
    [t],
  )
  const clear = useCallback(() => setError({ message: null, fields: {} }), [])
  return { error, capture, clear, field: (name: string) => error.fields[name] }
}
