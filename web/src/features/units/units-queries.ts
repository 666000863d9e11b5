// Server state of the unit tree: the list (with or without archived units) and every change to it. A change
// also refreshes users and accounts, which show unit names.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { api } from '../../app/api-client.ts'
import { buildUnitTree, flattenUnitTree } from './unit-tree.ts'
import type { Unit } from './units-types.ts'

export const unitKeys = {
  all: ['units'] as const,
  list: (includeArchived: boolean) => ['units', { includeArchived }] as const,
}

export function unitsQuery(includeArchived = false) {
  return queryOptions({
    queryKey: unitKeys.list(includeArchived),
    queryFn: () => api.get<{ items: Unit[] }>(`/api/units${includeArchived ? '?includeArchived=true' : ''}`),
  })
}

/** The units the user may see, as a flat list and as tree-ordered options; several pages need them. */
export function useUnits(includeArchived = false) {
  const query = useQuery(unitsQuery(includeArchived))
  const units = useMemo(() => query.data?.items ?? [], [query.data])
  const options = useMemo(() => flattenUnitTree(buildUnitTree(units)), [units])
  return { ...query, units, options }
}

export function useUnitChange<TVariables>(change: (variables: TVariables) => Promise<unknown>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: unitKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['users'] }),
        queryClient.invalidateQueries({ queryKey: ['accounts'] }),
      ]),
  })
}

export const unitRequests = {
  create: (body: { name: string; code: string; parentId: string | undefined; kind: string }) =>
    api.post('/api/units', body),
  update: ({
    id,
    ...body
  }: {
    id: string
    name: string
    code: string
    kind: string
    contact: string
    attributes: Record<string, string>
  }) => api.patch(`/api/units/${id}`, body),
  move: ({ id, parentId }: { id: string; parentId: string }) =>
    api.post(`/api/units/${id}/move`, { parentId }),
  archive: ({ id, force }: { id: string; force: boolean }) => api.post(`/api/units/${id}/archive`, { force }),
  unarchive: ({ id }: { id: string }) => api.post(`/api/units/${id}/unarchive`),
}
