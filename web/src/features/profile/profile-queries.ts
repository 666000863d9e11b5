// Server state of the profile page: sessions, API tokens and the 2FA status, and changes to them.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../app/api-client.ts'
import type { RecoveryCodesAnswer } from '../two-factor/two-factor-types.ts'
import type { CreatedToken, NewTokenBody, SessionRow, TokenRow, TwoFactorStatus } from './profile-types.ts'

export const profileKeys = {
  all: ['profile'] as const,
  sessions: ['profile', 'sessions'] as const,
  tokens: ['profile', 'tokens'] as const,
  twoFactor: ['profile', 'two-factor'] as const,
}

export const sessionsQuery = queryOptions({
  queryKey: profileKeys.sessions,
  queryFn: () => api.get<{ items: SessionRow[] }>('/api/me/sessions'),
})

export const tokensQuery = queryOptions({
  queryKey: profileKeys.tokens,
  queryFn: () => api.get<{ items: TokenRow[] }>('/api/me/tokens'),
})

export const twoFactorQuery = queryOptions({
  queryKey: profileKeys.twoFactor,
  queryFn: () => api.get<TwoFactorStatus>('/api/me/two-factor'),
})

export function useProfileChange<TVariables, TResult = unknown>(
  change: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.all }),
  })
}

export const profileRequests = {
  revokeSession: (id: string) => api.delete(`/api/me/sessions/${id}`),
  createToken: (body: NewTokenBody) => api.post<CreatedToken>('/api/me/tokens', body),
  revokeToken: (id: string) => api.delete(`/api/me/tokens/${id}`),
  regenerateRecoveryCodes: (code: string) =>
    api.post<RecoveryCodesAnswer>('/api/me/two-factor/recovery-codes', { code }),
  disableTwoFactor: (body: { password: string; totp?: string; recoveryCode?: string }) =>
    api.post('/api/me/two-factor/disable', body),
}
