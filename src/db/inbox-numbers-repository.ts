// The numbers an office reports about its inbox (issue #9 item 6, rules.md rule 41): first-response time, the share
// answered within the reply target per unit and per account, the backlog's age, volume by intent and sentiment.
// Aggregates only, computed in the database over the items received in a period and within the caller's unit
// subtrees; duplicates folded into another item are not counted twice. First-response time runs from when Warta
// received the item (a comment read back on connecting an account does not count the weeks before it was connected).
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from './client.ts'
import { escapeLike, rowsOf } from './sql-helpers.ts'

export interface InboxNumbersFilter {
  instansiId: string
  /** The caller's unit subtrees (materialised paths). */
  pathPrefixes: readonly string[]
  /** Narrowed to one unit's subtree. */
  unitPath?: string | undefined
  accountId?: string | undefined
  /** Items received in [from, until). */
  from: Date
  until: Date
  now: Date
}

/** Reply-target figures of a set of items. */
export interface ResponseFigures {
  received: number
  answered: number
  /** Seconds from receipt to the first reply; null when nothing was answered. */
  medianFirstResponseSeconds: number | null
  p90FirstResponseSeconds: number | null
  /** Items that had a reply target, and how they fared against it. */
  withTarget: number
  onTime: number
  breached: number
  /** Not answered yet and not yet due. */
  pending: number
}

export interface UnitFigures extends ResponseFigures {
  unitId: string
  unitName: string
}

export interface AccountFigures extends ResponseFigures {
  accountId: string
  platform: string
  handle: string
}

export interface BacklogFigures {
  open: number
  oldestReceivedAt: Date | null
  /** Open items by age: under 1 hour, 1–8 hours, 8–24 hours, 1–3 days, over 3 days. */
  byAge: { underHour: number; hours1to8: number; hours8to24: number; days1to3: number; overDays3: number }
}

export interface InboxNumbers {
  overall: ResponseFigures
  byUnit: UnitFigures[]
  byAccount: AccountFigures[]
  byIntent: { intent: string | null; count: number }[]
  bySentiment: { sentiment: string | null; count: number }[]
  backlog: BacklogFigures
}

function scopeOf(filter: InboxNumbersFilter): SQL {
  const within =
    filter.pathPrefixes.length === 0
      ? sql`false`
      : sql.join(
          filter.pathPrefixes.map((prefix) => sql`i.unit_path like ${`${escapeLike(prefix)}%`}`),
          sql` or `,
        )
  return sql`i.instansi_id = ${filter.instansiId} and (${within})
    ${filter.unitPath ? sql`and i.unit_path like ${`${escapeLike(filter.unitPath)}%`}` : sql``}
    ${filter.accountId ? sql`and i.account_id = ${filter.accountId}` : sql``}
    and i.duplicate_of is null`
}

function periodOf(filter: InboxNumbersFilter): SQL {
  return sql`i.received_at >= ${filter.from.toISOString()}::timestamptz
    and i.received_at < ${filter.until.toISOString()}::timestamptz`
}

/** The select list of ResponseFigures over the rows `i` (grouped or not). */
function figuresColumns(now: Date): SQL {
  const nowAt = sql`${now.toISOString()}::timestamptz`
  const seconds = sql`extract(epoch from (i.first_response_at - i.received_at))`
  return sql`count(*)::int as received,
    count(i.first_response_at)::int as answered,
    percentile_cont(0.5) within group (order by ${seconds}) filter (where i.first_response_at is not null)
      as median_seconds,
    percentile_cont(0.9) within group (order by ${seconds}) filter (where i.first_response_at is not null)
      as p90_seconds,
    count(i.sla_due_at)::int as with_target,
    count(*) filter (where i.sla_due_at is not null and i.first_response_at <= i.sla_due_at)::int as on_time,
    count(*) filter (where i.sla_due_at is not null and (i.first_response_at > i.sla_due_at
      or (i.first_response_at is null and i.sla_due_at < ${nowAt})))::int as breached,
    count(*) filter (where i.sla_due_at is not null and i.first_response_at is null
      and i.sla_due_at >= ${nowAt})::int as pending`
}

interface FiguresRow {
  received: number
  answered: number
  median_seconds: number | string | null
  p90_seconds: number | string | null
  with_target: number
  on_time: number
  breached: number
  pending: number
}

function secondsOf(value: number | string | null): number | null {
  return value === null ? null : Math.round(Number(value))
}

