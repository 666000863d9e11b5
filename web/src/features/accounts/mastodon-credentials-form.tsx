// Connecting a Mastodon account: the office makes an access token on its instance (Preferences → Development →
// New application, with the scopes Warta needs) and gives it here with the instance's address, guessed from the
// account's handle (@humas@mastodon.go.id → https://mastodon.go.id). The connect route checks them with the
// instance before anything is stored; a refusal comes back beside the field (and in the panel's banner).
import { Button, Stack, Text, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useErrorText } from '../../components/api-error-text.ts'
import { PasswordField } from '../../components/password-field.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import { serviceUrl } from './bluesky-credentials-form.tsx'

export interface MastodonCredentialsBody {
  credentials: { instanceUrl: string; accessToken: string }
}

/** The instance named in a handle like @humas@mastodon.go.id, or '' when the handle names none. */
export function instanceFromHandle(handle: string): string {
  const domain = /^@?[^@\s]+@([^@\s]+\.[^@\s]+)$/.exec(handle.trim())?.[1]
  return domain ? `https://${domain}` : ''
}

export function MastodonCredentialsForm({
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
  onSubmit: (body: MastodonCredentialsBody) => void
}) {
  const { t } = useI18n()
  const [instance, setInstance] = useState(() => instanceFromHandle(handle))
  const [accessToken, setAccessToken] = useState('')
  const [checked, setChecked] = useState(false)
  const problems = useErrorText(error)
  // The same rule as Bluesky's server address: https, or http only on this machine.
  const url = instance.trim() ? serviceUrl(instance) : null
  const tokenMissing = checked && !accessToken.trim()
  const instanceWrong = checked && url === null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setChecked(true)
    if (!accessToken.trim() || url === null) return
    onSubmit({ credentials: { instanceUrl: url, accessToken: accessToken.trim() } })
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t('mastodon.formTitle')}
      data-testid="mastodon-credentials"
    >
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {t('mastodon.formTitle')}
        </Text>
        <TextInput
          label={t('mastodon.handle')}
          value={handle}
          readOnly
          description={t('mastodon.handleHint')}
        />
        <TextInput
          label={t('mastodon.instanceUrl')}
          description={t('mastodon.instanceUrlHint')}
          value={instance}
          onChange={(event) => setInstance(event.currentTarget.value)}
          inputMode="url"
          placeholder="https://mastodon.go.id"
          required
          error={instanceWrong ? t('mastodon.instanceUrlInvalid') : undefined}
        />
        <PasswordField
          label={t('mastodon.accessToken')}
          description={t('mastodon.accessTokenHint')}
          value={accessToken}
          onChange={(event) => setAccessToken(event.currentTarget.value)}
          autoComplete="off"
          required
          error={
            tokenMissing
              ? t('mastodon.accessTokenRequired')
              : (problems.field('credentials', 'credentials.accessToken') ?? undefined)
          }
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
