// The user's own account: password, two-step verification and recovery codes, signed-in sessions, and
// personal API tokens (shown once at creation, stored hashed by the server).
import { useState, type FormEvent } from 'react'
import { api } from '../../app/api-client.ts'
import { useSession } from '../../app/session.tsx'
import { ErrorAlert, Notice } from '../../components/alert.tsx'
import { CheckboxField, TextField } from '../../components/field.tsx'
import { formatDate, formatDateTime } from '../../components/format-date.ts'
import { LoadState } from '../../components/load-state.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { roleLabel } from '../../components/role-label.ts'
import { useApiError } from '../../components/use-api-error.ts'
import { useLoad } from '../../components/use-load.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { RecoveryCodes, TWO_FACTOR_PATHS, TwoFactorEnrolment } from '../two-factor/two-factor-enrolment.tsx'
import { describeDevice } from './describe-device.ts'
import { PasswordChangeForm } from './password-change-form.tsx'

interface SessionRow {
  id: string
  ip: string | null
  userAgent: string | null
  createdAt: string
  lastSeenAt: string
  current?: boolean
}

interface TokenRow {
  id: string
  name: string
  grants: { role: string; unitId: string }[]
  hint?: string
  expiresAt: string | null
  lastUsedAt: string | null
  createdAt: string
  revokedAt?: string | null
}