function figuresOf(row: FiguresRow | undefined): ResponseFigures {
  return {
    received: Number(row?.received ?? 0),
    answered: Number(row?.answered ?? 0),
    medianFirstResponseSeconds: secondsOf(row?.median_seconds ?? null),
    p90FirstResponseSeconds: secondsOf(row?.p90_seconds ?? null),
    withTarget: Number(row?.with_target ?? 0),
    onTime: Number(row?.on_time ?? 0),
    breached: Number(row?.breached ?? 0),
    pending: Number(row?.pending ?? 0),
  }
}

export async function inboxNumbers(db: Db, filter: InboxNumbersFilter): Promise<InboxNumbers> {
  const scope = scopeOf(filter)
  const period = periodOf(filter)
  const columns = figuresColumns(filter.now)
  const nowAt = sql`${filter.now.toISOString()}::timestamptz`
  const [overall, byUnit, byAccount, byIntent, bySentiment, backlog] = await Promise.all([
    db.execute(sql`select ${columns} from inbox_items i where ${scope} and ${period}`),
    db.execute(sql`select i.unit_id, u.name as unit_name, ${columns}
      from inbox_items i join units u on u.id = i.unit_id
      where ${scope} and ${period}
      group by i.unit_id, u.name order by u.name`),
    db.execute(sql`select i.account_id, a.platform, a.handle, ${columns}
      from inbox_items i join accounts a on a.id = i.account_id
      where ${scope} and ${period}
      group by i.account_id, a.platform, a.handle order by a.platform, a.handle`),
    db.execute(sql`select i.intent, count(*)::int as count from inbox_items i
      where ${scope} and ${period} group by i.intent order by count(*) desc`),
    db.execute(sql`select i.sentiment, count(*)::int as count from inbox_items i
      where ${scope} and ${period} group by i.sentiment order by count(*) desc`),
    // The backlog is now's, whatever the period: what is still owed.
    db.execute(sql`select count(*)::int as open, min(i.received_at) as oldest,
      count(*) filter (where i.received_at > ${nowAt} - interval '1 hour')::int as under_hour,
      count(*) filter (where i.received_at <= ${nowAt} - interval '1 hour'
        and i.received_at > ${nowAt} - interval '8 hours')::int as hours1to8,
      count(*) filter (where i.received_at <= ${nowAt} - interval '8 hours'
        and i.received_at > ${nowAt} - interval '1 day')::int as hours8to24,
      count(*) filter (where i.received_at <= ${nowAt} - interval '1 day'
        and i.received_at > ${nowAt} - interval '3 days')::int as days1to3,
      count(*) filter (where i.received_at <= ${nowAt} - interval '3 days')::int as over_days3
      from inbox_items i where ${scope} and i.status in ('new', 'open') and i.deleted_at is null`),
  ])
  const backlogRow = rowsOf<{
    open: number
    oldest: Date | string | null
    under_hour: number
    hours1to8: number
    hours8to24: number
    days1to3: number
    over_days3: number
  }>(backlog)[0]
  return {
    overall: figuresOf(rowsOf<FiguresRow>(overall)[0]),
    byUnit: rowsOf<FiguresRow & { unit_id: string; unit_name: string }>(byUnit).map((row) => ({
      unitId: row.unit_id,
      unitName: row.unit_name,
      ...figuresOf(row),
    })),
    byAccount: rowsOf<FiguresRow & { account_id: string; platform: string; handle: string }>(byAccount).map(
      (row) => ({ accountId: row.account_id, platform: row.platform, handle: row.handle, ...figuresOf(row) }),
    ),
    byIntent: rowsOf<{ intent: string | null; count: number }>(byIntent).map((row) => ({
      intent: row.intent,
      count: Number(row.count),
    })),
    bySentiment: rowsOf<{ sentiment: string | null; count: number }>(bySentiment).map((row) => ({
      sentiment: row.sentiment,
      count: Number(row.count),
    })),
    backlog: {
      open: Number(backlogRow?.open ?? 0),
      oldestReceivedAt: backlogRow?.oldest ? new Date(backlogRow.oldest) : null,
      byAge: {
        underHour: Number(backlogRow?.under_hour ?? 0),
        hours1to8: Number(backlogRow?.hours1to8 ?? 0),
        hours8to24: Number(backlogRow?.hours8to24 ?? 0),
        days1to3: Number(backlogRow?.days1to3 ?? 0),
        overDays3: Number(backlogRow?.over_days3 ?? 0),
      },
    },
  }
}
