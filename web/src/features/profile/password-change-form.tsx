// Changing one's own password: the current one proves it is really the user; other sessions end afterwards.
import { Button, Stack } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type ChangeEvent, type FormEvent } from 'react'
import { api } from '../../app/api-client.ts'
import { useErrorText } from '../../components/api-error-text.ts'
import { ErrorText, Notice } from '../../components/error-banner.tsx'
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx'
import { PasswordField } from '../../components/password-field.tsx'
import { NewPasswordField } from '../../components/new-password-field.tsx'
import type { PasswordContext } from '../../../../src/shared/password-policy.ts'
import { profileKeys } from './profile-queries.ts'

type Field = 'currentPassword' | 'newPassword' | 'confirm'

export function checkPasswordChange(values: Record<Field, string>): Partial<Record<Field, MessageKey>> {
  const errors: Partial<Record<Field, MessageKey>> = {}
  if (!values.currentPassword) errors.currentPassword = 'form.required'
  if (values.newPassword.length < 12) errors.newPassword = 'form.passwordShort'
  if (values.confirm !== values.newPassword) errors.confirm = 'form.passwordMismatch'
  return errors
}

export function PasswordChangeForm({
  onChanged,
  context = {},
}: {
  onChanged?: () => void | Promise<void>
  /** Who the password is for, so the strength meter counts their name and e-mail as easy guesses. */
  context?: PasswordContext
}) {
  const { t } = useI18n()
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: '',
    newPassword: '',
    confirm: '',
  })
  const [localErrors, setLocalErrors] = useState<Partial<Record<Field, MessageKey>>>({})
  const queryClient = useQueryClient()
  const change = useMutation({
    mutationFn: async () => {
      await api.post('/api/me/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      })
      setValues({ currentPassword: '', newPassword: '', confirm: '' })
      // The change ended the other sessions and every API token.
      await queryClient.invalidateQueries({ queryKey: profileKeys.all })
      await onChanged?.()
    },
  })
  const error = useErrorText(change.error)
  const errorOf = (field: Field) => {
    const local = localErrors[field]
    return local ? t(local) : error.field(field)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    change.reset()
    const found = checkPasswordChange(values)
    setLocalErrors(found)
    if (Object.keys(found).length === 0) change.mutate()
  }
  const set = (field: Field) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value
    setValues((previous) => ({ ...previous, [field]: value }))
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={420}>
        <ErrorText>{error.banner}</ErrorText>
        {change.isSuccess ? <Notice tone="ok">{t('password.changed')}</Notice> : null}
        <PasswordField
          label={t('password.current')}
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={errorOf('currentPassword')}
          required
        />
        <NewPasswordField
          label={t('password.new')}
          context={context}
          value={values.newPassword}
          onChange={set('newPassword')}
          error={errorOf('newPassword')}
          required
        />
        <PasswordField
          label={t('password.confirm')}
          autoComplete="new-password"
          value={values.confirm}
          onChange={set('confirm')}
          error={errorOf('confirm')}
          required
        />
        <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('password.submit')}
        </Button>
      </Stack>
    </form>
  )
}
