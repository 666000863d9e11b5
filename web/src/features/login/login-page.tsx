// Sign-in in two steps: e-mail and password, then (when the account has 2FA) the authenticator code or a
// recovery code. Lockout and throttling answers are shown as the API words them (in the language on screen):
// they say when to retry.
import { Anchor, Button, Divider, Group, Stack, Text, TextInput } from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { ApiError, api } from '../../app/api-client.ts'
import { AuthFrame } from '../../app/auth-frame.tsx'
import { useErrorText } from '../../components/api-error-text.ts'
import { ErrorText } from '../../components/error-banner.tsx'
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx'
import { SSO_ERRORS, type LoginOptions } from './login-types.ts'
import { PasswordField } from '../../components/password-field.tsx'
import { ForgotPasswordForm } from './forgot-password-form.tsx'
import { SignOutButton } from '../../app/sign-out-button.tsx'

type Step = 'password' | 'code' | 'forgot'

/** The reason single sign-on came back with, as a text key; null when the address carries none. */
export function ssoErrorKey(search: string): MessageKey | null {
  const reason = new URLSearchParams(search).get('sso_error')
  if (!reason) return null
  return (SSO_ERRORS as readonly string[]).includes(reason)
    ? (`login.ssoError.${reason as (typeof SSO_ERRORS)[number]}` as const)
    : 'login.ssoError.provider_error'
}

export function LoginPage({
  onLoggedIn,
  secondFactorOnly = false,
}: {
  onLoggedIn: () => Promise<void>
  secondFactorOnly?: boolean
}) {
  const { t } = useI18n()
  const [step, setStep] = useState<Step>(secondFactorOnly ? 'code' : 'password')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [useRecovery, setUseRecovery] = useState(false)
  const options = useQuery({
    queryKey: ['login-options'],
    queryFn: () => api.get<LoginOptions>('/api/auth/options'),
    staleTime: Infinity,
    retry: false,
  })
  const sso = options.data?.oidc?.label ?? null
  const [ssoError] = useState(() => ssoErrorKey(window.location.search))

  const login = useMutation({
    mutationFn: async (): Promise<'signed-in' | 'second-factor'> => {
      const body: Record<string, string> = secondFactorOnly ? {} : { email: email.trim(), password }
      if (step === 'code') body[useRecovery ? 'recoveryCode' : 'totp'] = code.replace(/\s+/g, '')
      try {
        await api.post(secondFactorOnly ? '/api/auth/two-factor' : '/api/auth/login', body)
      } catch (caught) {
        // The password was right and the account has 2FA: the next step asks for the code.
        if (caught instanceof ApiError && caught.code === 'two_factor_required' && step === 'password')
          return 'second-factor'
        throw caught
      }
      await onLoggedIn()
      return 'signed-in'
    },
    onSuccess: (result) => {
      if (result === 'second-factor') setStep('code')
    },
  })
  const error = useErrorText(login.error)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    login.mutate()
  }
  const restart = () => {
    setCode('')
    login.reset()
  }

  if (step === 'forgot')
    return (
      <AuthFrame title={t('reset.forgotTitle')} intro={t('reset.forgotIntro')}>
        <ForgotPasswordForm initialEmail={email} onBack={() => setStep('password')} />
      </AuthFrame>
    )

  return (
    <AuthFrame
      title={step === 'password' ? t('login.title') : t('login.codeTitle')}
      intro={
        step === 'password' ? t('login.intro') : useRecovery ? t('login.recoveryIntro') : t('login.codeIntro')
      }
      tools={secondFactorOnly ? <SignOutButton /> : undefined}
    >
      <ErrorText>{error.banner ?? (ssoError && step === 'password' ? t(ssoError) : null)}</ErrorText>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {step === 'password' ? (
            <>
              <TextInput
                label={t('login.email')}
                type="email"
                name="email"
                autoComplete="username"
                required
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={error.field('email')}
                data-autofocus
                autoFocus
              />
              <PasswordField
                label={t('login.password')}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={error.field('password')}
              />
            </>
          ) : (
            <TextInput
              key={useRecovery ? 'recovery' : 'totp'}
              label={useRecovery ? t('login.recoveryCode') : t('login.totp')}
              name={useRecovery ? 'recoveryCode' : 'totp'}
              inputMode={useRecovery ? 'text' : 'numeric'}
              autoComplete="one-time-code"
              required
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              error={error.field(useRecovery ? 'recoveryCode' : 'totp')}
              autoFocus
            />
          )}
          <Button type="submit" fullWidth loading={login.isPending}>
            {step === 'password' ? t('login.submit') : t('login.verify')}
          </Button>
        </Stack>
      </form>
      {step === 'password' && options.data ? (
        options.data.passwordReset ? (
          <Anchor
            component="button"
            type="button"
            fz="sm"
            mt="sm"
            onClick={() => {
              login.reset()
              setStep('forgot')
            }}
          >
            {t('reset.forgotLink')}
          </Anchor>
        ) : (
          <Text fz="sm" c="dimmed" mt="sm">
            {t('reset.askAdmin')}
          </Text>
        )
      ) : null}
      {step === 'password' && sso ? (
        <>
          <Divider my="md" />
          <Button component="a" href="/api/auth/oidc/start" variant="default" fullWidth>
            {t('login.sso', { label: sso })}
          </Button>
        </>
      ) : null}
      {step === 'code' ? (
        <Group justify="space-between" mt="md" gap="xs">
          <Anchor
            component="button"
            type="button"
            fz="sm"
            onClick={() => {
              setUseRecovery(!useRecovery)
              restart()
            }}
          >
            {useRecovery ? t('login.useTotp') : t('login.useRecovery')}
          </Anchor>
          {secondFactorOnly ? null : (
            <Anchor
              component="button"
              type="button"
              fz="sm"
              onClick={() => {
                setStep('password')
                restart()
              }}
            >
              {t('login.back')}
            </Anchor>
          )}
        </Group>
      ) : null}
    </AuthFrame>
  )
}
