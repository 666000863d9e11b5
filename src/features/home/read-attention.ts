// "What needs attention" on the home page: for a new instansi, a getting-started checklist; for everyone, counts
// of what is wrong with the official accounts they can see (names breaking a pattern, no platform 2FA, pengelola
// without a surat tugas, passwords not changed within the period), each with a list behind it. A fixed handful of
// queries whatever the number of accounts: the counts are aggregates in the database, and only the naming check
// (patterns with inherited unit attributes) reads the accounts' names, once.
import {
  countAccountAttention,
  listAccountsOnPlatforms,
  listAccountsWithoutPlatformTwoFactor,
  listAccountsWithRotationOverdue,
  listPengelolaWithoutSuratTugas,
  readSetupProgress,
  type AccountScope,
  type AttentionAccountRow,
  type Page,
} from '../../db/attention-repository.ts'
import { getNamingPatterns } from '../../db/settings-repository.ts'
import type { AttentionItem, ChecklistStep } from '../../shared/attention.ts'
import { TWO_FACTOR_ROLES } from '../../shared/roles.ts'
import { can, unitScope, type Actor } from '../access/policy.ts'
import { addCalendarDays, jakartaDateOf } from '../calendar/add-working-days.ts'
import { loadCalendarSettings, yearsWithoutTable } from '../calendar/manage-calendar.ts'
import { evaluateNaming, type NamingVerdict } from '../naming/account-naming.ts'
import { loadAttentionSettings, type AttentionDeps, type AttentionSettings } from './attention-settings.ts'

export {
  ATTENTION_ITEMS,
  CHECKLIST_STEPS,
  type AttentionItem,
  type ChecklistStep,
} from '../../shared/attention.ts'

export interface ChecklistEntry {
  step: ChecklistStep
  done: boolean
  /** What the step counts: units below the top, patterns, accounts, active users, approvers without 2FA. */
  count: number
}

export interface AttentionView {
  /** The getting-started checklist, for an admin of the whole instansi only (null for anyone else). */
  checklist: ChecklistEntry[] | null
  counts: Array<{ item: AttentionItem; count: number }>
  /** Official accounts the caller can see. */
  accounts: number
  settings: AttentionSettings
  /** Credentials last changed before this date (Asia/Jakarta) are overdue. */
  rotationCutoff: string
  /** Years (this and next) without a holiday table, for someone who can import one; otherwise empty. */
  calendarMissingYears: number[]
}

function scopeOf(actor: Actor): AccountScope {
  return { instansiId: actor.instansiId, pathPrefixes: unitScope(actor, 'account.read').pathPrefixes }
}

/** The date before which a credential rotation is overdue: today minus the period. */
export function rotationCutoffOf(now: Date, days: number): string {
  return addCalendarDays(jakartaDateOf(now), -days)
}

/** The accounts in scope whose handle breaks the pattern of their platform, with the verdict. */
async function namingBreaches(
  deps: AttentionDeps,
  actor: Actor,
  scope: AccountScope,
): Promise<Array<{ account: AttentionAccountRow; verdict: NamingVerdict }>> {
  const patterns = await getNamingPatterns(deps.db, actor.instansiId)
  const rows = await listAccountsOnPlatforms(deps.db, scope, Object.keys(patterns))
  if (rows.length === 0) return []
  const verdicts = await evaluateNaming(
    deps.db,
    actor.instansiId,
    rows.map((row) => ({ ...row, id: row.accountId })),
    patterns,
  )
  return rows.flatMap((account) => {
    const verdict = verdicts.get(account.accountId)
    return verdict && !verdict.compliant ? [{ account, verdict }] : []
  })
}

