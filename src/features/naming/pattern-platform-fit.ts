// Whether a naming pattern can give handles a platform accepts (platform-handle.ts HANDLE_RULES). Pure.
//
// What refuses a pattern and what only warns:
//   - errors (the pattern is not saved): literal text with a character the platform never accepts (a `-` on X),
//     or literal text alone longer than the platform allows: no unit could ever comply;
//   - warnings (saved, and shown beside the pattern until fixed): an `{attribute}` that no unit has yet (the admin
//     may set patterns before filling in the attributes), an attribute some units lack, and units whose name comes
//     out too long or otherwise refused (X allows 15 characters: `humas_{unit}` fits DINKES but not
//     DINASPENDIDIKAN). Those depend on the units as they are today, which the admin fixes on the Units page.
import type { Problem } from '../../shared/errors.ts'
import { PLATFORM_LABELS, type Platform } from '../../shared/platforms.ts'
import { problem } from '../app-error.ts'
import { HANDLE_RULES, ruledLength } from '../accounts/platform-handle.ts'
import { parseNamingPattern, renderPattern, type PatternToken } from './naming-pattern.ts'

/** One unit as the patterns see it: its code and the values of every placeholder (instansi, unit, attributes). */
export interface UnitNamingValues {
  code: string
  values: Readonly<Record<string, string | undefined>>
}

export interface PatternFit {
  errors: Problem[]
  warnings: Problem[]
}

const BUILT_IN = new Set(['instansi', 'unit'])
const EXAMPLES = 3

/** The characters of the pattern's literal text the platform never accepts in a handle, each once. */
export function refusedCharacters(platform: Platform, tokens: readonly PatternToken[]): string[] {
  const rule = HANDLE_RULES[platform]
  const refused = new Set<string>()
  for (const token of tokens)
    if (token.type === 'literal')
      for (const char of token.text) if (!rule.character.test(char)) refused.add(char)
  return [...refused]
}

function fixedProblems(platform: Platform, tokens: readonly PatternToken[]): Problem[] {
  const rule = HANDLE_RULES[platform]
  const errors: Problem[] = []
  const refused = refusedCharacters(platform, tokens)
  if (refused.length > 0)
    errors.push(
      problem('naming.characters_refused', {
        platform: PLATFORM_LABELS[platform],
        characters: refused.map((char) => `"${char}"`).join(' '),
        allowed: rule.characters,
      }),
    )
  const literal = renderPattern(tokens, {}).literal
  const length = ruledLength(platform, literal)
  if (length > rule.maxLength)
    errors.push(
      problem('naming.always_too_long', {
        platform: PLATFORM_LABELS[platform],
        length,
        maximum: rule.maxLength,
      }),
    )
  return errors
}

/** Checks a pattern (which must parse; parseNamingPattern throws otherwise) against a platform and the units. */
export function checkPatternFit(
  platform: Platform,
  pattern: string,
  units: readonly UnitNamingValues[],
): PatternFit {
  const tokens = parseNamingPattern(pattern)
  const errors = fixedProblems(platform, tokens)
  if (errors.length > 0) return { errors, warnings: [] }
  const rule = HANDLE_RULES[platform]
  const warnings: Problem[] = []
  const attributes = [
    ...new Set(
      tokens.flatMap((token) =>
        token.type === 'placeholder' && !BUILT_IN.has(token.name) ? [token.name] : [],
      ),
    ),
  ]
  for (const name of attributes) {
    const lacking = units.filter(
      (unit) => !renderPattern([{ type: 'placeholder', name }], unit.values).minimal,
    )
    if (units.length > 0 && lacking.length === units.length)
      warnings.push(problem('naming.attribute_unknown', { name }))
    else if (lacking.length > 0)
      warnings.push(
        problem('naming.attribute_missing_for_units', {
          name,
          count: lacking.length,
          examples: lacking.slice(0, EXAMPLES).map((unit) => unit.code),
        }),
      )
  }
  const hasWildcard = tokens.some((token) => token.type === 'wildcard')
  const tooLong: string[] = []
  const refused: string[] = []
  for (const unit of units) {
    const rendered = renderPattern(tokens, unit.values)
    if (rendered.missing.length > 0) continue
    const length = ruledLength(platform, rendered.minimal)
    if (length > rule.maxLength) tooLong.push(`${unit.code}: ${rendered.minimal} (${length})`)
    // A wildcard may still turn a name the rule refuses (too short, a dot at the end) into one it accepts.
    else if (!hasWildcard && !rule.test(rendered.minimal)) refused.push(`${unit.code}: ${rendered.minimal}`)
  }
  if (tooLong.length > 0)
    warnings.push(
      problem('naming.too_long_for_units', {
        platform: PLATFORM_LABELS[platform],
        maximum: rule.maxLength,
        count: tooLong.length,
        examples: tooLong.slice(0, EXAMPLES),
      }),
    )
  if (refused.length > 0)
    warnings.push(
      problem('naming.refused_for_units', {
        platform: PLATFORM_LABELS[platform],
        count: refused.length,
        examples: refused.slice(0, EXAMPLES),
      }),
    )
  return { errors, warnings }
}

export interface UnitRendering {
  /** The name the pattern gives the unit: `*` where anything may stand, `{name}` where a value is missing. */
  name: string
  /** Its length as the platform counts it, wildcards empty. */
  length: number
  maximum: number
  hasWildcard: boolean
  missing: string[]
  fits: boolean
  /** Why it does not fit, or that it does. */
  verdict: Problem
}

/** What a pattern gives one unit on one platform, and whether the platform accepts it (the naming test box). */
export function renderForUnit(
  platform: Platform,
  pattern: string,
  values: Readonly<Record<string, string | undefined>>,
): UnitRendering {
  const tokens = parseNamingPattern(pattern)
  const rule = HANDLE_RULES[platform]
  const rendered = renderPattern(tokens, values)
  const hasWildcard = tokens.some((token) => token.type === 'wildcard')
  const length = ruledLength(platform, rendered.minimal)
  const base = {
    name: rendered.expected,
    length,
    maximum: rule.maxLength,
    hasWildcard,
    missing: rendered.missing,
  }
  const label = PLATFORM_LABELS[platform]
  const fixed = fixedProblems(platform, tokens)
  if (rendered.missing.length > 0)
    return {
      ...base,
      fits: false,
      verdict: problem('naming.missing_values', { names: rendered.missing.map((name) => `{${name}}`) }),
    }
  if (fixed[0]) return { ...base, fits: false, verdict: fixed[0] }
  if (length > rule.maxLength)
    return {
      ...base,
      fits: false,
      verdict: problem('naming.too_long', { platform: label, length, maximum: rule.maxLength }),
    }
  if (!hasWildcard && !rule.test(rendered.minimal))
    return {
      ...base,
      fits: false,
      verdict: problem(`accounts.handle_invalid.${platform}`, { handle: rendered.minimal }),
    }
  return {
    ...base,
    fits: true,
    verdict: problem('naming.fits', { platform: label, length, maximum: rule.maxLength }),
  }
}
