// Users of the instansi and their role grants per unit: search, create a user with a first role, edit a name or
// e-mail, grant and revoke roles (each role's duties and abilities shown beside the picker and in the guide
// under the list), reset a password (the temporary one is shown once, with Copy and Download), reset 2FA,
// disable and enable. Every destructive action asks first.
import { Badge, Button, Group, List, SimpleGrid, Switch, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState, type FormEvent } from 'react'
import { formatDate } from '../../../../src/shared/dates.ts'
import { useSession } from '../../app/session.tsx'
import { useErrorText } from '../../components/api-error-text.ts'
import { useConfirm } from '../../components/confirm-dialog.tsx'
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx'
import { ErrorText } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { PageHeader } from '../../components/page-header.tsx'
import { Panel } from '../../components/panel.tsx'
import { openSecretDialog } from '../../components/secret-dialog.tsx'
import { roleLabel } from '../../components/vocabulary-labels.ts'
import { useI18n, type Translate } from '../../i18n/i18n.tsx'
import { UnitSelect } from '../units/unit-select.tsx'
import type { UnitOption } from '../units/unit-tree.ts'
import { useUnits } from '../units/units-queries.ts'
import { RoleSelect } from './role-select.tsx'
import { userRequests, usersSearchQuery, useUserChange } from './users-queries.ts'
import { isRole, type Role } from '../../../../src/shared/roles.ts'
import type { Grant } from '../../app/session-types.ts'
import type { UserRow } from './users-types.ts'
import { useQuery } from '@tanstack/react-query'
import { NewPasswordField } from '../../components/new-password-field.tsx'
import { roleDescription, RoleGuide } from './role-description.tsx'

function showTemporaryPassword(t: Translate, name: string, password: string): void {
  openSecretDialog({
    title: t('users.temporaryPasswordTitle', { name }),
    description: t('users.temporaryPasswordIntro'),
    secret: password,
    fileName: 'warta-kata-sandi-sementara.txt',
    fileHeader: [t('users.temporaryPasswordFileHeader', { name })],
    testId: 'temporary-password',
    doneLabel: t('common.done'),
  })
}

function CreateUserForm({ options }: { options: readonly UnitOption[] }) {
  const { t, locale } = useI18n()
  const { me } = useSession()
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [role, setRole] = useState<Role>('pengelola')
  const [unitId, setUnitId] = useState('')
  const create = useUserChange(userRequests.create)
  const error = useErrorText(create.error)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const created = name.trim()
    create.mutate(
      {
        name: created,
        email: email.trim(),
        ...(password ? { password } : {}),
        grants: [{ role, unitId: unitId || (options[0]?.unit.id ?? '') }],
      },
      {
        onSuccess: (result) => {
          notifySuccess(t('users.created', { name: created }))
          if (result.temporaryPassword) showTemporaryPassword(t, created, result.temporaryPassword)
          setName('')
          setEmail('')
          setPassword('')
        },
      },
    )
  }

  return (
    <Panel title={t('users.create')}>
      <ErrorText>{error.banner}</ErrorText>
      <form onSubmit={submit} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="sm">
          <TextInput
            label={t('users.name')}
            name="name"
            value={name}
            required
            onChange={(event) => setName(event.currentTarget.value)}
            error={error.field('name')}
          />
          <TextInput
            label={t('users.email')}
            name="email"
            type="email"
            value={email}
            required
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={error.field('email')}
          />
          <NewPasswordField
            label={t('users.password')}
            name="password"
            value={password}
            context={{ email, name, instansiName: me.instansi.name, instansiSlug: me.instansi.slug }}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={error.field('password')}
          />
          <RoleSelect
            label={t('users.role')}
            name="role"
            value={role}
            description={roleDescription(locale, role)}
            onChange={(event) => {
              const chosen = event.currentTarget.value
              if (isRole(chosen)) setRole(chosen)
            }}
            error={error.field('grants.0.role', 'grants')}
          />
          <UnitSelect
            label={t('users.unit')}
            name="unitId"
            options={options}
            value={unitId}
            onChange={(event) => setUnitId(event.currentTarget.value)}
            error={error.field('grants.0.unitId')}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="xs">
          {t('users.passwordHint')}
        </Text>
        <Button type="submit" mt="md" loading={create.isPending}>
          {t('users.createSubmit')}
        </Button>
      </form>
    </Panel>
  )
}

