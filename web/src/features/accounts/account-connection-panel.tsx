// An official account's connection to its platform (its health): the state, the last error in words with the
// platform's own text beside it, the last success, the publishing quota (the one the platform reports for the
// account, and a metered daily one shared by the whole deployment: YouTube's units); "Hubungkan" / "Putuskan" /
// "Periksa sekarang" for those who manage the account. A sandbox account (Mode Latihan) connects with one click:
// the simulated network makes
// its account; a Bluesky account with an app password (bluesky-credentials-form.tsx), a Telegram channel with its
// bot's token (telegram-credentials-form.tsx), a Mastodon account with its instance and an access token
// (mastodon-credentials-form.tsx); the OAuth platforms connect through their sign-in ("Hubungkan lewat …"); a
// Facebook Login that manages several Pages comes back to choose one (oauth-page-chooser.tsx).
import { Alert, Badge, Button, CloseButton, Group, Progress, Stack, Text } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { api } from '../../app/api-client.ts'
import { problemText } from '../../components/api-error-text.ts'
import { useConfirm } from '../../components/confirm-dialog.tsx'
import { ErrorBanner } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { Panel } from '../../components/panel.tsx'
import { platformLabel } from '../../components/vocabulary-labels.ts'
import { useI18n, type Locale, type Translate } from '../../i18n/i18n.tsx'
import type { Account, ConnectionHealth } from './account-types.ts'
import { WHOLE_WORD_BADGE } from './badge-style.ts'
import type { OAuthOutcome } from './oauth-outcome.ts'
import { OAuthPageChooser } from './oauth-page-chooser.tsx'
import { BlueskyCredentialsForm, type BlueskyCredentialsBody } from './bluesky-credentials-form.tsx'
import { MastodonCredentialsForm, type MastodonCredentialsBody } from './mastodon-credentials-form.tsx'
import { TelegramCredentialsForm, type TelegramCredentialsBody } from './telegram-credentials-form.tsx'

/** The platforms whose credentials this panel asks for in a form. */
const CREDENTIAL_FORMS = new Set(['bluesky', 'telegram', 'mastodon'])

const STATE_COLOR: Record<ConnectionHealth['state'], string> = {
  connected: 'green',
  needs_reconnect: 'red',
  disconnected: 'gray',
  not_connected: 'gray',
}

export const connectionKey = (accountId: string) => ['accounts', 'connection', accountId] as const

/** From this share of a quota on, the line turns to the warning colour. */
const QUOTA_WARNING_SHARE = 0.8

function windowText(seconds: number, t: Translate): string {
  return seconds % 3600 === 0
    ? t('connection.quota.windowHours', { hours: seconds / 3600 })
    : t('connection.quota.windowMinutes', { minutes: Math.round(seconds / 60) })
}

/** One quota: the sentence, a bar, and a word beside the colour when it runs low (colour alone says nothing). */
function QuotaLine({
  used,
  total,
  text,
  detail,
  testId,
}: {
  used: number
  total: number
  text: string
  detail: string
  testId: string
}) {
  const { t } = useI18n()
  const share = total > 0 ? Math.min(1, used / total) : 1
  const level = share >= 1 ? 'exhausted' : share >= QUOTA_WARNING_SHARE ? 'nearLimit' : null
  const color = level === 'exhausted' ? 'red' : level ? 'orange' : 'blue'
  return (
    <div data-testid={testId} data-level={level ?? 'ok'}>
      <Text size="sm" c={level ? `${color}.8` : undefined} fw={level ? 600 : undefined}>
        {text}
        {level ? ` · ${t(`connection.quota.${level}`)}` : ''}
      </Text>
      <Progress value={share * 100} color={color} size="sm" mt={4} aria-label={text} />
      <Text size="xs" c="dimmed" mt={2}>
        {detail}
      </Text>
    </div>
  )
}

function quotaLines(data: ConnectionHealth, platform: string, locale: Locale, t: Translate) {
  const number = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB')
  const label = platformLabel(platform)
  return (
    <>
      {data.publishingQuota ? (
        <QuotaLine
          testId="connection-publishing-quota"
          used={data.publishingQuota.used}
          total={data.publishingQuota.total}
          text={t('connection.quota.reported', {
            window: windowText(data.publishingQuota.windowSeconds, t),
            used: number.format(data.publishingQuota.used),
            total: number.format(data.publishingQuota.total),
          })}
          detail={t('connection.quota.checkedAt', {
            platform: label,
            at: formatDate(data.publishingQuota.checkedAt, locale, 'datetime'),
          })}
        />
      ) : null}
      {data.dailyUnits ? (
        <QuotaLine
          testId="connection-daily-units"
          used={data.dailyUnits.used}
          total={data.dailyUnits.total}
          text={t('connection.quota.daily', {
            platform: label,
            used: number.format(data.dailyUnits.used),
            total: number.format(data.dailyUnits.total),
            time: formatDate(data.dailyUnits.resetsAt, locale, 'time'),
          })}
          detail={t('connection.quota.dailyShared', { platform: label })}
        />
      ) : null}
    </>
  )
}

