// Create or edit one official account. Field errors from the API appear under their field, in the language on
// screen; deleting asks first.
import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { PLATFORMS } from '../../../../src/shared/platforms.ts'
import {
  ACCOUNT_STATUSES,
  VERIFICATION_STATUSES,
  type AccountStatus,
} from '../../../../src/shared/statuses.ts'
import { useErrorText } from '../../components/api-error-text.ts'
import { useConfirm } from '../../components/confirm-dialog.tsx'
import { DateField } from '../../components/date-field.tsx'
import { ErrorText } from '../../components/error-banner.tsx'
import { notifySuccess } from '../../components/notify.ts'
import { Panel } from '../../components/panel.tsx'
import { platformLabel } from '../../components/vocabulary-labels.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { UnitSelect } from '../units/unit-select.tsx'
import type { UnitOption } from '../units/unit-tree.ts'
import type { Account } from './account-types.ts'
import { accountRequests, useAccountChange } from './accounts-queries.ts'

export interface AccountFormValues {
  platform: string
  handle: string
  displayName: string
  url: string
  unitId: string
  penanggungJawabUserId: string
  pengelolaId: string
  letterNumber: string
  letterDate: string
  verificationStatus: string
  platformTwoFactor: boolean
  credentialRotatedOn: string
  status: AccountStatus
  notes: string
}

export type AccountBody = ReturnType<typeof accountBody>

export function initialAccountValues(account: Account | null, defaultUnitId: string): AccountFormValues {
  const pengelola = account?.pengelola[0]
  return {
    platform: account?.platform ?? 'instagram',
    handle: account?.handle ?? '',
    displayName: account?.displayName ?? '',
    url: account?.url ?? '',
    unitId: account?.unit.id ?? defaultUnitId,
    penanggungJawabUserId: account?.penanggungJawab?.userId ?? '',
    pengelolaId: pengelola?.userId ?? '',
    letterNumber: pengelola?.suratTugasNumber ?? '',
    letterDate: pengelola?.suratTugasDate ?? '',
    verificationStatus: account?.verificationStatus ?? 'unverified',
    platformTwoFactor: account?.platformTwoFactor ?? false,
    credentialRotatedOn: account?.credentialRotatedOn?.slice(0, 10) ?? '',
    status: account?.status === 'dormant' ? 'dormant' : 'active',
    notes: account?.notes ?? '',
  }
}

/** The request body: empty optional fields become null so the API can clear them. */
export function accountBody(values: AccountFormValues) {
  return {
    platform: values.platform,
    handle: values.handle.trim(),
    displayName: values.displayName.trim() || null,
    url: values.url.trim() || null,
    // Left out when not chosen, so the API says "required" rather than "not a valid identifier".
    unitId: values.unitId || undefined,
    penanggungJawabUserId: values.penanggungJawabUserId || undefined,
    pengelola: values.pengelolaId
      ? [
          {
            userId: values.pengelolaId,
            suratTugasNumber: values.letterNumber.trim(),
            suratTugasDate: values.letterDate,
          },
        ]
      : [],
    verificationStatus: values.verificationStatus,
    platformTwoFactor: values.platformTwoFactor,
    credentialRotatedOn: values.credentialRotatedOn || null,
    status: values.status,
    notes: values.notes.trim(),
  }
}

