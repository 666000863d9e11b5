// Users of the instansi and their role grants per unit: create a user with a first role, grant and revoke
// roles, reset a password (the temporary one is shown once), disable and enable.
import { useState, type FormEvent } from 'react'
import { api } from '../../app/api-client.ts'
import { useSession } from '../../app/session.tsx'
import { ErrorAlert, Notice } from '../../components/alert.tsx'
import { SelectField, TextField } from '../../components/field.tsx'
import { formatDateTime } from '../../components/format-date.ts'
import { LoadState } from '../../components/load-state.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { ROLE_IDS, roleLabel } from '../../components/role-label.ts'
import { useApiError } from '../../components/use-api-error.ts'
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts'
import { useLoad } from '../../components/use-load.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { unitOptionLabel, type Unit } from '../units/unit-tree.ts'
import { useUnits } from '../units/use-units.ts'

export interface UserGrant {
  id?: string
  grantId?: string
  role: string
  unitId: string
  unitName?: string
  unitCode?: string
}

export interface UserRow {
  id: string
  name: string
  email: string
  disabled: boolean
  twoFactorEnabled?: boolean
  lastLoginAt?: string | null
  grants?: UserGrant[]
  roles?: UserGrant[]
}

const grantsOf = (user: UserRow): UserGrant[] => user.grants ?? user.roles ?? []
const grantIdOf = (grant: UserGrant): string => grant.id ?? grant.grantId ?? ''

type UnitOptions = { unit: Unit; depth: number }[]

function UnitOptionsList({ options }: { options: UnitOptions }) {
  return (
    <>
      {options
        .filter(({ unit }) => !unit.archivedAt)
        .map(({ unit, depth }) => (
          <option key={unit.id} value={unit.id}>
            {unitOptionLabel(unit, depth)}
          </option>
        ))}
    </>
  )
}

