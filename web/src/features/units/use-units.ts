// The units the user may see, as a flat list and as select options; several pages need them.
import { api } from '../../app/api-client.ts'
import { useLoad } from '../../components/use-load.ts'
import { buildUnitTree, flattenUnitTree, type Unit } from './unit-tree.ts'

export function useUnits(includeArchived = false) {
  const loaded = useLoad(
    () => api.get<{ items: Unit[] }>(`/api/units${includeArchived ? '?includeArchived=true' : ''}`),
    [includeArchived],
  )
  const units = loaded.data?.items ?? []
  const options = flattenUnitTree(buildUnitTree(units))
  return { ...loaded, units, options }
}