export async function readAttention(deps: AttentionDeps, actor: Actor): Promise<AttentionView> {
  const scope = scopeOf(actor)
  const now = deps.clock.now()
  const settings = await loadAttentionSettings(deps.db, actor.instansiId)
  const rotationCutoff = rotationCutoffOf(now, settings.credentialRotationDays)
  const isInstansiAdmin = can(actor, 'settings.manage', { instansiId: actor.instansiId })
  const managesCalendar = can(actor, 'calendar.manage', { instansiId: actor.instansiId })
  const [counts, breaches, progress, patterns, calendarSettings] = await Promise.all([
    countAccountAttention(deps.db, scope, rotationCutoff),
    namingBreaches(deps, actor, scope),
    isInstansiAdmin ? readSetupProgress(deps.db, actor.instansiId, TWO_FACTOR_ROLES) : undefined,
    isInstansiAdmin ? getNamingPatterns(deps.db, actor.instansiId) : undefined,
    managesCalendar ? loadCalendarSettings(deps.db, actor.instansiId) : undefined,
  ])
  const patternCount = Object.values(patterns ?? {}).filter(Boolean).length
  return {
    checklist: progress
      ? [
          { step: 'units', done: progress.unitsBelowTop > 0, count: progress.unitsBelowTop },
          { step: 'naming', done: patternCount > 0, count: patternCount },
          { step: 'accounts', done: progress.accounts > 0, count: progress.accounts },
          // The first admin alone is not yet an office: someone else must be able to draft or approve.
          { step: 'users', done: progress.activeUsers > 1, count: progress.activeUsers },
          {
            step: 'two_factor',
            done: progress.approversWithoutTwoFactor === 0,
            count: progress.approversWithoutTwoFactor,
          },
        ]
      : null,
    counts: [
      { item: 'naming', count: breaches.length },
      { item: 'platform_two_factor', count: counts.withoutPlatformTwoFactor },
      { item: 'surat_tugas', count: counts.pengelolaWithoutSuratTugas },
      { item: 'credential_rotation', count: counts.rotationOverdue },
    ],
    accounts: counts.accounts,
    settings,
    rotationCutoff,
    calendarMissingYears: calendarSettings ? yearsWithoutTable(calendarSettings, now) : [],
  }
}

/** One entry of a list behind a count: the account, and what is wrong with it. */
export interface AttentionEntry {
  accountId: string
  platform: string
  handle: string
  status: string
  unit: { id: string; code: string; name: string }
  platformTwoFactor: boolean
  credentialRotatedOn: string | null
  /** For 'naming': the pattern and the name it asks for. */
  naming: { pattern: string; expected: string } | null
  /** For 'surat_tugas': the pengelola and what their assignment records. */
  pengelola: {
    userId: string
    name: string
    suratTugasNumber: string | null
    suratTugasDate: string | null
  } | null
}

function entryOf(row: AttentionAccountRow): AttentionEntry {
  return {
    accountId: row.accountId,
    platform: row.platform,
    handle: row.handle,
    status: row.status,
    unit: { id: row.unitId, code: row.unitCode, name: row.unitName },
    platformTwoFactor: row.platformTwoFactor,
    credentialRotatedOn: row.credentialRotatedOn,
    naming: null,
    pengelola: null,
  }
}

export async function listAttention(
  deps: AttentionDeps,
  actor: Actor,
  item: AttentionItem,
  page: Page,
): Promise<{ items: AttentionEntry[]; total: number }> {
  const scope = scopeOf(actor)
  switch (item) {
    case 'naming': {
      const breaches = await namingBreaches(deps, actor, scope)
      return {
        items: breaches.slice(page.offset, page.offset + page.limit).map(({ account, verdict }) => ({
          ...entryOf(account),
          naming: { pattern: verdict.pattern, expected: verdict.expected },
        })),
        total: breaches.length,
      }
    }
    case 'platform_two_factor': {
      const { items, total } = await listAccountsWithoutPlatformTwoFactor(deps.db, scope, page)
      return { items: items.map(entryOf), total }
    }
    case 'credential_rotation': {
      const settings = await loadAttentionSettings(deps.db, actor.instansiId)
      const cutoff = rotationCutoffOf(deps.clock.now(), settings.credentialRotationDays)
      const { items, total } = await listAccountsWithRotationOverdue(deps.db, scope, cutoff, page)
      return { items: items.map(entryOf), total }
    }
    case 'surat_tugas': {
      const { items, total } = await listPengelolaWithoutSuratTugas(deps.db, scope, page)
      return {
        items: items.map((row) => ({
          ...entryOf(row),
          pengelola: {
            userId: row.userId,
            name: row.userName,
            suratTugasNumber: row.suratTugasNumber,
            suratTugasDate: row.suratTugasDate,
          },
        })),
        total,
      }
    }
  }
}