function CreateUserForm({
  options,
  onCreated,
}: {
  options: UnitOptions
  onCreated: (message: string, secret?: string) => void
}) {
  const { t } = useI18n()
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [role, setRole] = useState('pengelola')
  const [unitId, setUnitId] = useState('')
  const { error, capture, clear, field } = useApiError()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    clear()
    try {
      const result = await api.post<{ temporaryPassword?: string; password?: string }>('/api/users', {
        name: name.trim(),
        email: email.trim(),
        ...(password ? { password } : {}),
        grants: [{ role, unitId: unitId || options[0]?.unit.id }],
      })
      onCreated(t('users.created', { name: name.trim() }), result.temporaryPassword ?? result.password)
      setName('')
      setEmail('')
      setPassword('')
    } catch (caught) {
      capture(caught)
    }
  }

  return (
    <section className="panel" aria-labelledby="user-create">
      <h2 id="user-create">{t('users.create')}</h2>
      <ErrorAlert>{error.message}</ErrorAlert>
      <form onSubmit={(event) => void submit(event)} noValidate className="grid-form">
        <TextField
          label={t('users.name')}
          name="name"
          value={name}
          required
          onChange={(event) => setName(event.target.value)}
          error={field('name')}
        />
        <TextField
          label={t('users.email')}
          name="email"
          type="email"
          value={email}
          required
          onChange={(event) => setEmail(event.target.value)}
          error={field('email')}
        />
        <TextField
          label={t('users.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          hint={t('users.passwordHint')}
          onChange={(event) => setPassword(event.target.value)}
          error={field('password')}
        />
        <SelectField
          label={t('users.role')}
          name="role"
          value={role}
          onChange={(event) => setRole(event.target.value)}
          error={field('grants.0.role')}
        >
          {ROLE_IDS.map((id) => (
            <option key={id} value={id}>
              {roleLabel(t, id)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('users.unit')}
          name="unitId"
          value={unitId}
          onChange={(event) => setUnitId(event.target.value)}
          error={field('grants.0.unitId')}
        >
          <UnitOptionsList options={options} />
        </SelectField>
        <div className="form-actions">
          <button type="submit" className="button primary">
            {t('users.createSubmit')}
          </button>
        </div>
      </form>
    </section>
  )
}

function ManageUserPanel({
  user,
  options,
  onChanged,
  onClose,
}: {
  user: UserRow
  options: UnitOptions
  onChanged: (message: string, secret?: string) => void
  onClose: () => void
}) {
  const { t } = useI18n()
  const [role, setRole] = useState('pengelola')
  const [unitId, setUnitId] = useState('')
  const headingRef = useFocusOnMount<HTMLHeadingElement>()
  const { error, capture, clear, field } = useApiError()
  const run = async (action: () => Promise<{ temporaryPassword?: string } | undefined>, message: string) => {
    clear()
    try {
      const result = await action()
      onChanged(message, result?.temporaryPassword)
    } catch (caught) {
      capture(caught)
    }
  }
  const unitName = (id: string) => options.find(({ unit }) => unit.id === id)?.unit.name ?? id

  return (
    <section className="panel edit-panel" aria-labelledby="user-manage">
      <div className="panel-head">
        <h2 id="user-manage" ref={headingRef} tabIndex={-1}>
          {t('users.manageTitle', { name: user.name })}
        </h2>
        <button type="button" className="button subtle" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <ErrorAlert>{error.message}</ErrorAlert>
      <h3>{t('users.grants')}</h3>
      <ul className="grant-list">
        {grantsOf(user).map((grant) => (
          <li key={grantIdOf(grant) || `${grant.role}-${grant.unitId}`}>
            <span>
              <strong>{roleLabel(t, grant.role)}</strong> — {grant.unitName ?? unitName(grant.unitId)}
            </span>
            <button
              type="button"
              className="button small danger"
              onClick={() =>
                void run(
                  () => api.delete(`/api/users/${user.id}/grants/${grantIdOf(grant)}`),
                  t('users.grantRevoked'),
                )
              }
            >
              {t('users.revokeGrant')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void run(
            () => api.post(`/api/users/${user.id}/grants`, { role, unitId: unitId || options[0]?.unit.id }),
            t('users.granted'),
          )
        }}
      >
        <SelectField
          label={t('users.role')}
          value={role}
          onChange={(event) => setRole(event.target.value)}
          error={field('role')}
        >
          {ROLE_IDS.map((id) => (
            <option key={id} value={id}>
              {roleLabel(t, id)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('users.unit')}
          value={unitId}
          onChange={(event) => setUnitId(event.target.value)}
          error={field('unitId')}
        >
          <UnitOptionsList options={options} />
        </SelectField>
        <button type="submit" className="button">
          {t('users.addGrant')}
        </button>
      </form>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() =>
            void run(() => api.post(`/api/users/${user.id}/reset-password`), t('users.passwordReset'))
          }
        >
          {t('users.resetPassword')}
        </button>
        {user.twoFactorEnabled ? (
          <button
            type="button"
            className="button"
            onClick={() =>
              void run(() => api.post(`/api/users/${user.id}/reset-two-factor`), t('users.twoFactorReset'))
            }
          >
            {t('users.resetTwoFactor')}
          </button>
        ) : null}
        {user.disabled ? (
          <button
            type="button"
            className="button"
            onClick={() =>
              void run(() => api.patch(`/api/users/${user.id}`, { disabled: false }), t('users.enabled'))
            }
          >
            {t('users.enable')}
          </button>
        ) : (
          <button
            type="button"
            className="button danger"
            onClick={() =>
              void run(() => api.patch(`/api/users/${user.id}`, { disabled: true }), t('users.disabled'))
            }
          >
            {t('users.disable')}
          </button>
        )}
      </div>
    </section>
  )
}

export function UsersPage() {
  const { t, locale } = useI18n()
  const { can } = useSession()
  const users = useLoad(() => api.get<{ items: UserRow[] }>('/api/users'), [])
  const units = useUnits()
  const [selected, setSelected] = useState<string | null>(null)
  const [notice, setNotice] = useState<{ message: string; secret?: string | undefined } | null>(null)
  const canManage = can('user.manage')
  const selectedUser = users.data?.items.find((user) => user.id === selected) ?? null

  const changed = (message: string, secret?: string) => {
    setNotice({ message, secret })
    users.reload()
  }

  return (
    <>
      <PageHeader title={t('users.title')} description={t('users.intro')} />
      {notice ? (
        <Notice>
          {notice.message}
          {notice.secret ? (
            <>
              {' '}
              {t('users.temporaryPassword')} <code data-testid="temporary-password">{notice.secret}</code>
            </>
          ) : null}
        </Notice>
      ) : null}
      {canManage && units.options.length > 0 ? (
        <CreateUserForm options={units.options} onCreated={changed} />
      ) : null}
      {selectedUser && canManage ? (
        <ManageUserPanel
          key={selectedUser.id}
          user={selectedUser}
          options={units.options}
          onChanged={changed}
          onClose={() => setSelected(null)}
        />
      ) : null}
      <section className="panel" aria-labelledby="user-list">
        <h2 id="user-list">{t('users.list')}</h2>
        <LoadState loading={users.loading && !users.data} error={users.error} />
        {users.data ? (
          <div className="table-wrap" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t('users.list')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('users.name')}</th>
                  <th scope="col">{t('users.email')}</th>
                  <th scope="col">{t('users.grants')}</th>
                  <th scope="col">{t('users.twoFactor')}</th>
                  <th scope="col">{t('users.lastLogin')}</th>
                  <th scope="col">{t('users.status')}</th>
                  {canManage ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((user) => (
                  <tr key={user.id}>
                    <td>{user.name}</td>
                    <td>{user.email}</td>
                    <td>
                      {grantsOf(user)
                        .map(
                          (grant) =>
                            `${roleLabel(t, grant.role)} — ${grant.unitName ?? grant.unitCode ?? ''}`,
                        )
                        .join('; ')}
                    </td>
                    <td>{user.twoFactorEnabled ? t('common.yes') : t('common.no')}</td>
                    <td>{formatDateTime(user.lastLoginAt, locale)}</td>
                    <td>
                      {user.disabled ? (
                        <span className="badge warn">{t('users.statusDisabled')}</span>
                      ) : (
                        <span className="badge ok">{t('users.statusActive')}</span>
                      )}
                    </td>
                    {canManage ? (
                      <td>
                        <button
                          type="button"
                          className="button small"
                          onClick={() => setSelected(user.id)}
                          aria-label={t('users.manageTitle', { name: user.name })}
                        >
                          {t('users.manage')}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  )
}
