// Mantine's PasswordInput with its error and hint tied to the input (9.8.1 leaves aria-invalid and
// aria-describedby off the inner <input>, so a screen reader would not announce what to fix) and a translated
// label on the show/hide button.
import { PasswordInput, type PasswordInputProps } from '@mantine/core'
import { useId } from 'react'
import { useI18n } from '../i18n/i18n.tsx'

export function PasswordField({ id: givenId, error, description, ...input }: PasswordInputProps) {
  const { t } = useI18n()
  const generated = useId()
  const id = givenId ?? generated
  const hasError = Boolean(error) && typeof error !== 'boolean'
  const describedBy = [hasError ? `${id}-error` : null, description ? `${id}-description` : null]
    .filter(Boolean)
    .join(' ')
  return (
    <PasswordInput
      {...input}
      id={id}
      error={error}
      description={description}
      aria-invalid={hasError || undefined}
      aria-describedby={describedBy || undefined}
      visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
    />
  )
}
