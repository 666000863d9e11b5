// Who is signed in, as `/api/auth/me` tells it, and what they may open. The navigation and the page guards
// read `allowedActions` from here; the API enforces the same policy on every request.
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react'
import { api, setCsrfToken } from './api-client.ts'

export interface MeRole {
  role: string
  unitId: string
  unitName?: string
  unitCode?: string
  unitPath?: string
}

export interface Me {
  user: { id: string; name: string; email: string; twoFactorEnabled?: boolean; mustChangePassword?: boolean }
  instansi: { id: string; name: string; slug: string }
  roles: MeRole[]
  allowedActions: string[]
  csrfToken: string
  mustEnrolTwoFactor: boolean
  twoFactorPending?: boolean
}

interface SessionValue {
  me: Me
  can: (action: string) => boolean
  refresh: () => Promise<void>
  logout: () => Promise<void>
}

const SessionContext = createContext<SessionValue | null>(null)

export async function fetchMe(): Promise<Me> {
  const me = await api.get<Me>('/api/auth/me')
  setCsrfToken(me.csrfToken)
  return me
}

export function SessionProvider({
  me,
  onChange,
  children,
}: {
  me: Me
  onChange: (me: Me | null) => void
  children: ReactNode
}) {
  const refresh = useCallback(async () => {
    onChange(await fetchMe())
  }, [onChange])
  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout')
    } finally {
      setCsrfToken(null)
      onChange(null)
    }
  }, [onChange])
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
