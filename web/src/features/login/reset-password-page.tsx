// The page the e-mailed link opens (/reset-password#token=…): choose a new password. The token travels in the
// address's fragment, which browsers never send to a server; the page reads it once and takes it out of the
// address bar and the history.
import { Anchor, Button, Stack } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useEffect, useState, type FormEvent } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { api } from '../../app/api-client.ts'
import { AuthFrame } from '../../app/auth-frame.tsx'
import { useErrorText } from '../../components/api-error-text.ts'
import { ErrorText, Notice } from '../../components/error-banner.tsx'
import { NewPasswordField } from '../../components/new-password-field.tsx'
import { PasswordField } from '../../components/password-field.tsx'
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx'

export const RESET_PASSWORD_PATH = '/reset-password'

/** The token from `#token=…`, or '' when the address has none. */
export function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? ''
}

export function ResetPasswordPage({ onDone }: { onDone: () => void }) {
  const { t, locale } = useI18n()
  const [token] = useState(() => tokenFromHash(window.location.hash))
  useEffect(() => {
    // Out of the address bar and the history once read.
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname)
  }, [])
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [localErrors, setLocalErrors] = useState<{ password?: MessageKey; confirm?: MessageKey }>({})
  const reset = useMutation({
    mutationFn: () =>
      api.post<{ lockedUntil: string | null }>('/api/auth/password-reset', { token, password }),
  })
  const error = useErrorText(reset.error)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: typeof localErrors = {}
    if (password.length < 12) found.password = 'form.passwordShort'
    if (confirm !== password) found.confirm = 'form.passwordMismatch'
    setLocalErrors(found)
    if (Object.keys(found).length === 0) reset.mutate()
  }

  if (!token)
    return (
      <AuthFrame title={t('reset.title')}>
        <ErrorText>{t('reset.noToken')}</ErrorText>
        <Button onClick={onDone}>{t('reset.toSignIn')}</Button>
      </AuthFrame>
    )

  if (reset.isSuccess)
    return (
      <AuthFrame title={t('reset.doneTitle')}>
        <Notice tone="ok">{t('reset.done')}</Notice>
        {reset.data.lockedUntil ? (
          <Notice>
            {t('reset.stillLocked', { until: formatDate(reset.data.lockedUntil, locale, 'time') })}
          </Notice>
        ) : null}
        <Button onClick={onDone}>{t('reset.toSignIn')}</Button>
      </AuthFrame>
    )

  return (
    <AuthFrame title={t('reset.title')} intro={t('reset.intro')}>
      <ErrorText>{error.banner}</ErrorText>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <NewPasswordField
            label={t('password.new')}
            name="password"
            context={{}}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={localErrors.password ? t(localErrors.password) : error.field('password')}
            required
            autoFocus
          />
          <PasswordField
            label={t('password.confirm')}
            name="confirm"
            autoComplete="new-password"
            value={confirm}
            onChange={(event) => setConfirm(event.currentTarget.value)}
            error={localErrors.confirm ? t(localErrors.confirm) : undefined}
            required
          />
          <Button type="submit" fullWidth loading={reset.isPending}>
            {t('reset.submit')}
          </Button>
          {error.field('token') ? (
            <Anchor
              component="button"
              type="button"
              fz="sm"
              onClick={onDone}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('reset.askAgain')}
            </Anchor>
          ) : null}
        </Stack>
      </form>
    </AuthFrame>
  )
}
