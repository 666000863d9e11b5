// The user's own account: language, password, two-step verification and recovery codes, signed-in sessions,
// and personal API tokens (shown once at creation, stored hashed by the server). Ending a session, revoking a
// token and turning 2FA off ask first.
import {
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { api } from '../../app/api-client.ts'
import { useSaveLocale } from '../../app/profile-locale.ts'
import { sessionKeys } from '../../app/session-queries.ts'
import type { Me } from '../../app/session-types.ts'
import { useSession } from '../../app/session.tsx'
import { useErrorText } from '../../components/api-error-text.ts'
import { useConfirm } from '../../components/confirm-dialog.tsx'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { DateField } from '../../components/date-field.tsx'
import { ErrorText } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { SecretReveal } from '../../components/secret-reveal.tsx'
import { roleLabel } from '../../components/vocabulary-labels.ts'
import { isLocale, useI18n } from '../../i18n/i18n.tsx'
import { RecoveryCodes, TwoFactorEnrolment } from '../two-factor/two-factor-enrolment.tsx'
import { describeDevice } from './describe-device.ts'
import { PasswordChangeForm } from './password-change-form.tsx'
import {
  profileRequests,
  sessionsQuery,
  tokensQuery,
  twoFactorQuery,
  useProfileChange,
} from './profile-queries.ts'
import type { SessionRow, TokenRow } from './profile-types.ts'
import { PasswordField } from '../../components/password-field.tsx'

function LanguageSection() {
  const { t, locale, setLocale } = useI18n()
  const { me } = useSession()
  const save = useSaveLocale(me.user.id)
  return (
    <Panel title={t('profile.language')} description={t('profile.languageIntro')}>
      <SegmentedControl
        aria-label={t('profile.language')}
        value={locale}
        onChange={(value) => {
          if (!isLocale(value)) return
          setLocale(value)
          save(value)
        }}
        data={[
          { value: 'id', label: 'Bahasa Indonesia' },
          { value: 'en', label: 'English' },
        ]}
      />
    </Panel>
  )
}

const NOTIFICATION_EMAIL_CHOICES = ['immediately', 'daily', 'none'] as const

function NotificationEmailSection() {
  const { t } = useI18n()
  const { me } = useSession()
  const queryClient = useQueryClient()
  const save = useMutation({
    mutationFn: (notificationEmail: (typeof NOTIFICATION_EMAIL_CHOICES)[number]) =>
      api.patch<Me>('/api/me', { notificationEmail }),
    onSuccess: (updated) => {
      queryClient.setQueryData(sessionKeys.me, updated)
      notifySuccess(t('profile.notificationEmailSaved'))
    },
  })
  const error = useErrorText(save.error)
  const labels = {
    immediately: t('profile.notificationEmailImmediately'),
    daily: t('profile.notificationEmailDaily'),
    none: t('profile.notificationEmailNone'),
  }
  return (
    <Panel title={t('profile.notificationEmail')} description={t('profile.notificationEmailIntro')}>
      <ErrorText>{error.banner}</ErrorText>
      <SegmentedControl
        aria-label={t('profile.notificationEmail')}
        value={save.variables ?? me.user.notificationEmail}
        disabled={save.isPending}
        onChange={(value) => {
          const choice = NOTIFICATION_EMAIL_CHOICES.find((candidate) => candidate === value)
          if (choice) save.mutate(choice)
        }}
        data={NOTIFICATION_EMAIL_CHOICES.map((value) => ({ value, label: labels[value] }))}
      />
    </Panel>
  )
}

function DisableTwoFactorForm() {
  const { t } = useI18n()
  const confirm = useConfirm()
  const { refresh } = useSession()
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const disable = useProfileChange(profileRequests.disableTwoFactor)
  const error = useErrorText(disable.error)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const confirmed = await confirm({
      title: t('profile.disableTwoFactorConfirmTitle'),
      message: t('profile.disableTwoFactorConfirm'),
      confirmLabel: t('profile.disableTwoFactor'),
    })
    if (!confirmed) return
    const cleaned = code.replace(/\s+/g, '')
    disable.mutate(
      { password, ...(/^\d{6}$/.test(cleaned) ? { totp: cleaned } : { recoveryCode: code.trim() }) },
      {
        onSuccess: () => {
          notifySuccess(t('profile.twoFactorDisabled'))
          void refresh()
        },
      },
    )
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Text fw={600} mt="lg" mb="xs">
        {t('profile.disableTwoFactor')}
      </Text>
      <ErrorText>{error.banner}</ErrorText>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <PasswordField
          label={t('password.current')}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={error.field('password')}
          style={{ flex: '1 1 14rem' }}
        />
        <TextInput
          label={t('profile.codeOrRecovery')}
          autoComplete="one-time-code"
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={error.field('totp', 'recoveryCode')}
          style={{ flex: '1 1 12rem' }}
        />
        <Button type="submit" color="red" variant="outline" loading={disable.isPending}>
          {t('profile.disableTwoFactor')}
        </Button>
      </Group>
    </form>
  )
}

