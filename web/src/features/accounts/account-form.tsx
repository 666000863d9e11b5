// Create or edit one official account. Required fields say so in their label before anything is sent; the API
// answers every problem at once and each appears under its field, in the language on screen. The penanggung
// jawab and pengelola pickers offer only the people the account's unit may name (GET /api/accounts/people);
// an account may have several pengelola, each with the number and date of their surat tugas.
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useId, useState, type FormEvent, type ReactNode } from 'react'
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
import { sortByText } from '../../components/indonesian-collation.ts'
import { notifySuccess } from '../../components/notify.ts'
import { Panel } from '../../components/panel.tsx'
import { platformLabel } from '../../components/vocabulary-labels.ts'
import { useI18n, type Translate } from '../../i18n/i18n.tsx'
import { UnitSelect } from '../units/unit-select.tsx'
import type { UnitOption } from '../units/unit-tree.ts'
import type { Account, AccountPerson } from './account-types.ts'
import { accountPeopleQuery, accountRequests, useAccountChange } from './accounts-queries.ts'

export interface PengelolaValues {
  /** A key for React only; rows are added and removed. */
  key: string
  userId: string
  letterNumber: string
  letterDate: string
}

export interface AccountFormValues {
  platform: string
  handle: string
  displayName: string
  url: string
  unitId: string
  penanggungJawabUserId: string
  pengelola: PengelolaValues[]
  verificationStatus: string
  platformTwoFactor: boolean
  credentialRotatedOn: string
  status: AccountStatus
  notes: string
}

export type AccountBody = ReturnType<typeof accountBody>

let rowCounter = 0
function newRowKey(): string {
  rowCounter += 1
  return `pengelola-${rowCounter}`
}

export function emptyPengelola(): PengelolaValues {
  return { key: newRowKey(), userId: '', letterNumber: '', letterDate: '' }
}

export function initialAccountValues(account: Account | null, defaultUnitId: string): AccountFormValues {
  return {
    platform: account?.platform ?? 'instagram',
    handle: account?.handle ?? '',
    displayName: account?.displayName ?? '',
    url: account?.url ?? '',
    unitId: account?.unit.id ?? defaultUnitId,
    penanggungJawabUserId: account?.penanggungJawab.userId ?? '',
    pengelola: (account?.pengelola ?? []).map((p) => ({
      key: newRowKey(),
      userId: p.userId,
      letterNumber: p.suratTugasNumber ?? '',
      letterDate: p.suratTugasDate ?? '',
    })),
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
    // Left out when not chosen, so the API says "choose one" rather than "not a valid identifier".
    unitId: values.unitId || undefined,
    penanggungJawabUserId: values.penanggungJawabUserId || undefined,
    // Every row is sent, a blank one too: the API then names the row's problem under that row.
    pengelola: values.pengelola.map((row) => ({
      userId: row.userId,
      suratTugasNumber: row.letterNumber.trim() || null,
      suratTugasDate: row.letterDate || null,
    })),
    verificationStatus: values.verificationStatus,
    platformTwoFactor: values.platformTwoFactor,
    credentialRotatedOn: values.credentialRotatedOn || null,
    status: values.status,
    notes: values.notes.trim(),
  }
}

/** A label with the visible "(wajib)" of a required field; the `required` attribute tells screen readers. */
export function requiredLabel(label: string, t: Translate): ReactNode {
  return (
    <>
      {label}{' '}
      <Text span size="xs" c="dimmed" fw={400} aria-hidden="true">
        ({t('form.requiredMark')})
      </Text>
    </>
  )
}

/**
 * The choices of a person picker: the eligible people by name, and a value already chosen that is not among them
 * (someone who has since lost the role, or who does not hold it for a newly chosen unit) marked as such.
 */
export function personOptions(
  people: readonly AccountPerson[] | undefined,
  chosen: readonly { userId: string; name: string }[],
  t: Translate,
  emptyLabel: string,
): { value: string; label: string }[] {
  const eligible = sortByText(people ?? [], (person) => person.name).map((person) => ({
    value: person.userId,
    label: person.email ? `${person.name} (${person.email})` : person.name,
  }))
  const others = chosen
    .filter((person) => person.userId && !eligible.some((option) => option.value === person.userId))
    .map((person) => ({
      value: person.userId,
      // While the eligible people load, the chosen one is shown by name only.
      label: people
        ? t('accounts.notEligible', { name: person.name || person.userId })
        : person.name || person.userId,
    }))
  return [{ value: '', label: emptyLabel }, ...eligible, ...others]
}

