// The first-run wizard: a fresh deployment has no instansi yet. Three short steps (instansi, root unit, first
// admin) and one request, which also signs the admin in; the app then goes straight to 2FA enrolment, which the API
// requires before anything else.
import { useState, type FormEvent } from 'react'
import { api } from '../../app/api-client.ts'
import { ErrorAlert } from '../../components/alert.tsx'
import { LanguageSwitch } from '../../components/language-switch.tsx'
import { TextField } from '../../components/field.tsx'
import { useApiError } from '../../components/use-api-error.ts'
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx'

export interface SetupForm {
  instansiName: string
  instansiSlug: string
  rootUnitName: string
  rootUnitCode: string
  adminName: string
  adminEmail: string
  adminPassword: string
  adminPasswordConfirm: string
}

const EMPTY: SetupForm = {
  instansiName: '',
  instansiSlug: '',
  rootUnitName: '',
  rootUnitCode: '',
  adminName: '',
  adminEmail: '',
  adminPassword: '',
  adminPasswordConfirm: '',
}

const STEPS: { title: MessageKey; fields: (keyof SetupForm)[] }[] = [
  { title: 'setup.stepInstansi', fields: ['instansiName', 'instansiSlug'] },
  { title: 'setup.stepUnit', fields: ['rootUnitName', 'rootUnitCode'] },
  { title: 'setup.stepAdmin', fields: ['adminName', 'adminEmail', 'adminPassword', 'adminPasswordConfirm'] },
]

/** Lower-case letters, digits and hyphens: what the API accepts as a slug. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
}

/** Checks one step before moving on, so the user is not sent back from the last step for a typo in the first. */
export function validateSetupStep(
  form: SetupForm,
  fields: (keyof SetupForm)[],
): Partial<Record<keyof SetupForm, MessageKey>> {
  const errors: Partial<Record<keyof SetupForm, MessageKey>> = {}
  for (const field of fields) {
    const value = form[field].trim()
    if (!value) errors[field] = 'form.required'
    else if (field === 'instansiSlug' && !/^[a-z0-9][a-z0-9-]*$/.test(value))
      errors[field] = 'setup.slugInvalid'
    else if (field === 'adminEmail' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value))
      errors[field] = 'form.emailInvalid'
    else if (field === 'adminPassword' && form.adminPassword.length < 12) errors[field] = 'form.passwordShort'
    else if (field === 'adminPasswordConfirm' && form.adminPasswordConfirm !== form.adminPassword)
      errors[field] = 'form.passwordMismatch'
  }
  return errors
}

/** The API's field names (details keys) mapped to the wizard's fields. */
const API_FIELDS: Record<string, keyof SetupForm> = {
  instansiName: 'instansiName',
  instansiSlug: 'instansiSlug',
  slug: 'instansiSlug',
  'instansi.name': 'instansiName',
  'instansi.slug': 'instansiSlug',
  rootUnitName: 'rootUnitName',
  rootUnitCode: 'rootUnitCode',
  'rootUnit.name': 'rootUnitName',
  'rootUnit.code': 'rootUnitCode',
  adminName: 'adminName',
  adminEmail: 'adminEmail',
  adminPassword: 'adminPassword',
  'admin.name': 'adminName',
  'admin.email': 'adminEmail',
  'admin.password': 'adminPassword',
  password: 'adminPassword',
  email: 'adminEmail',
}

