// Connecting a Bluesky account: the handle is the account's own; the person gives an app password (made in
// Bluesky's settings, never the main password) and, for an account on its own server, the PDS address. The
// connect route checks them with Bluesky before anything is stored; a refusal comes back in words beside the
// field (and in the panel's banner). Warta keeps only the session it gets, not the app password (connectors/bluesky/bluesky-session.ts).
import { Button, Stack, Text, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useErrorText } from '../../components/api-error-text.ts'
import { PasswordField } from '../../components/password-field.tsx'
import { useI18n } from '../../i18n/i18n.tsx'

export const DEFAULT_BLUESKY_SERVICE = 'https://bsky.social'

export interface BlueskyCredentialsBody {
  credentials: { appPassword: string; service: string }
}

/** An https address (or http on this machine, for a PDS under test); null when it is not one. */
export function serviceUrl(value: string): string | null {
  const trimmed = value.trim() || DEFAULT_BLUESKY_SERVICE
  try {
    const url = new URL(trimmed)
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return null
    return url.origin
  } catch {
    return null
  }
}

export function BlueskyCredentialsForm({
  handle,
  reconnect,
  busy,
  error,
  onSubmit,
}: {
  handle: string
  reconnect: boolean
  busy: boolean
  error: unknown
  onSubmit: (body: BlueskyCredentialsBody) => void
}) {
  const { t } = useI18n()
  const [appPassword, setAppPassword] = useState('')
  const [service, setService] = useState(DEFAULT_BLUESKY_SERVICE)
  const [checked, setChecked] = useState(false)
  const problems = useErrorText(error)
  const url = serviceUrl(service)
  const passwordMissing = checked && !appPassword.trim()
  const serviceWrong = checked && url === null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setChecked(true)
    if (!appPassword.trim() || url === null) return
    onSubmit({ credentials: { appPassword: appPassword.trim(), service: url } })
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('bluesky.formTitle')} data-testid="bluesky-credentials">
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {t('bluesky.formTitle')}
        </Text>
        <TextInput
          label={t('bluesky.handle')}
          value={handle}
          readOnly
          description={t('bluesky.handleHint')}
        />
        <PasswordField
          label={t('bluesky.appPassword')}
          description={t('bluesky.appPasswordHint')}
          value={appPassword}
          onChange={(event) => setAppPassword(event.currentTarget.value)}
          autoComplete="off"
          required
          error={
            passwordMissing
              ? t('bluesky.appPasswordRequired')
              : (problems.field('credentials', 'credentials.appPassword') ?? undefined)
          }
        />
        <TextInput
          label={t('bluesky.service')}
          description={t('bluesky.serviceHint')}
          value={service}
          onChange={(event) => setService(event.currentTarget.value)}
          inputMode="url"
          error={serviceWrong ? t('bluesky.serviceInvalid') : undefined}
        />
        <div>
          <Button type="submit" loading={busy}>
            {reconnect ? t('connection.reconnect') : t('connection.connect')}
          </Button>
        </div>
      </Stack>
    </form>
  )
}
