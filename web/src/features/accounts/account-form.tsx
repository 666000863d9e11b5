// Create or edit one official account. Field errors from the API appear under their field.
import { useState, type FormEvent } from 'react'
import { api } from '../../app/api-client.ts'
import { ErrorAlert } from '../../components/alert.tsx'
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/field.tsx'
import { useApiError } from '../../components/use-api-error.ts'
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { unitOptionLabel, type Unit } from '../units/unit-tree.ts'
import { PLATFORMS, VERIFICATION_STATUSES, type Account } from './account-types.ts'

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
  status: 'active' | 'dormant'
  notes: string
}

export function initialAccountValues(account: Account | null, defaultUnitId: string): AccountFormValues {
  const pengelola = account?.pengelola?.[0]
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
    unitId: values.unitId,
    penanggungJawabUserId: values.penanggungJawabUserId,
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
  onSaved,
  onCancel,
}: {
  account: Account | null
  units: { unit: Unit; depth: number }[]
  users: { id: string; name: string }[]
  onSaved: (message: string) => void
  onCancel: () => void
}) {
  const { t } = useI18n()
  const [values, setValues] = useState<AccountFormValues>(() =>
    initialAccountValues(account, units[0]?.unit.id ?? ''),
  )
  const [busy, setBusy] = useState(false)
  const headingRef = useFocusOnMount<HTMLHeadingElement>()
  const { error, capture, clear, field } = useApiError()
  const set = <K extends keyof AccountFormValues>(key: K, value: AccountFormValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    clear()
    setBusy(true)
    try {
      if (account) await api.patch(`/api/accounts/${account.id}`, accountBody(values))
      else await api.post('/api/accounts', accountBody(values))
      onSaved(t(account ? 'accounts.saved' : 'accounts.created', { handle: values.handle.trim() }))
    } catch (caught) {
      capture(caught)
    } finally {
      setBusy(false)
    }
  }

  const remove = async () => {
    if (!account || !window.confirm(t('accounts.deleteConfirm', { handle: account.handle }))) return
    clear()
    try {
      await api.delete(`/api/accounts/${account.id}`)
      onSaved(t('accounts.deleted', { handle: account.handle }))
    } catch (caught) {
      capture(caught)
    }
  }

  return (
    <section className="panel edit-panel" aria-labelledby="account-form-title">
      <h2 id="account-form-title" ref={headingRef} tabIndex={-1}>
        {account ? t('accounts.editTitle', { handle: account.handle }) : t('accounts.createTitle')}
      </h2>
      <ErrorAlert>{error.message}</ErrorAlert>
      <form onSubmit={(event) => void submit(event)} noValidate className="grid-form">
        <SelectField
          label={t('accounts.platform')}
          name="platform"
          value={values.platform}
          onChange={(event) => set('platform', event.target.value)}
          error={field('platform')}
        >
          {PLATFORMS.map((platform) => (
            <option key={platform} value={platform}>
              {t(`platform.${platform}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('accounts.handle')}
          name="handle"
          value={values.handle}
          required
          onChange={(event) => set('handle', event.target.value)}
          error={field('handle')}
          hint={t('accounts.handleHint')}
        />
        <TextField
          label={t('accounts.displayName')}
          name="displayName"
          value={values.displayName}
          onChange={(event) => set('displayName', event.target.value)}
          error={field('displayName')}
        />
        <TextField
          label={t('accounts.url')}
          name="url"
          type="url"
          value={values.url}
          onChange={(event) => set('url', event.target.value)}
          error={field('url')}
        />
        <SelectField
          label={t('accounts.unit')}
          name="unitId"
          value={values.unitId}
          onChange={(event) => set('unitId', event.target.value)}
          error={field('unitId')}
        >
          {units.map(({ unit, depth }) => (
            <option key={unit.id} value={unit.id}>
              {unitOptionLabel(unit, depth)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('accounts.penanggungJawab')}
          name="penanggungJawabUserId"
          value={values.penanggungJawabUserId}
          required
          onChange={(event) => set('penanggungJawabUserId', event.target.value)}
          error={field('penanggungJawabUserId')}
        >
          <option value="">{t('accounts.choose')}</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('accounts.pengelola')}
          name="pengelolaId"
          value={values.pengelolaId}
          onChange={(event) => set('pengelolaId', event.target.value)}
          error={field('pengelola.0.userId') ?? field('pengelola')}
        >
          <option value="">{t('common.none')}</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('accounts.letterNumber')}
          name="letterNumber"
          value={values.letterNumber}
          onChange={(event) => set('letterNumber', event.target.value)}
          error={field('pengelola.0.suratTugasNumber') ?? field('pengelola')}
        />
        <TextField
          label={t('accounts.letterDate')}
          name="letterDate"
          type="date"
          value={values.letterDate}
          onChange={(event) => set('letterDate', event.target.value)}
          error={field('pengelola.0.suratTugasDate')}
        />
        <TextField
          label={t('accounts.lastRotation')}
          name="credentialRotatedOn"
          type="date"
          value={values.credentialRotatedOn}
          onChange={(event) => set('credentialRotatedOn', event.target.value)}
          error={field('credentialRotatedOn')}
        />
        <SelectField
          label={t('accounts.status')}
          name="status"
          value={values.status}
          onChange={(event) => set('status', event.target.value === 'dormant' ? 'dormant' : 'active')}
          error={field('status')}
        >
          <option value="active">{t('accounts.statusActive')}</option>
          <option value="dormant">{t('accounts.statusDormant')}</option>
        </SelectField>
        <SelectField
          label={t('accounts.verification')}
          name="verificationStatus"
          value={values.verificationStatus}
          onChange={(event) => set('verificationStatus', event.target.value)}
          error={field('verificationStatus')}
        >
          {VERIFICATION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`verification.${status}`)}
            </option>
          ))}
        </SelectField>
        <CheckboxField
          label={t('accounts.platformTwoFactor')}
          name="platformTwoFactor"
          checked={values.platformTwoFactor}
          onChange={(event) => set('platformTwoFactor', event.target.checked)}
        />
        <TextAreaField
          label={t('accounts.notes')}
          name="notes"
          value={values.notes}
          rows={3}
          onChange={(event) => set('notes', event.target.value)}
          error={field('notes')}
        />
        <div className="form-actions">
          {account ? (
            <button type="button" className="button danger push-left" onClick={() => void remove()}>
              {t('accounts.delete')}
            </button>
          ) : null}
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  )
}
