// Page and form messages: an error is announced at once (role=alert), a notice politely (role=status).
import { Alert } from '@mantine/core'
import type { ReactNode } from 'react'
import { useErrorText } from './api-error-text.ts'

/** The banner of an API error (or any failure) in the language on screen; nothing when there is no error. */
export function ErrorBanner({ error }: { error: unknown }) {
  const { banner } = useErrorText(error)
  return <ErrorText>{banner}</ErrorText>
}

/** A banner with a text the caller already has (e.g. from useFormError). */
export function ErrorText({ children }: { children: ReactNode }) {
  if (!children) return null
  return (
    <Alert color="red" variant="light" role="alert" mb="md">
      {children}
    </Alert>
  )
}

export function Notice({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'ok' }) {
  return (
    <Alert color={tone === 'ok' ? 'green' : 'warta'} variant="light" role="status" mb="md">
      {children}
    </Alert>
  )
}