export function SetupWizard({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useI18n()
  const [step, setStep] = useState(0)
  const [form, setForm] = useState<SetupForm>(EMPTY)
  const [slugTouched, setSlugTouched] = useState(false)
  const [errors, setErrors] = useState<Partial<Record<keyof SetupForm, string>>>({})
  const [busy, setBusy] = useState(false)
  const api400 = useApiError()

  const current = STEPS[step]!
  const set = (field: keyof SetupForm, value: string) => {
    setForm((previous) => {
      const next = { ...previous, [field]: value }
      if (field === 'instansiName' && !slugTouched) next.instansiSlug = slugify(value)
      return next
    })
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const found = validateSetupStep(form, current.fields)
    if (Object.keys(found).length > 0) {
      setErrors(Object.fromEntries(Object.entries(found).map(([field, key]) => [field, t(key)])))
      return
    }
    setErrors({})
    if (step < STEPS.length - 1) {
      setStep(step + 1)
      return
    }
    api400.clear()
    setBusy(true)
    try {
      await api.post('/api/setup', {
        instansiName: form.instansiName.trim(),
        slug: form.instansiSlug.trim(),
        rootUnitName: form.rootUnitName.trim(),
        rootUnitCode: form.rootUnitCode.trim(),
        adminName: form.adminName.trim(),
        adminEmail: form.adminEmail.trim(),
        adminPassword: form.adminPassword,
      })
      await onDone()
    } catch (caught) {
      api400.capture(caught)
      const mapped: Partial<Record<keyof SetupForm, string>> = {}
      let firstStep = STEPS.length - 1
      const details = (caught as { details?: Record<string, string> }).details ?? {}
      for (const [key, message] of Object.entries(details)) {
        const field = API_FIELDS[key]
        if (!field) continue
        mapped[field] = message
        firstStep = Math.min(
          firstStep,
          STEPS.findIndex((candidate) => candidate.fields.includes(field)),
        )
      }
      setErrors(mapped)
      if (Object.keys(mapped).length > 0) setStep(firstStep)
    } finally {
      setBusy(false)
    }
  }

  const input = (
    field: keyof SetupForm,
    label: MessageKey,
    extra: { type?: string; hint?: MessageKey; autoComplete?: string } = {},
  ) => (
    <TextField
      key={field}
      label={t(label)}
      name={field}
      type={extra.type ?? 'text'}
      autoComplete={extra.autoComplete}
      value={form[field]}
      hint={extra.hint ? t(extra.hint) : undefined}
      error={errors[field]}
      required
      onChange={(event) => {
        if (field === 'instansiSlug') setSlugTouched(true)
        set(field, event.target.value)
      }}
    />
  )

  return (
    <main id="main" className="auth-page">
      <div className="auth-card wide">
        <div className="auth-top">
          <p className="brand-mark" aria-hidden="true">
            Warta
          </p>
          <LanguageSwitch />
        </div>
        <h1>{t('setup.title')}</h1>
        <p className="muted">{t('setup.intro')}</p>
        <ol className="steps" aria-label={t('setup.progress')}>
          {STEPS.map((candidate, index) => (
            <li
              key={candidate.title}
              className={index === step ? 'current' : index < step ? 'done' : ''}
              aria-current={index === step ? 'step' : undefined}
            >
              <span className="step-number">{index + 1}</span> {t(candidate.title)}
            </li>
          ))}
        </ol>
        <ErrorAlert>{api400.error.message}</ErrorAlert>
        <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="setup-step-title">
          <h2 id="setup-step-title">{t(current.title)}</h2>
          {step === 0 ? (
            <>
              {input('instansiName', 'setup.instansiName', { hint: 'setup.instansiNameHint' })}
              {input('instansiSlug', 'setup.instansiSlug', { hint: 'setup.instansiSlugHint' })}
            </>
          ) : null}
          {step === 1 ? (
            <>
              {input('rootUnitName', 'setup.rootUnitName', { hint: 'setup.rootUnitNameHint' })}
              {input('rootUnitCode', 'setup.rootUnitCode', { hint: 'setup.rootUnitCodeHint' })}
            </>
          ) : null}
          {step === 2 ? (
            <>
              {input('adminName', 'setup.adminName', { autoComplete: 'name' })}
              {input('adminEmail', 'setup.adminEmail', { type: 'email', autoComplete: 'username' })}
              {input('adminPassword', 'setup.adminPassword', {
                type: 'password',
                hint: 'form.passwordRule',
                autoComplete: 'new-password',
              })}
              {input('adminPasswordConfirm', 'setup.adminPasswordConfirm', {
                type: 'password',
                autoComplete: 'new-password',
              })}
            </>
          ) : null}
          <div className="form-actions">
            {step > 0 ? (
              <button type="button" className="button" onClick={() => setStep(step - 1)}>
                {t('common.back')}
              </button>
            ) : null}
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? t('common.wait') : step < STEPS.length - 1 ? t('common.next') : t('setup.finish')}
            </button>
          </div>
        </form>
      </div>
    </main>
  )
}