function ManageUserPanel({
  user,
  options,
  onClose,
}: {
  user: UserRow
  options: readonly UnitOption[]
  onClose: () => void
}) {
  const { t, locale } = useI18n()
  const confirm = useConfirm()
  const [role, setRole] = useState<Role>('pengelola')
  const [unitId, setUnitId] = useState('')
  const grant = useUserChange(userRequests.grant)
  const revoke = useUserChange(userRequests.revoke)
  const resetPassword = useUserChange(userRequests.resetPassword)
  const resetTwoFactor = useUserChange(userRequests.resetTwoFactor)
  const setDisabled = useUserChange(userRequests.setDisabled)
  const update = useUserChange(userRequests.update)
  const setTraining = useUserChange(userRequests.setTrainingMode)
  const [name, setName] = useState(user.name)
  const [email, setEmail] = useState(user.email)
  const all = [grant, revoke, resetPassword, resetTwoFactor, setDisabled, update, setTraining]
  const error = useErrorText(all.find((mutation) => mutation.isError)?.error)
  const resetAll = () => all.forEach((mutation) => mutation.reset())
  const unitName = (grantRow: Grant) => grantRow.unitName

  const revokeGrant = async (grantRow: Grant) => {
    const roleName = roleLabel(locale, grantRow.role)
    const confirmed = await confirm({
      title: t('users.revokeConfirmTitle', { role: roleName, name: user.name }),
      message: t('users.revokeConfirm', { role: roleName, unit: unitName(grantRow), name: user.name }),
      confirmLabel: t('users.revokeGrantAction'),
    })
    if (!confirmed) return
    resetAll()
    revoke.mutate(
      { userId: user.id, grantId: grantRow.id },
      { onSuccess: () => notifySuccess(t('users.grantRevoked')) },
    )
  }

  const resetUserPassword = async () => {
    const confirmed = await confirm({
      title: t('users.resetPasswordConfirmTitle', { name: user.name }),
      message: t('users.resetPasswordConfirm'),
      confirmLabel: t('users.resetPassword'),
    })
    if (!confirmed) return
    resetAll()
    resetPassword.mutate(
      { userId: user.id },
      {
        onSuccess: (result) => {
          notifySuccess(t('users.passwordReset'))
          showTemporaryPassword(t, user.name, result.temporaryPassword)
        },
      },
    )
  }

  const resetUserTwoFactor = async () => {
    const confirmed = await confirm({
      title: t('users.resetTwoFactorConfirmTitle', { name: user.name }),
      message: t('users.resetTwoFactorConfirm'),
      confirmLabel: t('users.resetTwoFactor'),
    })
    if (!confirmed) return
    resetAll()
    resetTwoFactor.mutate({ userId: user.id }, { onSuccess: () => notifySuccess(t('users.twoFactorReset')) })
  }

  const disableUser = async () => {
    const confirmed = await confirm({
      title: t('users.disableConfirmTitle', { name: user.name }),
      message: t('users.disableConfirm'),
      confirmLabel: t('users.disable'),
    })
    if (!confirmed) return
    resetAll()
    setDisabled.mutate(
      { userId: user.id, disabled: true },
      { onSuccess: () => notifySuccess(t('users.disabled')) },
    )
  }

  return (
    <Panel
      title={t('users.manageTitle', { name: user.name })}
      focusOnMount
      actions={
        <Button variant="default" size="compact-sm" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
    >
      <ErrorText>{error.banner}</ErrorText>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          resetAll()
          update.mutate(
            { userId: user.id, name: name.trim(), email: email.trim() },
            { onSuccess: () => notifySuccess(t('users.detailsSaved')) },
          )
        }}
      >
        <Title order={3} size="h5" mb="xs">
          {t('users.details')}
        </Title>
        <Group align="flex-start" gap="sm" wrap="wrap" mb="lg">
          <TextInput
            label={t('users.name')}
            name="name"
            value={name}
            required
            onChange={(event) => setName(event.currentTarget.value)}
            error={error.field('name')}
            style={{ flex: '1 1 14rem' }}
          />
          <TextInput
            label={t('users.email')}
            name="email"
            type="email"
            value={email}
            required
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={error.field('email')}
            style={{ flex: '1 1 16rem' }}
          />
          <Button type="submit" variant="default" mt={{ base: 0, sm: 25 }} loading={update.isPending}>
            {t('users.saveDetails')}
          </Button>
        </Group>
      </form>
      <Title order={3} size="h5" mb="xs">
        {t('users.grants')}
      </Title>
      {user.grants.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('users.noGrants')}
        </Text>
      ) : (
        <List listStyleType="none" spacing="xs" mb="sm">
          {user.grants.map((grantRow) => (
            <List.Item key={grantRow.id}>
              <Group gap="sm" wrap="wrap">
                <Text size="sm">
                  <strong>{roleLabel(locale, grantRow.role)}</strong> — {unitName(grantRow)}
                </Text>
                <Button
                  size="compact-sm"
                  color="red"
                  variant="outline"
                  onClick={() => void revokeGrant(grantRow)}
                  aria-label={t('users.revokeGrantNamed', {
                    role: roleLabel(locale, grantRow.role),
                    unit: unitName(grantRow),
                  })}
                >
                  {t('users.revokeGrant')}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          resetAll()
          grant.mutate(
            { userId: user.id, role, unitId: unitId || (options[0]?.unit.id ?? '') },
            { onSuccess: () => notifySuccess(t('users.granted')) },
          )
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <RoleSelect
            label={t('users.role')}
            value={role}
            description={roleDescription(locale, role)}
            onChange={(event) => {
              const chosen = event.currentTarget.value
              if (isRole(chosen)) setRole(chosen)
            }}
            error={error.field('role')}
            style={{ flex: '1 1 100%' }}
          />
          <UnitSelect
            label={t('users.unit')}
            options={options}
            value={unitId}
            onChange={(event) => setUnitId(event.currentTarget.value)}
            error={error.field('unitId')}
            style={{ flex: '2 1 16rem' }}
          />
          <Button type="submit" variant="default" loading={grant.isPending}>
            {t('users.addGrant')}
          </Button>
        </Group>
      </form>
      <Title order={3} size="h5" mt="lg" mb="xs">
        {t('users.trainingMode')}
      </Title>
      <Switch
        checked={user.trainingMode === true}
        disabled={setTraining.isPending}
        label={t('users.trainingModeSwitch')}
        description={t('users.trainingModeHint')}
        onChange={(event) => {
          const enabled = event.currentTarget.checked
          resetAll()
          setTraining.mutate(
            { userId: user.id, enabled },
            {
              onSuccess: () =>
                notifySuccess(
                  t(enabled ? 'users.trainingModeOn' : 'users.trainingModeOff', { name: user.name }),
                ),
            },
          )
        }}
      />
      <Group gap="sm" mt="lg" wrap="wrap">
        <Button variant="default" onClick={() => void resetUserPassword()} loading={resetPassword.isPending}>
          {t('users.resetPassword')}
        </Button>
        {user.twoFactorEnabled ? (
          <Button
            variant="default"
            onClick={() => void resetUserTwoFactor()}
            loading={resetTwoFactor.isPending}
          >
            {t('users.resetTwoFactor')}
          </Button>
        ) : null}
        {user.disabled ? (
          <Button
            variant="default"
            loading={setDisabled.isPending}
            onClick={() => {
              resetAll()
              setDisabled.mutate(
                { userId: user.id, disabled: false },
                { onSuccess: () => notifySuccess(t('users.enabled')) },
              )
            }}
          >
            {t('users.enable')}
          </Button>
        ) : (
          <Button
            color="red"
            variant="outline"
            onClick={() => void disableUser()}
            loading={setDisabled.isPending}
          >
            {t('users.disable')}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed" mt="sm">
        {t('users.lastLogin')}: {formatDate(user.lastLoginAt, locale, 'datetime')}
      </Text>
    </Panel>
  )
}

export function UsersPage() {
  const { t, locale } = useI18n()
  const { can } = useSession()
  const [search, setSearch] = useState('')
  const [debouncedSearch] = useDebouncedValue(search, 300)
  const users = useQuery(usersSearchQuery(debouncedSearch))
  const units = useUnits()
  const [selected, setSelected] = useState<string | null>(null)
  const canManage = can('user.manage')
  const selectedUser = users.data?.items.find((user) => user.id === selected) ?? null
  const grantsText = (user: UserRow) =>
    user.grants
      .map((grant) => `${roleLabel(locale, grant.role)} — ${grant.unitName ?? grant.unitCode ?? ''}`)
      .join('; ')

  const columns: DataTableColumn<UserRow>[] = [
    {
      key: 'name',
      header: t('users.name'),
      primary: true,
      sortValue: (user) => user.name,
      render: (user) => user.name,
    },
    { key: 'email', header: t('users.email'), sortValue: (user) => user.email, render: (user) => user.email },
    { key: 'grants', header: t('users.grants'), sortValue: grantsText, render: grantsText },
    {
      key: 'twoFactor',
      header: t('users.twoFactor'),
      render: (user) => (user.twoFactorEnabled ? t('common.yes') : t('common.no')),
    },
    {
      key: 'lastLogin',
      header: t('users.lastLogin'),
      sortValue: (user) => user.lastLoginAt,
      render: (user) => formatDate(user.lastLoginAt, locale, 'shortDatetime'),
    },
    {
      key: 'status',
      header: t('users.status'),
      sortValue: (user) => (user.disabled ? 1 : 0),
      render: (user) =>
        user.disabled ? (
          <Badge color="orange" variant="light">
            {t('users.statusDisabled')}
          </Badge>
        ) : (
          <Group gap={4} wrap="wrap">
            <Badge color="green" variant="light">
              {t('users.statusActive')}
            </Badge>
            {user.trainingMode ? (
              <Badge color="grape" variant="light">
                {t('users.trainingMode')}
              </Badge>
            ) : null}
          </Group>
        ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            hideHeader: true,
            render: (user: UserRow) => (
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => setSelected(user.id)}
                aria-label={t('users.manageTitle', { name: user.name })}
              >
                {t('users.manage')}
              </Button>
            ),
          },
        ]
      : []),
  ]

  return (
    <>
      <PageHeader title={t('users.title')} description={t('users.intro')} />
      {canManage && units.options.length > 0 ? <CreateUserForm options={units.options} /> : null}
      {selectedUser && canManage ? (
        <ManageUserPanel
          key={selectedUser.id}
          user={selectedUser}
          options={units.options}
          onClose={() => setSelected(null)}
        />
      ) : null}
      <Panel title={t('users.list')}>
        <TextInput
          label={t('users.search')}
          description={t('users.searchHint')}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maw={420}
          mb="sm"
        />
        <DataTable
          caption={t('users.list')}
          columns={columns}
          rows={users.data?.items}
          rowKey={(user) => user.id}
          emptyText={debouncedSearch.trim() ? t('users.noMatch') : t('users.empty')}
          loading={users.isPending}
          error={users.error}
          initialSort={{ key: 'name', direction: 'asc' }}
          testId="user-table"
        />
      </Panel>
      <RoleGuide />
    </>
  )
}