function TwoFactorSection() {
  const { t } = useI18n()
  const { me, refresh } = useSession()
  const [code, setCode] = useState('')
  const [enrolling, setEnrolling] = useState(false)
  const status = useQuery(twoFactorQuery)
  const regenerate = useProfileChange(profileRequests.regenerateRecoveryCodes)
  const error = useErrorText(regenerate.error)

  // New recovery codes need a current authenticator code, so a stolen session alone cannot replace them.
  const submit = (event: FormEvent) => {
    event.preventDefault()
    regenerate.mutate(code.replace(/\s+/g, ''), { onSuccess: () => setCode('') })
  }

  return (
    <Panel title={t('profile.twoFactor')}>
      <ErrorText>{error.banner}</ErrorText>
      {regenerate.data ? (
        <RecoveryCodes
          codes={regenerate.data.recoveryCodes}
          doneLabel={t('common.done')}
          onDone={() => regenerate.reset()}
        />
      ) : me.user.twoFactorEnabled ? (
        <>
          <Text mb="xs">{t('profile.twoFactorOn')}</Text>
          {status.data ? (
            <Text size="sm" c="dimmed" mb="sm">
              {t('profile.recoveryCodesLeft', { count: status.data.recoveryCodesLeft })}
            </Text>
          ) : null}
          <form onSubmit={submit} noValidate>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label={t('twoFactor.code')}
                inputMode="numeric"
                autoComplete="one-time-code"
                value={code}
                onChange={(event) => setCode(event.currentTarget.value)}
                error={error.field('code')}
                style={{ flex: '0 1 12rem' }}
              />
              <Button type="submit" variant="default" loading={regenerate.isPending}>
                {t('profile.newRecoveryCodes')}
              </Button>
            </Group>
          </form>
          {status.data && !status.data.required ? <DisableTwoFactorForm /> : null}
        </>
      ) : enrolling ? (
        <TwoFactorEnrolment
          doneLabel={t('common.done')}
          onDone={() => refresh().then(() => setEnrolling(false))}
        />
      ) : (
        <>
          <Text mb="sm">{t('profile.twoFactorOff')}</Text>
          <Button onClick={() => setEnrolling(true)}>{t('twoFactor.start')}</Button>
        </>
      )}
    </Panel>
  )
}

function SessionsSection() {
  const { t, locale } = useI18n()
  const confirm = useConfirm()
  const sessions = useQuery(sessionsQuery)
  const revoke = useProfileChange(profileRequests.revokeSession)
  const error = useErrorText(revoke.error)

  const revokeSession = async (session: SessionRow) => {
    const device = describeDevice(session.userAgent) ?? t('profile.unknownDevice')
    const confirmed = await confirm({
      title: t('profile.revokeSessionConfirmTitle', { device }),
      message: t('profile.revokeSessionConfirm'),
      confirmLabel: t('profile.revokeSession'),
    })
    if (!confirmed) return
    revoke.mutate(session.id, { onSuccess: () => notifySuccess(t('profile.sessionRevoked')) })
  }

  const columns: DataTableColumn<SessionRow>[] = [
    {
      key: 'device',
      header: t('profile.device'),
      primary: true,
      sortValue: (session) => describeDevice(session.userAgent),
      render: (session) => (
        <Group gap={6} wrap="wrap" component="span">
          <span title={session.userAgent ?? undefined}>{describeDevice(session.userAgent) ?? '—'}</span>
          {session.current ? (
            <Badge color="green" variant="light">
              {t('profile.thisSession')}
            </Badge>
          ) : null}
        </Group>
      ),
    },
    { key: 'ip', header: t('profile.ip'), render: (session) => session.ip ?? '—' },
    {
      key: 'started',
      header: t('profile.signedIn'),
      sortValue: (session) => session.createdAt,
      render: (session) => formatDate(session.createdAt, locale, 'shortDatetime'),
    },
    {
      key: 'lastSeen',
      header: t('profile.lastSeen'),
      sortValue: (session) => session.lastSeenAt,
      render: (session) => formatDate(session.lastSeenAt, locale, 'shortDatetime'),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      hideHeader: true,
      render: (session) =>
        session.current ? null : (
          <Button size="compact-sm" color="red" variant="outline" onClick={() => void revokeSession(session)}>
            {t('profile.revoke')}
          </Button>
        ),
    },
  ]

  return (
    <Panel title={t('profile.sessions')}>
      <ErrorText>{error.banner}</ErrorText>
      <DataTable
        caption={t('profile.sessions')}
        columns={columns}
        rows={sessions.data?.items}
        rowKey={(session) => session.id}
        emptyText={t('profile.noSessions')}
        loading={sessions.isPending}
        error={sessions.error}
        initialSort={{ key: 'lastSeen', direction: 'desc' }}
      />
    </Panel>
  )
}

