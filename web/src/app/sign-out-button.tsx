// Sign-out for the screens before the app itself (2FA enrolment or verification, a forced password change): the
// person may be the wrong one at this keyboard, or may want to finish later. The logout route is open to a
// session however limited it is.
import { Button } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useI18n } from '../i18n/i18n.tsx'
import { api } from './api-client.ts'
import { forgetSession } from './session-queries.ts'

export function SignOutButton() {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const [pending, setPending] = useState(false)
  const signOut = async () => {
    setPending(true)
    try {
      await api.post('/api/auth/logout')
    } catch {
      // The session may already be gone on the server; signing out here is what the person asked for.
    } finally {
      forgetSession(queryClient)
    }
  }
  return (
    <Button variant="default" size="compact-sm" loading={pending} onClick={() => void signOut()}>
      {t('shell.logout')}
    </Button>
  )
}
