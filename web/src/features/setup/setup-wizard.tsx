// The first-run wizard: a fresh deployment has no instansi yet. Three short steps (instansi, root unit, first
// admin) and one request, which also signs the admin in; the app then goes straight to 2FA enrolment, which the API
// requires before anything else. Beside it, "Coba dengan data contoh" (demo-setup.tsx) loads the demo instead.
import { Button, Group, List, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState, type ChangeEvent, type FormEvent } from 'react'
import { api } from '../../app/api-client.ts'
import { AuthFrame } from '../../app/auth-frame.tsx'
import { useErrorText } from '../../components/api-error-text.ts'
import { ErrorText } from '../../components/error-banner.tsx'
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx'
import type { SetupBody } from './setup-types.ts'
import { PasswordField } from '../../components/password-field.tsx'
import { NewPasswordField } from '../../components/new-password-field.tsx'
import { DemoLogins, DemoOffer, useDemoSetup } from './demo-setup.tsx'

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

export function setupBody(form: SetupForm): SetupBody {
  return {
    instansiName: form.instansiName.trim(),
    slug: form.instansiSlug.trim(),
    rootUnitName: form.rootUnitName.trim(),
    rootUnitCode: form.rootUnitCode.trim(),
    adminName: form.adminName.trim(),
    adminEmail: form.adminEmail.trim(),
    adminPassword: form.adminPassword,
  }
}

/** The wizard's fields the API named in its answer, and the first step that holds one of them. */
function apiFieldsOf(fields: Record<string, string>): {
  mapped: Partial<Record<keyof SetupForm, string>>
  firstStep: number | null
} {
  const mapped: Partial<Record<keyof SetupForm, string>> = {}
  let firstStep: number | null = null
  for (const [key, message] of Object.entries(fields)) {
    const field = API_FIELDS[key]
    if (!field) continue
    mapped[field] = message
    const index = STEPS.findIndex((candidate) => candidate.fields.includes(field))
    firstStep = firstStep === null ? index : Math.min(firstStep, index)
  }
  return { mapped, firstStep }
}

export function SetupWizard({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useI18n()
  const [step, setStep] = useState(0)
  const [form, setForm] = useState<SetupForm>(EMPTY)
  const [slugTouched, setSlugTouched] = useState(false)
  const [localErrors, setLocalErrors] = useState<Partial<Record<keyof SetupForm, MessageKey>>>({})
  const [editedSinceError, setEditedSinceError] = useState<Partial<Record<keyof SetupForm, boolean>>>({})
  const finish = useMutation({
    mutationFn: async () => {
      await api.post('/api/setup', setupBody(form))
      await onDone()
    },
    onError: (caught) => {
      const { firstStep } = apiFieldsOf(describeFields(caught))
      setEditedSinceError({})
      if (firstStep !== null) setStep(firstStep)
    },
  })
  const demo = useDemoSetup()
  const apiError = useErrorText(finish.error)
  const apiFields = apiFieldsOf(apiError.fields).mapped

  const current = STEPS[step]!
  const set = (field: keyof SetupForm, value: string) => {
    setEditedSinceError((previous) => ({ ...previous, [field]: true }))
    setForm((previous) => {
      const next = { ...previous, [field]: value }
      if (field === 'instansiName' && !slugTouched) next.instansiSlug = slugify(value)
      return next
    })
  }
  const errorOf = (field: keyof SetupForm): string | undefined => {
    const local = localErrors[field]
    if (local) return t(local)
    return editedSinceError[field] ? undefined : apiFields[field]
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = validateSetupStep(form, current.fields)
    setLocalErrors(found)
    if (Object.keys(found).length > 0) return
    if (step < STEPS.length - 1) {
      setStep(step + 1)
      return
    }
    finish.mutate()
  }

  const input = (
    field: keyof SetupForm,
    label: MessageKey,
    extra: { type?: 'text' | 'email' | 'password'; hint?: MessageKey; autoComplete?: string } = {},
  ) => {
    const props = {
      label: t(label),
      name: field,
      autoComplete: extra.autoComplete,
      value: form[field],
      description: extra.hint ? t(extra.hint) : undefined,
      error: errorOf(field),
      required: true,
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        if (field === 'instansiSlug') setSlugTouched(true)
        set(field, event.currentTarget.value)
      },
    }
    if (field === 'adminPassword') {
      const { description: _rule, autoComplete: _new, ...rest } = props
      return (
        <NewPasswordField
          key={field}
          {...rest}
          context={{
            email: form.adminEmail,
            name: form.adminName,
            instansiName: form.instansiName,
            instansiSlug: form.instansiSlug,
          }}
        />
      )
    }
    return extra.type === 'password' ? (
      <PasswordField key={field} {...props} />
    ) : (
      <TextInput key={field} {...props} type={extra.type ?? 'text'} />
    )
  }

  if (demo.data)
    return (
      <AuthFrame title={t('setup.title')} wide>
        <DemoLogins result={demo.data} onContinue={() => void onDone()} />
      </AuthFrame>
    )

  return (
    <AuthFrame title={t('setup.title')} intro={t('setup.intro')} wide>
      {step === 0 ? <DemoOffer demo={demo} /> : null}
      <List
        component="ol"
        aria-label={t('setup.progress')}
        listStyleType="none"
        mb="md"
        styles={{ root: { display: 'flex', flexWrap: 'wrap', gap: '0.5rem 1.25rem' } }}
      >
        {STEPS.map((candidate, index) => (
          <List.Item key={candidate.title} aria-current={index === step ? 'step' : undefined}>
            <Group gap={6} wrap="nowrap">
              <ThemeIcon
                size="sm"
                radius="xl"
                variant={index <= step ? 'filled' : 'light'}
                color={index < step ? 'green' : 'warta'}
                aria-hidden="true"
              >
                <Text fz="xs" fw={700} c="inherit">
                  {index < step ? '✓' : index + 1}
                </Text>
              </ThemeIcon>
              <Text fz="sm" fw={index === step ? 700 : 400}>
                {t(candidate.title)}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
      <ErrorText>{apiError.banner}</ErrorText>
      <form onSubmit={submit} noValidate aria-labelledby="setup-step-title">
        <Stack gap="md">
          <Title order={2} size="h4" id="setup-step-title">
            {t(current.title)}
          </Title>
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
              {input('adminPassword', 'setup.adminPassword', { type: 'password' })}
              {input('adminPasswordConfirm', 'setup.adminPasswordConfirm', {
                type: 'password',
                autoComplete: 'new-password',
              })}
            </>
          ) : null}
          <Group justify="flex-end" gap="sm">
            {step > 0 ? (
              <Button variant="default" onClick={() => setStep(step - 1)}>
                {t('common.back')}
              </Button>
            ) : null}
            <Button type="submit" loading={finish.isPending}>
              {step < STEPS.length - 1 ? t('common.next') : t('setup.finish')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthFrame>
  )
}

/** Field paths of an API error (the rendering does not matter here, only which fields). */
function describeFields(caught: unknown): Record<string, string> {
  const details = (caught as { details?: Record<string, unknown> } | null)?.details ?? {}
  return Object.fromEntries(Object.keys(details).map((key) => [key, key]))
}
