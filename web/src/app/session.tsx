// Who is signed in and what they may open. The navigation and the page guards read `allowedActions` from here;
// the API enforces the same policy on every request.
import { useQueryClient } from '@tanstack/react-query'
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react'
import { api } from './api-client.ts'
import { forgetSession, refreshMe } from './session-queries.ts'
import type { Action, Me } from './session-types.ts'

interface SessionValue {
  me: Me
  can: (action: Action) => boolean
  /** Reads `me` again, e.g. after enrolling 2FA on the profile page. */
  refresh: () => Promise<void>
  logout: () => Promise<void>
}

const SessionContext = createContext<SessionValue | null>(null)

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  const queryClient = useQueryClient()
  const refresh = useCallback(() => refreshMe(queryClient), [queryClient])
  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout')
    } catch {
      // The session may already be gone on the server; signing out here is what the person asked for.
    } finally {
      forgetSession(queryClient)
    }
  }, [queryClient])
  const value = useMemo<SessionValue>(
    () => ({ me, can: (action) => me.allowedActions.includes(action), refresh, logout }),
    [me, refresh, logout],
  )
  return <SessionContext value={value}>{children}</SessionContext>
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession outside SessionProvider')
  return value
}