export function AccountConnectionPanel({
  account,
  canManage,
  oauthOutcome,
  oauthChoice,
  onChoiceMade,
  onClose,
}: {
  account: Account
  canManage: boolean
  /** How a connect through the platform's OAuth page ended (the accounts page's ?oauth=), shown once. */
  oauthOutcome?: OAuthOutcome | undefined
  /** With oauthOutcome choose_page: the pending choice of a login that manages several Pages (?choice=). */
  oauthChoice?: string | undefined
  /** The Page was chosen and connected (the accounts page forgets ?choice=). */
  onChoiceMade?: () => void
  onClose: () => void
}) {
  const { t, locale } = useI18n()
  // The outcome shown changes to connected once the Page is chosen here.
  const [outcome, setOutcome] = useState(oauthOutcome)
  const choosing = outcome === 'choose_page' && oauthChoice !== undefined
  const confirm = useConfirm()
  const queryClient = useQueryClient()
  const path = `/api/accounts/${account.id}/connection`
  const health = useQuery({
    queryKey: connectionKey(account.id),
    queryFn: () => api.get<ConnectionHealth>(path),
  })
  const change = useMutation({
    mutationFn: (request: () => Promise<ConnectionHealth>) => request(),
    onSuccess: (answer) => queryClient.setQueryData(connectionKey(account.id), answer),
    // A refused connection may have recorded its error on the account: show the health as it now stands.
    onError: () => queryClient.invalidateQueries({ queryKey: connectionKey(account.id) }),
  })
  const data = health.data
  const busy = change.isPending

  const connect = () =>
    change.mutate(() => api.post<ConnectionHealth>(path, {}), {
      onSuccess: () => notifySuccess(t('connection.connected', { handle: account.handle })),
    })
  const connectWith = (body: BlueskyCredentialsBody | TelegramCredentialsBody | MastodonCredentialsBody) =>
    change.mutate(() => api.post<ConnectionHealth>(path, body), {
      onSuccess: () => notifySuccess(t('connection.connected', { handle: account.handle })),
    })
  const startOAuth = useMutation({
    mutationFn: () => api.post<{ authorizationUrl: string }>(`/api/accounts/${account.id}/oauth/start`),
    onSuccess: (answer) => window.location.assign(answer.authorizationUrl),
  })
  const check = () => change.mutate(() => api.post<ConnectionHealth>(`${path}/check`))
  const disconnect = async () => {
    const confirmed = await confirm({
      title: t('connection.disconnectConfirmTitle', { handle: account.handle }),
      message: t('connection.disconnectConfirm'),
      confirmLabel: t('connection.disconnect'),
    })
    if (!confirmed) return
    change.mutate(() => api.delete<ConnectionHealth>(path), {
      onSuccess: () => notifySuccess(t('connection.disconnected', { handle: account.handle })),
    })
  }

  return (
    <Panel
      title={t('connection.title', { handle: account.handle })}
      description={platformLabel(account.platform)}
      focusOnMount
      actions={<CloseButton onClick={onClose} aria-label={t('common.close')} />}
    >
      <ErrorBanner error={health.error ?? change.error ?? startOAuth.error} />
      {outcome ? (
        <Alert
          color={outcome === 'connected' ? 'green' : outcome === 'choose_page' ? 'blue' : 'red'}
          mb="sm"
          role="status"
          data-testid="oauth-outcome"
        >
          {t(`connection.oauthOutcome.${outcome}`, { platform: platformLabel(account.platform) })}
        </Alert>
      ) : null}
      {choosing && canManage ? (
        <OAuthPageChooser
          accountId={account.id}
          choiceId={oauthChoice}
          onChosen={(answer) => {
            queryClient.setQueryData(connectionKey(account.id), answer)
            setOutcome('connected')
            notifySuccess(t('connection.connected', { handle: account.handle }))
            onChoiceMade?.()
          }}
        />
      ) : null}
      {data ? (
        <Stack gap="sm" data-testid="connection-health">
          <Group gap="xs">
            <Text fw={600}>{t('connection.state')}:</Text>
            <Badge color={STATE_COLOR[data.state]} variant="light" style={WHOLE_WORD_BADGE}>
              {t(`connectionState.${data.state}`)}
            </Badge>
            {data.platformHandle ? (
              <Text size="sm" c="dimmed">
                {t('connection.as', { handle: data.platformHandle })}
              </Text>
            ) : null}
          </Group>
          <Text size="sm">
            {t('connection.lastSuccess')}:{' '}
            {data.lastSuccessAt ? formatDate(data.lastSuccessAt, locale, 'datetime') : t('connection.never')}
          </Text>
          <div>
            <Text size="sm">
              {t('connection.lastError')}:{' '}
              {data.lastError ? problemText(data.lastError.explanation, locale) : t('connection.noError')}
            </Text>
            {data.lastError ? (
              <Text size="xs" c="dimmed">
                {formatDate(data.lastError.at, locale, 'datetime')} · {data.lastError.message}
              </Text>
            ) : null}
          </div>
          {data.tokenExpiresAt || data.reconnectBy ? (
            <div data-testid="connection-tokens">
              {data.tokenExpiresAt ? (
                <Text size="sm">
                  {t('connection.tokenExpiresAt')}: {formatDate(data.tokenExpiresAt, locale, 'datetime')}
                  {data.refreshExpiresAt ? '' : ` · ${t('connection.refreshedAutomatically')}`}
                </Text>
              ) : null}
              {data.reconnectBy ? (
                <Text size="sm">
                  {t('connection.reconnectBy')}: {formatDate(data.reconnectBy, locale, 'datetime')}
                </Text>
              ) : null}
            </div>
          ) : null}
          {data.inbox?.behindSince ? (
            <Text size="sm" c="orange.9" data-testid="connection-inbox-behind">
              {t('connection.inboxBehind', { at: formatDate(data.inbox.behindSince, locale, 'datetime') })}
              {data.inbox.failures > 0
                ? ` · ${t('connection.inboxFailures', { count: data.inbox.failures })}`
                : ''}
            </Text>
          ) : null}
          {quotaLines(data, account.platform, locale, t)}
          {data.missingFeatures.length > 0 ? (
            <Alert color="yellow" data-testid="connection-missing-features">
              {t('connection.missingFeatures', {
                features: data.missingFeatures
                  .map((feature) => t(`connection.feature.${feature}`))
                  .join(', '),
              })}
            </Alert>
          ) : null}
          {!data.connectable ? (
            <Text size="sm" c="dimmed">
              {t('connection.notConnectable', { platform: platformLabel(account.platform) })}
            </Text>
          ) : canManage ? (
            <Group gap="xs">
              {data.state !== 'connected' && !data.needsCredentials ? (
                <Button onClick={connect} loading={busy}>
                  {data.state === 'needs_reconnect' ? t('connection.reconnect') : t('connection.connect')}
                </Button>
              ) : null}
              {data.oauth.offered ? (
                <Button onClick={() => startOAuth.mutate()} loading={startOAuth.isPending}>
                  {t(
                    data.state === 'not_connected' || data.state === 'disconnected'
                      ? 'connection.oauthConnect'
                      : 'connection.oauthReconnect',
                    {
                      platform: platformLabel(account.platform),
                    },
                  )}
                </Button>
              ) : null}
              {data.state !== 'connected' &&
              data.needsCredentials &&
              !CREDENTIAL_FORMS.has(account.platform) &&
              !data.oauth.offered ? (
                <Text size="sm" c="dimmed">
                  {data.oauth.unavailableReason === 'not_configured'
                    ? t('connection.oauthNotConfigured', {
                        platform: platformLabel(account.platform),
                        variable: `WARTA_OAUTH_${account.platform.toUpperCase()}`,
                      })
                    : t('connection.credentialsByApi')}
                </Text>
              ) : null}
              {data.state === 'connected' || data.state === 'needs_reconnect' ? (
                <>
                  <Button variant="default" onClick={check} loading={busy}>
                    {t('connection.check')}
                  </Button>
                  <Button variant="default" color="red" onClick={() => void disconnect()} disabled={busy}>
                    {t('connection.disconnect')}
                  </Button>
                </>
              ) : null}
            </Group>
          ) : null}
          {data.connectable && canManage && data.state !== 'connected' && account.platform === 'bluesky' ? (
            <BlueskyCredentialsForm
              handle={account.handle}
              reconnect={data.state === 'needs_reconnect'}
              busy={busy}
              error={change.error}
              onSubmit={connectWith}
            />
          ) : null}
          {data.connectable && canManage && data.state !== 'connected' && account.platform === 'mastodon' ? (
            <MastodonCredentialsForm
              handle={account.handle}
              reconnect={data.state === 'needs_reconnect'}
              busy={busy}
              error={change.error}
              onSubmit={connectWith}
            />
          ) : null}
          {data.connectable && canManage && data.state !== 'connected' && account.platform === 'telegram' ? (
            <TelegramCredentialsForm
              handle={account.handle}
              reconnect={data.state === 'needs_reconnect'}
              busy={busy}
              error={change.error}
              onSubmit={connectWith}
            />
          ) : null}
        </Stack>
      ) : (
        <Text c="dimmed">{t('common.loading')}</Text>
      )}
    </Panel>
  )
}
