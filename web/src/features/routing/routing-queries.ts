// Server state of the routing rules: the ordered list (with what a rule may name), every change and the preview.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../app/api-client.ts'
import type {
  RoutingPreview,
  RoutingPreviewBody,
  RoutingRule,
  RoutingRuleBody,
  RoutingRuleList,
} from './routing-types.ts'

export const routingKeys = { all: ['routing-rules'] as const }

export const routingListQuery = queryOptions({
  queryKey: routingKeys.all,
  queryFn: () => api.get<RoutingRuleList>('/api/routing-rules'),
})

export const routingRequests = {
  create: (body: RoutingRuleBody) => api.post<RoutingRule>('/api/routing-rules', body),
  update: ({ id, body }: { id: string; body: Partial<RoutingRuleBody> }) =>
    api.patch<RoutingRule>(`/api/routing-rules/${id}`, body),
  remove: (id: string) => api.delete<{ id: string }>(`/api/routing-rules/${id}`),
  reorder: (ids: string[]) => api.put<RoutingRuleList>('/api/routing-rules/order', { ids }),
  preview: (body: RoutingPreviewBody) => api.post<RoutingPreview>('/api/routing-rules/preview', body),
}

export function useRoutingChange<TVariables, TResult = unknown>(
  change: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: routingKeys.all }),
  })
}
