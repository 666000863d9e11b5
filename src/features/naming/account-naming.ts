// Naming conventions for official account handles: the admin sets one pattern per platform (see
// naming-pattern.ts for the language); every account is checked against the pattern of its platform, with
// placeholders filled from the instansi slug, the unit code and the unit's (inherited) attributes.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { getInstansi } from '../../db/instansi-repository.ts'
import { getNamingPatterns, setNamingPatterns } from '../../db/settings-repository.ts'
import { listAccounts, type AccountRecord } from '../../db/accounts-repository.ts'
import { getUnitsByIds } from '../../db/units-repository.ts'
import { authorize, unitScope, type Actor } from '../access/policy.ts'
import { isPlatform, PLATFORMS, type Platform } from '../accounts/platform-handle.ts'
import { AppError } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { inheritedAttributes } from '../units/unit-tree.ts'
import { checkHandleAgainstPattern, parseNamingPattern } from './naming-pattern.ts'

export interface NamingDeps {
  db: Db
  clock: Clock
}

export interface NamingVerdict {
  pattern: string
  compliant: boolean
  expected: string
  reason: string | null
}

type NamedAccount = Pick<AccountRecord, 'id' | 'platform' | 'handle' | 'unitPath' | 'unitCode'>

/** The verdict per account id; an account whose platform has no pattern gets none. */
export async function evaluateNaming(
  db: Db,
  instansiId: string,
  accounts: readonly NamedAccount[],
  patterns?: Record<string, string>,
): Promise<Map<string, NamingVerdict>> {
  const verdicts = new Map<string, NamingVerdict>()
  const active = patterns ?? (await getNamingPatterns(db, instansiId))
  const relevant = accounts.filter((account) => active[account.platform])
  if (relevant.length === 0) return verdicts
  const instansi = await getInstansi(db, instansiId)
  const ancestorIds = new Set(relevant.flatMap((account) => account.unitPath.split('/').filter(Boolean)))
  const ancestors = await getUnitsByIds(db, instansiId, [...ancestorIds])
  const attributesById = new Map(ancestors.map((unit) => [unit.id, unit.attributes]))
  for (const account of relevant) {
    const pattern = active[account.platform]!
    const values = {
      ...inheritedAttributes(account.unitPath, attributesById),
      instansi: instansi?.slug ?? '',
      unit: account.unitCode,
    }
    const check = checkHandleAgainstPattern(pattern, account.handle, values)
    verdicts.set(account.id, {
      pattern,
      compliant: check.compliant,
      expected: check.expected,
      reason: check.compliant ? null : check.reason,
    })
  }
  return verdicts
}

export async function readNamingPatterns(
  deps: NamingDeps,
  actor: Actor,
): Promise<Partial<Record<Platform, string>>> {
  if (unitScope(actor, 'account.read').pathPrefixes.length === 0)
    throw new AppError('forbidden', 'Anda tidak berwenang melihat pola nama akun.')
  return getNamingPatterns(deps.db, actor.instansiId)
}

/** Replaces the patterns; a platform left out (or given an empty pattern) has no convention. */
export async function updateNamingPatterns(
  deps: NamingDeps,
  actor: Actor,
  input: Partial<Record<string, string | null>>,
  meta: ChangeMeta,
): Promise<Partial<Record<Platform, string>>> {
  authorize(actor, 'naming.manage', { instansiId: actor.instansiId })
  const patterns: Partial<Record<Platform, string>> = {}
  const details: Record<string, string> = {}
  for (const [platform, pattern] of Object.entries(input)) {
    if (!isPlatform(platform)) {
      details[platform] = `Platform tidak dikenal; pilih dari: ${PLATFORMS.join(', ')}.`
      continue
    }
    if (pattern === null || pattern === undefined || pattern.trim() === '') continue
    try {
      parseNamingPattern(pattern)
      patterns[platform] = pattern.trim()
    } catch (error) {
      details[platform] = error instanceof Error ? error.message : String(error)
    }
  }
  if (Object.keys(details).length > 0)
    throw new AppError('invalid_input', `Pola nama tidak valid: ${Object.values(details).join(' ')}`, details)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const before = await getNamingPatterns(tx, actor.instansiId)
    await setNamingPatterns(tx, actor.instansiId, patterns, now)
    await recordChange(
      tx,
      actor,
      meta,
      { action: 'naming.update', objectType: 'naming_patterns', objectId: null, before, after: patterns },
      now,
    )
  })
  return patterns
}

export interface NamingReportItem {
  accountId: string
  platform: string
  handle: string
  unitId: string
  unitCode: string
  unitName: string
  pattern: string
  expected: string
  reason: string
}

/** Every account the actor may see whose handle breaks its platform's pattern, with the reason. */
export async function namingReport(
  deps: NamingDeps,
  actor: Actor,
  filter: { platform?: string | undefined } = {},
): Promise<NamingReportItem[]> {
  const scope = unitScope(actor, 'account.read')
  const patterns = await getNamingPatterns(deps.db, actor.instansiId)
  if (Object.keys(patterns).length === 0) return []
  const { items } = await listAccounts(
    deps.db,
    { instansiId: actor.instansiId, pathPrefixes: scope.pathPrefixes, platform: filter.platform },
    undefined,
  )
  const verdicts = await evaluateNaming(deps.db, actor.instansiId, items, patterns)
  return items.flatMap((account) => {
    const verdict = verdicts.get(account.id)
    if (!verdict || verdict.compliant) return []
    return [
      {
        accountId: account.id,
        platform: account.platform,
        handle: account.handle,
        unitId: account.unitId,
        unitCode: account.unitCode,
        unitName: account.unitName,
        pattern: verdict.pattern,
        expected: verdict.expected,
        reason: verdict.reason ?? '',
      },
    ]
  })
}
