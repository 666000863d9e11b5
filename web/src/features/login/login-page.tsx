// Sign-in in two steps: e-mail and password, then (when the account has 2FA) the authenticator code or a
// recovery code. Lockout and throttling answers are shown as the API words them: they say when to retry.
import { useEffect, useState, type FormEvent } from 'react'
import { ApiError, api } from '../../app/api-client.ts'
import { ErrorAlert } from '../../components/alert.tsx'
import { LanguageSwitch } from '../../components/language-switch.tsx'
import { TextField } from '../../components/field.tsx'
import { useApiError } from '../../components/use-api-error.ts'
import { useI18n } from '../../i18n/i18n.tsx'

type Step = 'password' | 'code'

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
  const [busy, setBusy] = useState(false)
  const { error, capture, clear, field } = useApiError()
  const [sso, setSso] = useState<string | null>(null)

  useEffect(() => {
    api.get<{ oidc: { label: string } | null }>('/api/auth/options').then(
      (options) => setSso(options.oidc?.label ?? null),
      () => setSso(null),
    )
  }, [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    clear()
    setBusy(true)
    try {
      const body: Record<string, string> = secondFactorOnly ? {} : { email: email.trim(), password }
      if (step === 'code') body[useRecovery ? 'recoveryCode' : 'totp'] = code.replace(/\s+/g, '')
      await api.post(secondFactorOnly ? '/api/auth/two-factor' : '/api/auth/login', body)
      await onLoggedIn()
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'two_factor_required' && step === 'password') {
        setStep('code')
      } else {
        capture(caught)
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <div className="auth-top">
          <p className="brand-mark" aria-hidden="true">
            Warta
          </p>
          <LanguageSwitch />
        </div>
        <h1>{step === 'password' ? t('login.title') : t('login.codeTitle')}</h1>
        <p className="muted">
          {step === 'password'
            ? t('login.intro')
            : useRecovery
              ? t('login.recoveryIntro')
              : t('login.codeIntro')}
        </p>
        <ErrorAlert>{error.message}</ErrorAlert>
        <form onSubmit={(event) => void submit(event)} noValidate>
          {step === 'password' ? (
            <>
              <TextField
                label={t('login.email')}
                type="email"
                name="email"
                autoComplete="username"
                required
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                error={field('email')}
                autoFocus
              />
              <TextField
                label={t('login.password')}
                type="password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                error={field('password')}
              />
            </>
          ) : (
            <TextField
              key={useRecovery ? 'recovery' : 'totp'}
              label={useRecovery ? t('login.recoveryCode') : t('login.totp')}
              name={useRecovery ? 'recoveryCode' : 'totp'}
              inputMode={useRecovery ? 'text' : 'numeric'}
              autoComplete="one-time-code"
              required
              value={code}
              onChange={(event) => setCode(event.target.value)}
              error={field(useRecovery ? 'recoveryCode' : 'totp')}
              autoFocus
            />
          )}
          <button type="submit" className="button primary block" disabled={busy}>
            {busy ? t('common.wait') : step === 'password' ? t('login.submit') : t('login.verify')}
          </button>
        </form>
        {step === 'password' && sso ? (
          <p className="sso">
            <a className="button block" href="/api/auth/oidc/start">
              {t('login.sso', { label: sso })}
            </a>
          </p>
        ) : null}
        {step === 'code' ? (
          <div className="auth-links">
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setUseRecovery(!useRecovery)
                setCode('')
                clear()
              }}
            >
              {useRecovery ? t('login.useTotp') : t('login.useRecovery')}
            </button>
            {secondFactorOnly ? null : (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setStep('password')
                  setCode('')
                  clear()
                }}
              >
                {t('login.back')}
              </button>
            )}
          </div>
        ) : null}
      </div>
    </main>
  )
}
