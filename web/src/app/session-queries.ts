// Server state of the session: whether the deployment still needs its first-run setup, and who is signed in.
// `me` is null when nobody is (401/403), so the app shows the sign-in page rather than an error.
import { notifications } from '@mantine/notifications'
import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { ApiError, api, setCsrfToken } from './api-client.ts'
import type { Me, SetupStatus } from './session-types.ts'

export const sessionKeys = {
  setup: ['setup'] as const,
  me: ['me'] as const,
}

export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/auth/me')
    setCsrfToken(me.csrfToken)
    return me
  } catch (caught) {
    if (caught instanceof ApiError && (caught.status === 401 || caught.status === 403)) {
      setCsrfToken(null)
      return null
    }
    throw caught
  }
}

export const setupQuery = queryOptions({
  queryKey: sessionKeys.setup,
  queryFn: async (): Promise<SetupStatus> => {
    try {
      return await api.get<SetupStatus>('/api/setup')
    } catch (caught) {
      // An older server without the setup route, or one that answers only after sign-in: carry on to sign-in.
      if (caught instanceof ApiError && caught.status >= 400 && caught.status < 500) return { needed: false }
      throw caught
    }
  },
  staleTime: Infinity,
})

export const meQuery = queryOptions({ queryKey: sessionKeys.me, queryFn: fetchMe, staleTime: Infinity })

/** Reads `me` again (after sign-in, 2FA enrolment, a new password) and waits for the answer. */
export async function refreshMe(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: sessionKeys.me })
}

/** Forgets everything the signed-in user loaded, and the user. */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(null)
  notifications.clean()
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] !== 'me' && query.queryKey[0] !== 'setup',
  })
  queryClient.setQueryData(sessionKeys.me, null)
}
