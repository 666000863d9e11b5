// Page and form messages: an error is announced at once (role=alert), a notice politely (role=status).
import { Alert, VisuallyHidden } from '@mantine/core'
import type { ReactNode } from 'react'
import { useI18n } from '../i18n/i18n.tsx'
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

/** A triangle with an exclamation mark: the sign people read as "warning" before reading the words. */
function WarningIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M12 2.5 1.5 21h21L12 2.5Z"
        fill="#f0b400"
        stroke="#6b4a00"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
      <path d="M12 9v5.5" stroke="#3b2a00" strokeWidth="2.2" strokeLinecap="round" />
      <circle cx="12" cy="17.6" r="1.3" fill="#3b2a00" />
    </svg>
  )
}

/**
 * A message that is not an error: information, a success ('ok', green), or a warning — something to act on that
 * did not fail (yellow, with the warning sign, and announced as a warning), never shown in success green.
 */
export function Notice({
  children,
  tone = 'info',
  title,
}: {
  children: ReactNode
  tone?: 'info' | 'ok' | 'warning'
  title?: ReactNode
}) {
  const { t } = useI18n()
  if (tone === 'warning')
    return (
      <Alert
        color="yellow"
        variant="light"
        role="status"
        mb="md"
        icon={<WarningIcon />}
        title={title}
        data-tone="warning"
        styles={{
          root: { border: '1px solid #e0b000' },
          title: { color: 'var(--mantine-color-text)' },
          message: { color: 'var(--mantine-color-text)' },
        }}
      >
        <VisuallyHidden>{t('common.warning')}: </VisuallyHidden>
        {children}
      </Alert>
    )
  return (
    <Alert color={tone === 'ok' ? 'green' : 'warta'} variant="light" role="status" mb="md" title={title}>
      {children}
    </Alert>
  )
}
