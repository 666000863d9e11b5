// The content calendar: the posts of the units the caller may read that are scheduled or were published within a
// bounded range, each with the time it is shown at, its accounts and whether the caller may drag it to another
// time (the same rule reschedule-post.ts applies: its author or an approver, while approved or scheduled and no
// variant has started publishing).
import { listPostsInRange, variantsOf, type PostRecord } from '../../db/posts-repository.ts'
import { getUnit } from '../../db/units-repository.ts'
import type { PostingPlatform } from '../../shared/platforms.ts'
import type { PostStatus, VariantStatus } from '../../shared/statuses.ts'
import { can, unitScope, type Actor } from '../access/policy.ts'
import { AppError, problem } from '../app-error.ts'
import type { PostDeps } from './manage-posts.ts'
import { MOVABLE_POST_STATUSES, MOVABLE_VARIANT_STATUSES } from './reschedule-post.ts'

/** The longest range one request may ask for: a month view with its leading and trailing weeks fits. */
export const CALENDAR_MAX_DAYS = 62
const CALENDAR_LIMIT = 1000
const DAY_MS = 24 * 60 * 60 * 1000

export interface CalendarFilter {
  from: string
  to: string
  unitId?: string | undefined
  accountId?: string | undefined
  platform?: PostingPlatform | undefined
  status?: PostStatus | undefined
}

export interface CalendarPost {
  id: string
  title: string
  status: PostStatus
  unit: { id: string; name: string }
  crisis: boolean
  version: number
  scheduledAt: string | null
  /** The first publication of any of its variants; null while none is published. */
  publishedAt: string | null
  /** Where the calendar puts it: the first publication once published, otherwise the scheduled time. */
  at: string
  /** The caller may move it to another time (POST /api/posts/:id/reschedule). */
  movable: boolean
  variants: Array<{
    id: string
    accountId: string
    platform: PostingPlatform
    handle: string
    status: VariantStatus
  }>
}

export interface CalendarPosts {
  from: string
  to: string
  items: CalendarPost[]
  /** More posts lie in the range than one answer holds: narrow the filters or the range. */
  truncated: boolean
}

function checkedRange(filter: CalendarFilter): { from: Date; to: Date } {
  const from = new Date(filter.from)
  const to = new Date(filter.to)
  const span = to.getTime() - from.getTime()
  if (!(span > 0) || span > CALENDAR_MAX_DAYS * DAY_MS)
    throw new AppError(
      'invalid_input',
      'posts.calendar_range',
      { max: CALENDAR_MAX_DAYS },
      { to: problem('posts.calendar_range', { max: CALENDAR_MAX_DAYS }) },
    )
  return { from, to }
}

function mayMove(actor: Actor, post: PostRecord): boolean {
  if (!MOVABLE_POST_STATUSES.includes(post.status)) return false
  return (
    post.authorId === actor.userId ||
    can(actor, 'post.approve', { instansiId: post.instansiId, unitPath: post.unitPath })
  )
}

export async function listCalendarPosts(
  deps: Pick<PostDeps, 'db'>,
  actor: Actor,
  filter: CalendarFilter,
): Promise<CalendarPosts> {
  const range = checkedRange(filter)
  const answer = { from: range.from.toISOString(), to: range.to.toISOString() }
  let unitPath: string | undefined
  if (filter.unitId) {
    const unit = await getUnit(deps.db, actor.instansiId, filter.unitId)
    if (!unit) return { ...answer, items: [], truncated: false }
    unitPath = unit.path
  }
  const list = await listPostsInRange(
    deps.db,
    {
      instansiId: actor.instansiId,
      pathPrefixes: unitScope(actor, 'post.read').pathPrefixes,
      ...range,
      statuses: filter.status ? [filter.status] : undefined,
      unitPath,
      accountId: filter.accountId,
      platform: filter.platform,
    },
    CALENDAR_LIMIT + 1,
  )
  const posts = list.slice(0, CALENDAR_LIMIT)
  const variants = await variantsOf(
    deps.db,
    actor.instansiId,
    posts.map((post) => post.id),
  )
  const items = posts.flatMap((post): CalendarPost[] => {
    const own = variants.filter((variant) => variant.postId === post.id)
    const published = own
      .map((variant) => variant.publishedAt)
      .filter((at): at is Date => at !== null)
      .sort((a, b) => a.getTime() - b.getTime())[0]
    const at = published ?? post.scheduledAt
    if (!at) return []
    return [
      {
        id: post.id,
        title: post.title,
        status: post.status as PostStatus,
        unit: { id: post.unitId, name: post.unitName },
        crisis: post.crisis,
        version: post.version,
        scheduledAt: post.scheduledAt?.toISOString() ?? null,
        publishedAt: published?.toISOString() ?? null,
        at: at.toISOString(),
        movable:
          mayMove(actor, post) && own.every((variant) => MOVABLE_VARIANT_STATUSES.includes(variant.status)),
        variants: own.map((variant) => ({
          id: variant.id,
          accountId: variant.accountId,
          platform: variant.platform as PostingPlatform,
          handle: variant.handle,
          status: variant.status as VariantStatus,
        })),
      },
    ]
  })
  items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
  return { ...answer, items, truncated: list.length > CALENDAR_LIMIT }
}