function TokensSection() {
  const { t, locale } = useI18n()
  const confirm = useConfirm()
  const { me } = useSession()
  const tokens = useQuery(tokensQuery)
  const [name, setName] = useState('')
  const [expiresAt, setExpiresAt] = useState('')
  const roleNames = [...new Set(me.grants.map((role) => role.role))]
  const [roles, setRoles] = useState<string[]>(roleNames)
  const create = useProfileChange(profileRequests.createToken)
  const revoke = useProfileChange(profileRequests.revokeToken)
  const error = useErrorText(create.error ?? revoke.error)
  const today = new Date().toISOString().slice(0, 10)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    revoke.reset()
    create.mutate(
      {
        name: name.trim(),
        grants: me.grants
          .filter((grant) => roles.includes(grant.role))
          .map((grant) => ({ unitId: grant.unitId, role: grant.role })),
        ...(expiresAt ? { expiresAt: new Date(`${expiresAt}T23:59:59+07:00`).toISOString() } : {}),
      },
      {
        onSuccess: () => {
          setName('')
          setExpiresAt('')
        },
      },
    )
  }

  const revokeToken = async (token: TokenRow) => {
    const confirmed = await confirm({
      title: t('profile.revokeTokenConfirmTitle', { name: token.name }),
      message: t('profile.revokeTokenConfirm'),
      confirmLabel: t('profile.revokeToken'),
    })
    if (!confirmed) return
    create.reset()
    revoke.mutate(token.id, {
      onSuccess: () => notifySuccess(t('profile.tokenRevoked', { name: token.name })),
    })
  }

  const columns: DataTableColumn<TokenRow>[] = [
    {
      key: 'name',
      header: t('profile.tokenName'),
      primary: true,
      sortValue: (token) => token.name,
      render: (token) => (
        <>
          {token.name} {token.hint ? <Code>{token.hint}</Code> : null}
        </>
      ),
    },
    {
      key: 'roles',
      header: t('profile.tokenRoles'),
      render: (token) => [...new Set(token.grants.map((grant) => roleLabel(locale, grant.role)))].join(', '),
    },
    {
      key: 'expires',
      header: t('profile.tokenExpires'),
      sortValue: (token) => token.expiresAt,
      render: (token) => (token.expiresAt ? formatDate(token.expiresAt, locale, 'date') : t('profile.never')),
    },
    {
      key: 'lastUsed',
      header: t('profile.lastUsed'),
      sortValue: (token) => token.lastUsedAt,
      render: (token) => formatDate(token.lastUsedAt, locale, 'shortDatetime'),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      hideHeader: true,
      render: (token) => (
        <Button
          size="compact-sm"
          color="red"
          variant="outline"
          onClick={() => void revokeToken(token)}
          aria-label={t('profile.revokeTokenNamed', { name: token.name })}
        >
          {t('profile.revoke')}
        </Button>
      ),
    },
  ]

  // The server lists only tokens that are not revoked.
  const active = tokens.data?.items ?? []
  return (
    <Panel title={t('profile.tokens')} description={t('profile.tokensIntro')}>
      <ErrorText>{error.banner}</ErrorText>
      {create.data ? (
        <Stack mb="md">
          <SecretReveal
            title={t('profile.tokenCreatedTitle')}
            description={t('profile.tokenCreated')}
            secret={create.data.token}
            fileName="warta-token-api.txt"
            testId="api-token"
            headingLevel={3}
          >
            <Button variant="default" onClick={() => create.reset()} style={{ alignSelf: 'flex-start' }}>
              {t('common.done')}
            </Button>
          </SecretReveal>
        </Stack>
      ) : null}
      <form onSubmit={submit} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          <TextInput
            label={t('profile.tokenName')}
            value={name}
            required
            onChange={(event) => setName(event.currentTarget.value)}
            error={error.field('name')}
          />
          <DateField
            label={t('profile.tokenExpires')}
            description={t('profile.tokenExpiresHint')}
            value={expiresAt}
            minDate={today}
            onChange={setExpiresAt}
            error={error.field('expiresAt')}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('profile.tokenRoles')}
          value={roles}
          onChange={setRoles}
          error={error.field('grants')}
          mt="sm"
        >
          <Group gap="md" mt={6}>
            {roleNames.map((role) => (
              <Checkbox key={role} value={role} label={roleLabel(locale, role)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Button type="submit" mt="md" loading={create.isPending}>
          {t('profile.tokenCreate')}
        </Button>
      </form>
      {active.length > 0 ? (
        <Stack mt="lg">
          <DataTable
            caption={t('profile.tokens')}
            columns={columns}
            rows={active}
            rowKey={(token) => token.id}
            emptyText=""
            initialSort={{ key: 'name', direction: 'asc' }}
          />
        </Stack>
      ) : null}
    </Panel>
  )
}

export function ProfilePage() {
  const { t } = useI18n()
  const { me } = useSession()
  return (
    <>
      <PageHeader title={t('profile.title')} description={`${me.user.name} · ${me.user.email}`} />
      <LanguageSection />
      <NotificationEmailSection />
      <Panel title={t('profile.password')}>
        <PasswordChangeForm
          context={{
            email: me.user.email,
            name: me.user.name,
            instansiName: me.instansi.name,
            instansiSlug: me.instansi.slug,
          }}
        />
      </Panel>
      <TwoFactorSection />
      <SessionsSection />
      <TokensSection />
    </>
  )
}
