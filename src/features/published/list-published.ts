// The published registry ("Arsip terbit"): every variant of the instansi that was published, may have been
// (unconfirmed) or could not be (failed) — what, where, when, by whom, its address and its latest metrics — in the
// units where the caller may read posts, with search, filters, sort, paging and the totals of the filtered set.
// Dates are typed as WIB calendar days: a day runs from 00:00 to 24:00 WIB, whatever the server's zone.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import {
  listPublished,
  totalPublished,
  type PublishedFilter,
  type PublishedRecord,
  type PublishedSort,
  type PublishedTotals,
} from '../../db/published-repository.ts'
import { getUnit } from '../../db/units-repository.ts'
import { PUBLISHED_REGISTRY_STATUSES, type PublishedRegistryStatus } from '../../shared/statuses.ts'
import { authorize, unitScope, type Action, type Actor } from '../access/policy.ts'
import { AppError } from '../app-error.ts'

export interface PublishedDeps {
  db: Db
  clock: Clock
}

export interface PublishedQuery {
  q?: string | undefined
  unitId?: string | undefined
  accountId?: string | undefined
  platform?: string | undefined
  /** First WIB day (YYYY-MM-DD), included. */
  from?: string | undefined
  /** Last WIB day (YYYY-MM-DD), included. */
  to?: string | undefined
  tag?: string | undefined
  campaign?: string | undefined
  status?: PublishedRegistryStatus | undefined
  sort?: PublishedSort | undefined
}

export interface PublishedPage {
  items: PublishedRecord[]
  total: number
  totals: PublishedTotals
}

/** WIB is UTC+7 all year (no daylight saving). */
const WIB_OFFSET = '+07:00'
const DAY_MS = 24 * 60 * 60 * 1000

/** The instant a WIB calendar day starts. */
export function startOfWibDay(day: string): Date {
  return new Date(`${day}T00:00:00${WIB_OFFSET}`)
}

export const DEFAULT_PUBLISHED_SORT: PublishedSort = { key: 'at', direction: 'desc' }

/** The repository's filter for this caller: their post.read units, narrowed by the query. */
export async function publishedFilterOf(
  deps: PublishedDeps,
  actor: Actor,
  query: PublishedQuery,
): Promise<PublishedFilter> {
  const action: Action = 'post.read'
  const scope = unitScope(actor, action)
  if (scope.pathPrefixes.length === 0) throw new AppError('forbidden', 'common.forbidden_action', { action })
  let unitPath: string | undefined
  if (query.unitId) {
    const unit = await getUnit(deps.db, actor.instansiId, query.unitId)
    if (!unit) throw new AppError('not_found', 'common.not_found')
    // A unit outside the caller's units is refused rather than shown empty: the filter offers only theirs.
    authorize(actor, action, { instansiId: actor.instansiId, unitPath: unit.path })
    unitPath = unit.path
  }
  return {
    instansiId: actor.instansiId,
    pathPrefixes: scope.pathPrefixes,
    unitPath,
    accountId: query.accountId,
    platform: query.platform,
    from: query.from ? startOfWibDay(query.from) : undefined,
    until: query.to ? new Date(startOfWibDay(query.to).getTime() + DAY_MS) : undefined,
    tag: query.tag?.trim() || undefined,
    campaign: query.campaign?.trim() || undefined,
    statuses: query.status ? [query.status] : PUBLISHED_REGISTRY_STATUSES,
    query: query.q?.trim() || undefined,
  }
}

export async function listPublishedPage(
  deps: PublishedDeps,
  actor: Actor,
  query: PublishedQuery,
  page: { limit: number; offset: number },
): Promise<PublishedPage> {
  const filter = await publishedFilterOf(deps, actor, query)
  const [items, totals] = await Promise.all([
    listPublished(deps.db, filter, query.sort ?? DEFAULT_PUBLISHED_SORT, page),
    totalPublished(deps.db, filter),
  ])
  return { items, total: totals.variants, totals }
}
