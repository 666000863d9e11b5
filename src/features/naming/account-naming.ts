// Naming conventions for official account handles: the admin sets one pattern per platform (see
// naming-pattern.ts for the language); every account is checked against the pattern of its platform, with
// placeholders filled from the instansi slug, the unit code and the unit's (inherited) attributes.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { getInstansi } from '../../db/instansi-repository.ts'
import { getNamingPatterns, setNamingPatterns } from '../../db/settings-repository.ts'
import { listAccounts, type AccountRecord } from '../../db/accounts-repository.ts'
import { getUnit, getUnitsByIds, listUnits } from '../../db/units-repository.ts'
import type { Problem } from '../../shared/errors.ts'
import { authorize, can, unitScope, type Actor } from '../access/policy.ts'
import { isPlatform, PLATFORMS, type Platform } from '../accounts/platform-handle.ts'
import { AppError, isAppError, problem } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { inheritedAttributes } from '../units/unit-tree.ts'
import { checkHandleAgainstPattern, parseNamingPattern } from './naming-pattern.ts'
import {
  checkPatternFit,
  renderForUnit,
  type UnitNamingValues,
  type UnitRendering,
} from './pattern-platform-fit.ts'

export interface NamingDeps {
  db: Db
  clock: Clock
}

export interface NamingVerdict {
  pattern: string
  compliant: boolean
  expected: string
  /** Why the handle breaks the pattern (a message key with parameters), or null. */
  reason: Problem | null
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

/** Platform → what to look at in its pattern (it is saved, but some units cannot comply, see pattern-platform-fit.ts). */
export type NamingWarnings = Partial<Record<Platform, Problem[]>>

export interface NamingPatternsView {
  patterns: Partial<Record<Platform, string>>
  warnings: NamingWarnings
}

/** Every active unit of the instansi with the values its placeholders take (attributes inherited from above). */
async function unitNamingValues(db: Db, instansiId: string): Promise<UnitNamingValues[]> {
  const [instansi, units] = await Promise.all([
    getInstansi(db, instansiId),
    listUnits(db, { instansiId, pathPrefixes: ['/'] }),
  ])
  const attributesById = new Map(units.map((unit) => [unit.id, unit.attributes]))
  return units.map((unit) => ({
    code: unit.code,
    values: {
      ...inheritedAttributes(unit.path, attributesById),
      instansi: instansi?.slug ?? '',
      unit: unit.code,
    },
  }))
}

function warningsOf(
  patterns: Partial<Record<Platform, string>>,
  units: readonly UnitNamingValues[],
): NamingWarnings {
  const warnings: NamingWarnings = {}
  for (const platform of PLATFORMS) {
    const pattern = patterns[platform]
    if (!pattern) continue
    try {
      const fit = checkPatternFit(platform, pattern, units)
      const found = [...fit.errors, ...fit.warnings]
      if (found.length > 0) warnings[platform] = found
    } catch (error) {
      // A pattern stored before a rule existed: show why it no longer parses.
      if (!isAppError(error)) throw error
      warnings[platform] = [problem(error.key, error.params)]
    }
  }
  return warnings
}

/** The patterns; with the warnings about them for those who may change them (they name units instansi-wide). */
export async function readNamingPatterns(deps: NamingDeps, actor: Actor): Promise<NamingPatternsView> {
  if (unitScope(actor, 'account.read').pathPrefixes.length === 0)
    throw new AppError('forbidden', 'naming.forbidden_read')
  const patterns: Partial<Record<Platform, string>> = await getNamingPatterns(deps.db, actor.instansiId)
  if (!can(actor, 'naming.manage', { instansiId: actor.instansiId })) return { patterns, warnings: {} }
  return { patterns, warnings: warningsOf(patterns, await unitNamingValues(deps.db, actor.instansiId)) }
}

/**
 * Replaces the patterns; a platform left out (or given an empty pattern) has no convention. A pattern that no
 * unit could ever comply with is refused; one that some units cannot comply with today is saved with warnings.
 */
export async function updateNamingPatterns(
  deps: NamingDeps,
  actor: Actor,
  input: Partial<Record<string, string | null>>,
  meta: ChangeMeta,
): Promise<NamingPatternsView> {
  authorize(actor, 'naming.manage', { instansiId: actor.instansiId })
  const patterns: Partial<Record<Platform, string>> = {}
  const details: Record<string, Problem> = {}
  for (const [platform, pattern] of Object.entries(input)) {
    if (!isPlatform(platform)) {
      details[platform] = problem('naming.platform_unknown', { options: [...PLATFORMS] })
      continue
    }
    if (pattern === null || pattern === undefined || pattern.trim() === '') continue
    try {
      parseNamingPattern(pattern)
      patterns[platform] = pattern.trim()
    } catch (error) {
      if (!isAppError(error)) throw error
      details[platform] = problem(error.key, error.params)
    }
  }
  const units = await unitNamingValues(deps.db, actor.instansiId)
  const warnings: NamingWarnings = {}
  for (const platform of PLATFORMS) {
    const pattern = patterns[platform]
    if (!pattern) continue
    const fit = checkPatternFit(platform, pattern, units)
    if (fit.errors[0]) details[platform] = fit.errors[0]
    else if (fit.warnings.length > 0) warnings[platform] = fit.warnings
  }
  if (Object.keys(details).length > 0)
    throw new AppError('invalid_input', 'naming.invalid', { count: Object.keys(details).length }, details)
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
  return { patterns, warnings }
}

export interface NamingTest extends UnitRendering {
  platform: Platform
  pattern: string
  unit: { id: string; code: string; name: string }
}

/**
 * What a pattern (the one typed in the test box, or the saved one) gives a unit on a platform, and whether the
 * platform accepts that name. A pattern with a syntax error is answered as a field problem of `pattern`.
 */
export async function testNamingPattern(
  deps: NamingDeps,
  actor: Actor,
  input: { platform: Platform; unitId: string; pattern?: string | undefined },
): Promise<NamingTest | null> {
  const unit = await getUnit(deps.db, actor.instansiId, input.unitId)
  if (!unit) throw new AppError('not_found', 'units.not_found')
  authorize(actor, 'unit.read', { instansiId: unit.instansiId, unitPath: unit.path })
  const pattern =
    input.pattern?.trim() || (await getNamingPatterns(deps.db, actor.instansiId))[input.platform] || ''
  if (pattern === '') return null
  try {
    parseNamingPattern(pattern)
  } catch (error) {
    if (!isAppError(error)) throw error
    throw new AppError('invalid_input', error.key, error.params, {
      pattern: problem(error.key, error.params),
    })
  }
  const ancestors = await getUnitsByIds(deps.db, actor.instansiId, unit.path.split('/').filter(Boolean))
  const instansi = await getInstansi(deps.db, actor.instansiId)
  const values = {
    ...inheritedAttributes(unit.path, new Map(ancestors.map((row) => [row.id, row.attributes]))),
    instansi: instansi?.slug ?? '',
    unit: unit.code,
  }
  return {
    platform: input.platform,
    pattern,
    unit: { id: unit.id, code: unit.code, name: unit.name },
    ...renderForUnit(input.platform, pattern, values),
  }
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
  reason: Problem
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
        handle: account.handleDisplay ?? account.handle,
        unitId: account.unitId,
        unitCode: account.unitCode,
        unitName: account.unitName,
        pattern: verdict.pattern,
        expected: verdict.expected,
        reason:
          verdict.reason ??
          problem('naming.reason_mismatch', {
            handle: account.handle,
            pattern: verdict.pattern,
            expected: verdict.expected,
          }),
      },
    ]
  })
}
