// Connecting a Telegram channel: the office makes a bot with @BotFather (which gives the bot token), adds the bot to
// the channel as an admin who may post (and delete) messages, and — for comments — to the channel's discussion
// group. The person gives the token and the channel (@name, or the -100… id of a private channel). The connect route
// checks them with Telegram (the bot must be an admin of the channel) before anything is stored.
import { Button, List, Stack, Text, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useErrorText } from '../../components/api-error-text.ts'
import { PasswordField } from '../../components/password-field.tsx'
import { useI18n } from '../../i18n/i18n.tsx'

export interface TelegramCredentialsBody {
  credentials: { botToken: string; channel: string }
}

const TOKEN = /^\d{5,}:[A-Za-z0-9_-]{30,}$/
const CHANNEL = /^(@[A-Za-z][A-Za-z0-9_]{3,31}|-100\d{5,})$/

/** The channel as Telegram takes it: @name or -100… id; a bare name gets its @. Null when it is neither. */
export function channelOf(value: string): string | null {
  const trimmed = value.trim().replace(/^https:\/\/t\.me\//, '')
  const withAt = /^[A-Za-z]/.test(trimmed) ? `@${trimmed}` : trimmed
  return CHANNEL.test(withAt) ? withAt : null
}

export function TelegramCredentialsForm({
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
  onSubmit: (body: TelegramCredentialsBody) => void
}) {
  const { t } = useI18n()
  const [botToken, setBotToken] = useState('')
  const [channel, setChannel] = useState(channelOf(handle) ?? handle)
  const [checked, setChecked] = useState(false)
  const problems = useErrorText(error)
  const channelId = channelOf(channel)
  const tokenProblem = !checked
    ? undefined
    : !botToken.trim()
      ? t('telegram.botTokenRequired')
      : !TOKEN.test(botToken.trim())
        ? t('telegram.botTokenInvalid')
        : undefined
  const channelWrong = checked && channelId === null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setChecked(true)
    if (!TOKEN.test(botToken.trim()) || channelId === null) return
    onSubmit({ credentials: { botToken: botToken.trim(), channel: channelId } })
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t('telegram.formTitle')}
      data-testid="telegram-credentials"
    >
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {t('telegram.formTitle')}
        </Text>
        <List type="ordered" size="sm" spacing={4}>
          <List.Item>{t('telegram.stepBotFather')}</List.Item>
          <List.Item>{t('telegram.stepAdmin')}</List.Item>
          <List.Item>{t('telegram.stepGroup')}</List.Item>
        </List>
        <PasswordField
          label={t('telegram.botToken')}
          description={t('telegram.botTokenHint')}
          value={botToken}
          onChange={(event) => setBotToken(event.currentTarget.value)}
          autoComplete="off"
          required
          error={tokenProblem ?? problems.field('credentials', 'credentials.botToken') ?? undefined}
        />
        <TextInput
          label={t('telegram.channel')}
          description={t('telegram.channelHint')}
          value={channel}
          onChange={(event) => setChannel(event.currentTarget.value)}
          required
          error={channelWrong ? t('telegram.channelInvalid') : undefined}
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
