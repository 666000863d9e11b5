// Enrolling an authenticator app: scan the QR code (or type the secret), confirm with one code, then keep the
// recovery codes, which are shown exactly once.
import { useState, type FormEvent } from 'react'
import { api } from '../../app/api-client.ts'
import { ErrorAlert } from '../../components/alert.tsx'
import { TextField } from '../../components/field.tsx'
import { useApiError } from '../../components/use-api-error.ts'
import { useI18n } from '../../i18n/i18n.tsx'

export const TWO_FACTOR_PATHS = {
  start: '/api/me/two-factor/enrol',
  confirm: '/api/me/two-factor/confirm',
  recoveryCodes: '/api/me/two-factor/recovery-codes',
}

interface Enrolment {
  secret: string
  otpauthUri?: string
  qrDataUrl?: string
}

export function RecoveryCodes({
  codes,
  onDone,
  doneLabel,
}: {
  codes: string[]
  onDone: () => void
  doneLabel: string
}) {
  const { t } = useI18n()
  return (
    <section className="recovery" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t('twoFactor.recoveryTitle')}</h2>
      <p>{t('twoFactor.recoveryIntro')}</p>
      <ul className="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="button primary" onClick={onDone}>
        {doneLabel}
      </button>
    </section>
  )
}

export function TwoFactorEnrolment({
  onDone,
  doneLabel,
}: {
  onDone: () => void | Promise<void>
  doneLabel: string
}) {
  const { t } = useI18n()
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null)
  const [code, setCode] = useState('')
  const [codes, setCodes] = useState<string[] | null>(null)
  const [busy, setBusy] = useState(false)
  const { error, capture, clear, field } = useApiError()

  const start = async () => {
    clear()
    setBusy(true)
    try {
      setEnrolment(await api.post<Enrolment>(TWO_FACTOR_PATHS.start))
    } catch (caught) {
      capture(caught)
    } finally {
      setBusy(false)
    }
  }

  const confirm = async (event: FormEvent) => {
    event.preventDefault()
    clear()
    setBusy(true)
    try {
      const result = await api.post<{ recoveryCodes: string[] }>(TWO_FACTOR_PATHS.confirm, {
        code: code.replace(/\s+/g, ''),
      })
      setCodes(result.recoveryCodes)
    } catch (caught) {
      capture(caught)
    } finally {
      setBusy(false)
    }
  }

  if (codes) return <RecoveryCodes codes={codes} doneLabel={doneLabel} onDone={() => void onDone()} />

  return (
    <section className="two-factor" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">{t('twoFactor.title')}</h2>
      <ErrorAlert>{error.message}</ErrorAlert>
      {!enrolment ? (
        <>
          <p>{t('twoFactor.intro')}</p>
          <button type="button" className="button primary" onClick={() => void start()} disabled={busy}>
            {t('twoFactor.start')}
          </button>
        </>
      ) : (
        <div className="two-factor-grid">
          <div>
            <ol className="plain-steps">
              <li>{t('twoFactor.scan')}</li>
              <li>{t('twoFactor.enterCode')}</li>
            </ol>
            {enrolment.qrDataUrl ? (
              <img
                className="qr"
                src={enrolment.qrDataUrl}
                alt={t('twoFactor.qrAlt')}
                width={200}
                height={200}
              />
            ) : null}
            <p className="secret">
              {t('twoFactor.secretLabel')} <code data-testid="totp-secret">{enrolment.secret}</code>
            </p>
          </div>
          <form onSubmit={(event) => void confirm(event)} noValidate>
            <TextField
              label={t('twoFactor.code')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              required
              onChange={(event) => setCode(event.target.value)}
              error={field('code')}
            />
            <button type="submit" className="button primary" disabled={busy}>
              {t('twoFactor.confirm')}
            </button>
          </form>
        </div>
      )}
    </section>
  )
}
