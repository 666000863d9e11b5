// Server state of users: the list (also the choices of people on other pages) and every change to a user.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../app/api-client.ts'
import { useSession } from '../../app/session.tsx'
import type { CreatedUser, NewGrantBody, NewUserBody, PasswordResetAnswer, UserRow } from './users-types.ts'

export const userKeys = { all: ['users'] as const }

export const usersQuery = queryOptions({
  queryKey: userKeys.all,
  queryFn: () => api.get<{ items: UserRow[] }>('/api/users'),
})

/** The users whose name or e-mail contains `search` (all of them when it is empty). */
export function usersSearchQuery(search: string) {
  const q = search.trim()
  return queryOptions({
    queryKey: [...userKeys.all, 'search', q] as const,
    queryFn: () => api.get<{ items: UserRow[] }>(q ? `/api/users?q=${encodeURIComponent(q)}` : '/api/users'),
    placeholderData: (previous) => previous,
  })
}

/** The users, for pickers on other pages; empty without user.read (the API would refuse the list). */
export function useUserChoices() {
  const { can } = useSession()
  return useQuery({ ...usersQuery, enabled: can('user.read') })
}

export function useUserChange<TVariables, TResult = unknown>(
  change: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  })
}

export const userRequests = {
  create: (body: NewUserBody) => api.post<CreatedUser>('/api/users', body),
  grant: ({ userId, role, unitId }: NewGrantBody & { userId: string }) =>
    api.post<UserRow>(`/api/users/${userId}/grants`, { role, unitId }),
  revoke: ({ userId, grantId }: { userId: string; grantId: string }) =>
    api.delete<UserRow>(`/api/users/${userId}/grants/${grantId}`),
  resetPassword: ({ userId }: { userId: string }) =>
    api.post<PasswordResetAnswer>(`/api/users/${userId}/reset-password`),
  resetTwoFactor: ({ userId }: { userId: string }) => api.post(`/api/users/${userId}/reset-two-factor`),
  setDisabled: ({ userId, disabled }: { userId: string; disabled: boolean }) =>
    api.patch<UserRow>(`/api/users/${userId}`, { disabled }),
  setTrainingMode: ({ userId, enabled }: { userId: string; enabled: boolean }) =>
    api.put<UserRow>(`/api/users/${userId}/training-mode`, { enabled }),
  update: ({ userId, name, email }: { userId: string; name: string; email: string }) =>
    api.patch<UserRow>(`/api/users/${userId}`, { name, email }),
}