export function AccountForm({
  account,
  units,
  onDone,
}: {
  account: Account | null
  units: readonly UnitOption[]
  /** Called after a save or delete, and on Cancel. */
  onDone: () => void
}) {
  const { t } = useI18n()
  const confirm = useConfirm()
  const requiredHintId = useId()
  const [values, setValues] = useState<AccountFormValues>(() =>
    initialAccountValues(account, units.find(({ unit }) => !unit.archivedAt)?.unit.id ?? ''),
  )
  const people = useQuery(accountPeopleQuery(values.unitId))
  const create = useAccountChange(accountRequests.create)
  const update = useAccountChange(accountRequests.update)
  const remove = useAccountChange(accountRequests.remove)
  const failed = [create, update, remove].find((mutation) => mutation.isError)
  const error = useErrorText(failed?.error ?? people.error)
  const set = <K extends keyof AccountFormValues>(key: K, value: AccountFormValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }))
  const setRow = (key: string, change: Partial<PengelolaValues>) =>
    setValues((previous) => ({
      ...previous,
      pengelola: previous.pengelola.map((row) => (row.key === key ? { ...row, ...change } : row)),
    }))

  // People the account names now, so a picker keeps showing them when they are no longer offered.
  const named = [
    ...(account ? [{ userId: account.penanggungJawab.userId, name: account.penanggungJawab.name }] : []),
    ...(account?.pengelola ?? []).map((p) => ({ userId: p.userId, name: p.name })),
  ]
  const nameOf = (userId: string) =>
    named.find((person) => person.userId === userId)?.name ??
    [...(people.data?.penanggungJawab ?? []), ...(people.data?.pengelola ?? [])].find(
      (person) => person.userId === userId,
    )?.name ??
    ''

  const submit = (event: FormEvent) => {
    event.preventDefault()
    remove.reset()
    const body = accountBody(values)
    // Named as the server stored it: an address typed in the handle field becomes the handle it names.
    const saved = (stored: Account) => {
      notifySuccess(t(account ? 'accounts.saved' : 'accounts.created', { handle: stored.handle }))
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

  const pjOptions = personOptions(
    people.data?.penanggungJawab,
    [{ userId: values.penanggungJawabUserId, name: nameOf(values.penanggungJawabUserId) }],
    t,
    t('accounts.choose'),
  )
  const required = (label: string) => requiredLabel(label, t)
  return (
    <Panel
      title={account ? t('accounts.editTitle', { handle: account.handle }) : t('accounts.createTitle')}
      focusOnMount
    >
      <ErrorText>{error.banner}</ErrorText>
      <Text size="sm" c="dimmed" mb="sm" id={requiredHintId}>
        {t('accounts.requiredHint')}
      </Text>
      <form onSubmit={submit} noValidate aria-describedby={requiredHintId}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="sm">
          <NativeSelect
            label={required(t('accounts.platform'))}
            name="platform"
            value={values.platform}
            required
            onChange={(event) => set('platform', event.currentTarget.value)}
            error={error.field('platform')}
            data={PLATFORMS.map((platform) => ({ value: platform, label: platformLabel(platform) }))}
          />
          <TextInput
            label={required(t('accounts.handle'))}
            name="handle"
            value={values.handle}
            required
            autoComplete="off"
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
            inputMode="url"
            value={values.url}
            onChange={(event) => set('url', event.currentTarget.value)}
            error={error.field('url')}
            description={t('accounts.urlHint')}
          />
          <UnitSelect
            label={required(t('accounts.unit'))}
            name="unitId"
            options={units}
            required
            value={values.unitId}
            onChange={(event) => set('unitId', event.currentTarget.value)}
            error={error.field('unitId')}
          />
          <NativeSelect
            label={required(t('accounts.penanggungJawab'))}
            name="penanggungJawabUserId"
            value={values.penanggungJawabUserId}
            required
            onChange={(event) => set('penanggungJawabUserId', event.currentTarget.value)}
            error={error.field('penanggungJawabUserId')}
            description={
              people.data && people.data.penanggungJawab.length === 0
                ? t('accounts.noPenanggungJawab')
                : t('accounts.penanggungJawabHint')
            }
            data={pjOptions}
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

        <Stack gap="sm" mt="md">
          <Text fw={700} size="sm">
            {t('accounts.pengelolaList')}
          </Text>
          <Text size="sm" c="dimmed">
            {people.data && people.data.pengelola.length === 0
              ? t('accounts.noPengelola')
              : t('accounts.pengelolaHint')}
          </Text>
          {values.pengelola.map((row, index) => {
            const n = index + 1
            const at = (field: string) => error.field(`pengelola.${index}.${field}`)
            return (
              <Fieldset key={row.key} legend={t('accounts.pengelolaN', { n })} p="sm">
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="sm">
                  <NativeSelect
                    label={required(t('accounts.pengelolaUser'))}
                    value={row.userId}
                    required
                    onChange={(event) => setRow(row.key, { userId: event.currentTarget.value })}
                    error={at('userId')}
                    data={personOptions(
                      people.data?.pengelola,
                      [{ userId: row.userId, name: nameOf(row.userId) }],
                      t,
                      t('accounts.choose'),
                    )}
                  />
                  <TextInput
                    label={t('accounts.letterNumber')}
                    value={row.letterNumber}
                    onChange={(event) => setRow(row.key, { letterNumber: event.currentTarget.value })}
                    error={at('suratTugasNumber')}
                  />
                  <DateField
                    label={t('accounts.letterDate')}
                    value={row.letterDate}
                    onChange={(value) => setRow(row.key, { letterDate: value })}
                    error={at('suratTugasDate')}
                  />
                </SimpleGrid>
                <Group justify="flex-end" mt="xs">
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    onClick={() =>
                      setValues((previous) => ({
                        ...previous,
                        pengelola: previous.pengelola.filter((other) => other.key !== row.key),
                      }))
                    }
                  >
                    {t('accounts.removePengelola', { n })}
                  </Button>
                </Group>
              </Fieldset>
            )
          })}
          <Group>
            <Button
              variant="default"
              onClick={() =>
                setValues((previous) => ({
                  ...previous,
                  pengelola: [...previous.pengelola, emptyPengelola()],
                }))
              }
            >
              {t('accounts.addPengelola')}
            </Button>
          </Group>
        </Stack>

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