export function AccountForm({
  account,
  units,
  users,
  onDone,
}: {
  account: Account | null
  units: readonly UnitOption[]
  users: readonly { id: string; name: string }[]
  /** Called after a save or delete, and on Cancel. */
  onDone: () => void
}) {
  const { t } = useI18n()
  const confirm = useConfirm()
  const [values, setValues] = useState<AccountFormValues>(() =>
    initialAccountValues(account, units.find(({ unit }) => !unit.archivedAt)?.unit.id ?? ''),
  )
  const create = useAccountChange(accountRequests.create)
  const update = useAccountChange(accountRequests.update)
  const remove = useAccountChange(accountRequests.remove)
  const failed = [create, update, remove].find((mutation) => mutation.isError)
  const error = useErrorText(failed?.error)
  const set = <K extends keyof AccountFormValues>(key: K, value: AccountFormValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    remove.reset()
    const handle = values.handle.trim()
    const body = accountBody(values)
    const saved = () => {
      notifySuccess(t(account ? 'accounts.saved' : 'accounts.created', { handle }))
      onDone()
    }
    if (account) update.mutate({ id: account.id, body }, { onSuccess: saved })
    else create.mutate(body, { onSuccess: saved })
  }

  const deleteAccount = async () => {
    if (!account) return
    const confirmed = await confirm({
      title: t('accounts.deleteConfirmTitle', { handle: account.handle }),
      message: t('accounts.deleteConfirm', { handle: account.handle }),
      confirmLabel: t('accounts.delete'),
    })
    if (!confirmed) return
    create.reset()
    update.reset()
    remove.mutate(
      { id: account.id },
      {
        onSuccess: () => {
          notifySuccess(t('accounts.deleted', { handle: account.handle }))
          onDone()
        },
      },
    )
  }

  const people = [
    { value: '', label: t('accounts.choose') },
    ...users.map((user) => ({ value: user.id, label: user.name })),
  ]
  return (
    <Panel
      title={account ? t('accounts.editTitle', { handle: account.handle }) : t('accounts.createTitle')}
      focusOnMount
    >
      <ErrorText>{error.banner}</ErrorText>
      <form onSubmit={submit} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="sm">
          <NativeSelect
            label={t('accounts.platform')}
            name="platform"
            value={values.platform}
            onChange={(event) => set('platform', event.currentTarget.value)}
            error={error.field('platform')}
            data={PLATFORMS.map((platform) => ({ value: platform, label: platformLabel(platform) }))}
          />
          <TextInput
            label={t('accounts.handle')}
            name="handle"
            value={values.handle}
            required
            onChange={(event) => set('handle', event.currentTarget.value)}
            error={error.field('handle')}
            description={t('accounts.handleHint')}
          />
          <TextInput
            label={t('accounts.displayName')}
            name="displayName"
            value={values.displayName}
            onChange={(event) => set('displayName', event.currentTarget.value)}
            error={error.field('displayName')}
          />
          <TextInput
            label={t('accounts.url')}
            name="url"
            type="url"
            value={values.url}
            onChange={(event) => set('url', event.currentTarget.value)}
            error={error.field('url')}
          />
          <UnitSelect
            label={t('accounts.unit')}
            name="unitId"
            options={units}
            value={values.unitId}
            onChange={(event) => set('unitId', event.currentTarget.value)}
            error={error.field('unitId')}
          />
          <NativeSelect
            label={t('accounts.penanggungJawab')}
            name="penanggungJawabUserId"
            value={values.penanggungJawabUserId}
            required
            onChange={(event) => set('penanggungJawabUserId', event.currentTarget.value)}
            error={error.field('penanggungJawabUserId')}
            data={people}
          />
          <NativeSelect
            label={t('accounts.pengelola')}
            name="pengelolaId"
            value={values.pengelolaId}
            onChange={(event) => set('pengelolaId', event.currentTarget.value)}
            error={error.field('pengelola.0.userId', 'pengelola')}
            data={[{ value: '', label: t('common.none') }, ...people.slice(1)]}
          />
          <TextInput
            label={t('accounts.letterNumber')}
            name="letterNumber"
            value={values.letterNumber}
            onChange={(event) => set('letterNumber', event.currentTarget.value)}
            error={error.field('pengelola.0.suratTugasNumber')}
          />
          <DateField
            label={t('accounts.letterDate')}
            name="letterDate"
            value={values.letterDate}
            onChange={(value) => set('letterDate', value)}
            error={error.field('pengelola.0.suratTugasDate')}
          />
          <DateField
            label={t('accounts.lastRotation')}
            name="credentialRotatedOn"
            value={values.credentialRotatedOn}
            onChange={(value) => set('credentialRotatedOn', value)}
            error={error.field('credentialRotatedOn')}
          />
          <NativeSelect
            label={t('accounts.status')}
            name="status"
            value={values.status}
            onChange={(event) =>
              set('status', event.currentTarget.value === 'dormant' ? 'dormant' : 'active')
            }
            error={error.field('status')}
            data={ACCOUNT_STATUSES.map((status) => ({ value: status, label: t(`accountStatus.${status}`) }))}
          />
          <NativeSelect
            label={t('accounts.verification')}
            name="verificationStatus"
            value={values.verificationStatus}
            onChange={(event) => set('verificationStatus', event.currentTarget.value)}
            error={error.field('verificationStatus')}
            data={VERIFICATION_STATUSES.map((status) => ({
              value: status,
              label: t(`verification.${status}`),
            }))}
          />
          <Textarea
            label={t('accounts.notes')}
            name="notes"
            value={values.notes}
            autosize
            minRows={2}
            onChange={(event) => set('notes', event.currentTarget.value)}
            error={error.field('notes')}
          />
          <Checkbox
            label={t('accounts.platformTwoFactor')}
            name="platformTwoFactor"
            checked={values.platformTwoFactor}
            onChange={(event) => set('platformTwoFactor', event.currentTarget.checked)}
            mt={{ sm: 'xl' }}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm" mt="md" wrap="wrap">
          {account ? (
            <Button
              color="red"
              variant="outline"
              mr="auto"
              onClick={() => void deleteAccount()}
              loading={remove.isPending}
            >
              {t('accounts.delete')}
            </Button>
          ) : null}
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </form>
    </Panel>
  )
}
