// API errors in the language on screen. The API names every error (and every field problem) by a message key
// with parameters; they are rendered here with the shared catalogue, so switching the language re-renders an
// error that is already on screen. A key this build does not know yet falls back to the server's own text.
// Banners never name API fields ("penanggungJawabUserId"): the fields show their own problem, the banner says
// what to fix.
import { useCallback, useMemo, useState } from 'react'
import { isMessageKey } from '../../../src/shared/messages/catalogue.ts'
import { formatMessage } from '../../../src/shared/messages/format-message.ts'
import { ApiError, NETWORK_ERROR, type FieldProblem } from '../app/api-client.ts'
import { useI18n, type Locale, type Translate } from '../i18n/i18n.tsx'

export interface ErrorText {
  /** What the banner (role=alert) says; null when there is nothing to say. */
  banner: string | null
  /** Field path (e.g. `handle`, `pengelola.0.userId`) → the problem in the language on screen. */
  fields: Record<string, string>
}

const NO_ERROR: ErrorText = { banner: null, fields: {} }

function rendered(key: string, params: FieldProblem['params'], fallback: string, locale: Locale): string {
  return isMessageKey(key) ? formatMessage(locale, key, params) : fallback
}

/**
 * A problem the API sends outside an error (a CSV row's problem, a naming verdict, a pattern's warning) in the
 * language on screen; a key this build does not know yet falls back to the server's own text.
 */
export function problemText(
  problem: { key: string; params?: FieldProblem['params']; message: string },
  locale: Locale,
): string {
  return rendered(problem.key, problem.params, problem.message, locale)
}

export function describeApiError(error: unknown, locale: Locale, t: Translate): ErrorText {
  if (error === null || error === undefined) return NO_ERROR
  if (!(error instanceof ApiError)) return { banner: t('error.generic'), fields: {} }
  if (error.code === NETWORK_ERROR) return { banner: t('error.network'), fields: {} }
  const fields: Record<string, string> = {}
  for (const [field, problem] of Object.entries(error.details))
    fields[field] = rendered(problem.key, problem.params, problem.message || t('error.generic'), locale)
  const problems = [...new Set(Object.values(fields))]
  if (problems.length > 0) return { banner: `${t('form.checkFields')} ${problems.join(' ')}`, fields }
  if (error.status === 403 && !isMessageKey(error.key)) return { banner: t('error.forbidden'), fields }
  const fallback = error.message && error.message !== error.code ? error.message : t('error.generic')
  return { banner: rendered(error.key, error.params, fallback, locale), fields }
}

/** The text of an error (a failed query or mutation) in the language on screen. */
export function useErrorText(error: unknown) {
  const { locale, t } = useI18n()
  const text = useMemo(() => describeApiError(error, locale, t), [error, locale, t])
  return {
    banner: text.banner,
    fields: text.fields,
    /** The problem of one field, trying each name in turn (the API may nest it: `pengelola.0.userId`). */
    field: (...names: string[]): string | undefined => {
      for (const name of names) if (text.fields[name]) return text.fields[name]
      return undefined
    },
  }
}

/** Keeps the last error of a form that is not a single mutation (several requests, or local checks first). */
export function useFormError() {
  const [error, setError] = useState<unknown>(null)
  const text = useErrorText(error)
  const capture = useCallback((caught: unknown) => setError(caught), [])
  const clear = useCallback(() => setError(null), [])
  return { error, capture, clear, ...text }
}
