// "Lupa kata sandi?": asks for a reset link by e-mail. The answer is the same whether or not the address has an
// account (the server does not say), so the page says what happens if it does.
import { Anchor, Button, Stack, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { api } from '../../app/api-client.ts'
import { useErrorText } from '../../components/api-error-text.ts'
import { ErrorText, Notice } from '../../components/error-banner.tsx'
import { useI18n } from '../../i18n/i18n.tsx'

export function ForgotPasswordForm({ initialEmail, onBack }: { initialEmail: string; onBack: () => void }) {
  const { t } = useI18n()
  const [email, setEmail] = useState(initialEmail)
  const [emailError, setEmailError] = useState<string | undefined>(undefined)
  const request = useMutation({
    mutationFn: (address: string) => api.post('/api/auth/password-reset/request', { email: address }),
  })
  const error = useErrorText(request.error)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const address = email.trim()
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) {
      setEmailError(t('form.emailInvalid'))
      return
    }
    setEmailError(undefined)
    request.mutate(address)
  }

  return (
    <Stack gap="md">
      <ErrorText>{error.banner}</ErrorText>
      {request.isSuccess ? (
        <Notice tone="ok">{t('reset.requestSent', { email: request.variables })}</Notice>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label={t('login.email')}
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={emailError ?? error.field('email')}
              autoFocus
            />
            <Button type="submit" fullWidth loading={request.isPending}>
              {t('reset.requestSubmit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component="button" type="button" fz="sm" onClick={onBack} style={{ alignSelf: 'flex-start' }}>
        {t('reset.backToSignIn')}
      </Anchor>
    </Stack>
  )
}
