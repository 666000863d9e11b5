// Changing one's own password: the current one proves it is really the user; other sessions end afterwards.
import { useState, type FormEvent } from 'react'
import { api } from '../../app/api-client.ts'
import { ErrorAlert, Notice } from '../../components/alert.tsx'
import { TextField } from '../../components/field.tsx'
import { useApiError } from '../../components/use-api-error.ts'
import { useI18n } from '../../i18n/i18n.tsx'

export function PasswordChangeForm({ onChanged }: { onChanged?: () => void | Promise<void> }) {
  const { t } = useI18n()
  const [currentPassword, setCurrent] = useState('')
  const [newPassword, setNew] = useState('')
  const [confirm, setConfirm] = useState('')
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({})
  const [done, setDone] = useState(false)
  const [busy, setBusy] = useState(false)
  const { error, capture, clear, field } = useApiError()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    clear()
    setDone(false)
    const errors: Record<string, string> = {}
    if (!currentPassword) errors.currentPassword = t('form.required')
    if (newPassword.length < 12) errors.newPassword = t('form.passwordShort')
    if (confirm !== newPassword) errors.confirm = t('form.passwordMismatch')
    setLocalErrors(errors)
    if (Object.keys(errors).length > 0) return
    setBusy(true)
    try {
      await api.post('/api/me/password', { currentPassword, newPassword })
      setCurrent('')
      setNew('')
      setConfirm('')
      setDone(true)
      await onChanged?.()
    } catch (caught) {
      capture(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="narrow-form">
      <ErrorAlert>{error.message}</ErrorAlert>
      {done ? <Notice>{t('password.changed')}</Notice> : null}
      <TextField
        label={t('password.current')}
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(event) => setCurrent(event.target.value)}
        error={localErrors.currentPassword ?? field('currentPassword')}
        required
      />
      <TextField
        label={t('password.new')}
        type="password"
        autoComplete="new-password"
        value={newPassword}
        hint={t('form.passwordRule')}
        onChange={(event) => setNew(event.target.value)}
        error={localErrors.newPassword ?? field('newPassword')}
        required
      />
      <TextField
        label={t('password.confirm')}
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(event) => setConfirm(event.target.value)}
        error={localErrors.confirm}
        required
      />
      <button type="submit" className="button primary" disabled={busy}>
        {t('password.submit')}
      </button>
    </form>
  )
}