function TwoFactorSection() {
  const { t } = useI18n()
  const { me, refresh } = useSession()
  const [codes, setCodes] = useState<string[] | null>(null)
  const [code, setCode] = useState('')
  const [enrolling, setEnrolling] = useState(false)
  const { error, capture, clear, field } = useApiError()

  // New recovery codes need a current authenticator code, so a stolen session alone cannot replace them.
  const regenerate = async (event: FormEvent) => {
    event.preventDefault()
    clear()
    try {
      const result = await api.post<{ recoveryCodes: string[] }>(TWO_FACTOR_PATHS.recoveryCodes, {
        code: code.replace(/\s+/g, ''),
      })
      setCodes(result.recoveryCodes)
      setCode('')
    } catch (caught) {
      capture(caught)
    }
  }

  return (
    <section className="panel" aria-labelledby="profile-2fa">
      <h2 id="profile-2fa">{t('profile.twoFactor')}</h2>
      <ErrorAlert>{error.message}</ErrorAlert>
      {codes ? (
        <RecoveryCodes codes={codes} doneLabel={t('common.done')} onDone={() => setCodes(null)} />
      ) : me.user.twoFactorEnabled ? (
        <>
          <p>{t('profile.twoFactorOn')}</p>
          <form className="inline-form" onSubmit={(event) => void regenerate(event)} noValidate>
            <TextField
              label={t('twoFactor.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(event) => setCode(event.target.value)}
              error={field('code')}
            />
            <button type="submit" className="button">
              {t('profile.newRecoveryCodes')}
            </button>
          </form>
        </>
      ) : enrolling ? (
        <TwoFactorEnrolment
          doneLabel={t('common.done')}
          onDone={() => refresh().then(() => setEnrolling(false))}
        />
      ) : (
        <>
          <p>{t('profile.twoFactorOff')}</p>
          <button type="button" className="button primary" onClick={() => setEnrolling(true)}>
            {t('twoFactor.start')}
          </button>
        </>
      )}
    </section>
  )
}

function SessionsSection() {
  const { t, locale } = useI18n()
  const sessions = useLoad(() => api.get<{ items: SessionRow[] }>('/api/me/sessions'), [])
  const { error, capture, clear } = useApiError()

  const revoke = async (id: string) => {
    clear()
    try {
      await api.delete(`/api/me/sessions/${id}`)
      sessions.reload()
    } catch (caught) {
      capture(caught)
    }
  }

  return (
    <section className="panel" aria-labelledby="profile-sessions">
      <h2 id="profile-sessions">{t('profile.sessions')}</h2>
      <ErrorAlert>{error.message}</ErrorAlert>
      <LoadState loading={sessions.loading && !sessions.data} error={sessions.error} />
      {sessions.data ? (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('profile.sessions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('profile.device')}</th>
                <th scope="col">{t('profile.ip')}</th>
                <th scope="col">{t('profile.lastSeen')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.items.map((session) => (
                <tr key={session.id}>
                  <td>
                    <span title={session.userAgent ?? undefined}>
                      {describeDevice(session.userAgent) ?? '—'}
                    </span>
                    {session.current ? <span className="badge ok">{t('profile.thisSession')}</span> : null}
                  </td>
                  <td>{session.ip ?? '—'}</td>
                  <td>{formatDateTime(session.lastSeenAt, locale)}</td>
                  <td>
                    {session.current ? null : (
                      <button
                        type="button"
                        className="button small danger"
                        onClick={() => void revoke(session.id)}
                      >
                        {t('profile.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}

function TokensSection() {
  const { t, locale } = useI18n()
  const { me } = useSession()
  const tokens = useLoad(() => api.get<{ items: TokenRow[] }>('/api/me/tokens'), [])
  const [name, setName] = useState('')
  const [expiresAt, setExpiresAt] = useState('')
  const roleNames = [...new Set(me.roles.map((role) => role.role))]
  const [roles, setRoles] = useState<string[]>(roleNames)
  const [created, setCreated] = useState<string | null>(null)
  const { error, capture, clear, field } = useApiError()

  const create = async (event: FormEvent) => {
    event.preventDefault()
    clear()
    try {
      const result = await api.post<{ token: string }>('/api/me/tokens', {
        name: name.trim(),
        grants: me.roles
          .filter((grant) => roles.includes(grant.role))
          .map((grant) => ({ unitId: grant.unitId, role: grant.role })),
        ...(expiresAt ? { expiresAt: new Date(`${expiresAt}T23:59:59+07:00`).toISOString() } : {}),
      })
      setCreated(result.token)
      setName('')
      setExpiresAt('')
      tokens.reload()
    } catch (caught) {
      capture(caught)
    }
  }

  const revoke = async (id: string) => {
    clear()
    try {
      await api.delete(`/api/me/tokens/${id}`)
      tokens.reload()
    } catch (caught) {
      capture(caught)
    }
  }

  const active = (tokens.data?.items ?? []).filter((token) => !token.revokedAt)
  return (
    <section className="panel" aria-labelledby="profile-tokens">
      <h2 id="profile-tokens">{t('profile.tokens')}</h2>
      <p className="muted">{t('profile.tokensIntro')}</p>
      <ErrorAlert>{error.message}</ErrorAlert>
      {created ? (
        <Notice>
          <p>{t('profile.tokenCreated')}</p>
          <code className="token-value" data-testid="api-token">
            {created}
          </code>
        </Notice>
      ) : null}
      <form onSubmit={(event) => void create(event)} noValidate className="inline-form">
        <TextField
          label={t('profile.tokenName')}
          value={name}
          required
          onChange={(event) => setName(event.target.value)}
          error={field('name')}
        />
        <TextField
          label={t('profile.tokenExpires')}
          type="date"
          value={expiresAt}
          onChange={(event) => setExpiresAt(event.target.value)}
          error={field('expiresAt')}
        />
        <fieldset className="checks">
          <legend>{t('profile.tokenRoles')}</legend>
          {roleNames.map((role) => (
            <CheckboxField
              key={role}
              label={roleLabel(t, role)}
              checked={roles.includes(role)}
              onChange={(event) =>
                setRoles(
                  event.target.checked ? [...roles, role] : roles.filter((candidate) => candidate !== role),
                )
              }
            />
          ))}
          {field('grants') ? <p className="field-error">{field('grants')}</p> : null}
        </fieldset>
        <button type="submit" className="button primary">
          {t('profile.tokenCreate')}
        </button>
      </form>
      <LoadState loading={tokens.loading && !tokens.data} error={tokens.error} />
      {active.length > 0 ? (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('profile.tokens')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('profile.tokenName')}</th>
                <th scope="col">{t('profile.tokenRoles')}</th>
                <th scope="col">{t('profile.tokenExpires')}</th>
                <th scope="col">{t('profile.lastUsed')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {active.map((token) => (
                <tr key={token.id}>
                  <td>
                    {token.name} {token.hint ? <code>{token.hint}</code> : null}
                  </td>
                  <td>{token.grants.map((grant) => roleLabel(t, grant.role)).join(', ')}</td>
                  <td>{token.expiresAt ? formatDate(token.expiresAt, locale) : t('profile.never')}</td>
                  <td>{formatDateTime(token.lastUsedAt, locale)}</td>
                  <td>
                    <button
                      type="button"
                      className="button small danger"
                      onClick={() => void revoke(token.id)}
                    >
                      {t('profile.revoke')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}

export function ProfilePage() {
  const { t } = useI18n()
  const { me } = useSession()
  return (
    <>
      <PageHeader title={t('profile.title')} description={`${me.user.name} · ${me.user.email}`} />
      <section className="panel" aria-labelledby="profile-password">
        <h2 id="profile-password">{t('profile.password')}</h2>
        <PasswordChangeForm />
      </section>
      <TwoFactorSection />
      <SessionsSection />
      <TokensSection />
    </>
  )
}
