// The naming-convention pattern language for official account handles. Small on purpose, so an admin can read
// every pattern at a glance:
//   - literal text matches itself (case-insensitive: every platform here treats handles case-insensitively);
//   - {name} is a placeholder: {instansi} = the instansi slug, {unit} = the unit code, any other name = the unit
//     attribute of that name (e.g. {kota}), inherited from the nearest unit above that sets it;
//   - * matches any run of characters, including none.
// Placeholder values are lower-cased, stripped of accents and of everything but a–z and 0–9, because handles
// cannot hold spaces or hyphens on most platforms: unit code "DINKES-01" gives "dinkes01", kota "Kota Bandung"
// gives "kotabandung".
import type { Problem } from '../../shared/errors.ts'
import { AppError, problem } from '../app-error.ts'

export type PatternToken =
  { type: 'literal'; text: string } | { type: 'placeholder'; name: string } | { type: 'wildcard' }

const PLACEHOLDER_NAME = /^[a-z][a-z0-9_]*$/
export const MAX_PATTERN_LENGTH = 100

export function parseNamingPattern(pattern: string): PatternToken[] {
  const trimmed = pattern.trim()
  if (trimmed === '') throw new AppError('invalid_input', 'naming.pattern_empty')
  if (trimmed.length > MAX_PATTERN_LENGTH)
    throw new AppError('invalid_input', 'naming.pattern_too_long', { maximum: MAX_PATTERN_LENGTH })
  const tokens: PatternToken[] = []
  let literal = ''
  const flush = () => {
    if (literal) tokens.push({ type: 'literal', text: literal.toLowerCase() })
    literal = ''
  }
  for (let i = 0; i < trimmed.length; i += 1) {
    const char = trimmed[i]!
    if (char === '{') {
      const end = trimmed.indexOf('}', i)
      if (end === -1)
        throw new AppError('invalid_input', 'naming.brace_unclosed', { pattern: trimmed, position: i + 1 })
      const name = trimmed
        .slice(i + 1, end)
        .trim()
        .toLowerCase()
      if (!PLACEHOLDER_NAME.test(name))
        throw new AppError('invalid_input', 'naming.placeholder_invalid', { pattern: trimmed, name })
      flush()
      tokens.push({ type: 'placeholder', name })
      i = end
    } else if (char === '}') {
      throw new AppError('invalid_input', 'naming.brace_stray', { pattern: trimmed, position: i + 1 })
    } else if (char === '*') {
      flush()
      if (tokens.at(-1)?.type !== 'wildcard') tokens.push({ type: 'wildcard' })
    } else if (/\s/.test(char)) {
      throw new AppError('invalid_input', 'naming.pattern_space', { pattern: trimmed })
    } else {
      literal += char
    }
  }
  flush()
  return tokens
}

export function normalisePlaceholderValue(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

export type NamingCheck =
  | { compliant: true; expected: string }
  | { compliant: false; expected: string; reason: Problem; missing: string[] }

/**
 * What a pattern gives for one unit: `expected` with each wildcard kept as `*` and each placeholder without a
 * value kept as `{name}`; `segments`, the literal text between wildcards; `minimal`, the shortest name it
 * allows (wildcards empty); `literal`, its fixed text alone (placeholders and wildcards left out).
 */
export interface RenderedPattern {
  expected: string
  segments: string[]
  minimal: string
  literal: string
  missing: string[]
}

export function renderPattern(
  tokens: readonly PatternToken[],
  values: Readonly<Record<string, string | undefined>>,
): RenderedPattern {
  const missing: string[] = []
  let expected = ''
  let literal = ''
  // Literal text between wildcards: ['humas_bandung', ''] for humas_{kota}*.
  const segments: string[] = ['']
  for (const token of tokens) {
    switch (token.type) {
      case 'literal':
        expected += token.text
        literal += token.text
        segments[segments.length - 1] += token.text
        break
      case 'wildcard':
        expected += '*'
        segments.push('')
        break
      case 'placeholder': {
        const raw = values[token.name]
        const value = raw === undefined ? '' : normalisePlaceholderValue(raw)
        if (value === '') {
          missing.push(token.name)
          expected += `{${token.name}}`
        } else {
          expected += value
          segments[segments.length - 1] += value
        }
        break
      }
    }
  }
  return { expected, segments, minimal: segments.join(''), literal, missing }
}
/**
 * Does `text` match literal segments joined by wildcards (`segments[i]` between the i-th and (i+1)-th `*`)? The
 * first segment must be a prefix and the last a suffix; the ones between are found left to right, taking the
 * earliest occurrence each time, which is always a match when any exists. No backtracking: at most one
 * `indexOf` scan per segment, so `a*a*a*a*a*a*a*a*b` against a long handle costs microseconds, unlike the regular
 * expression it replaces (seconds, stalling every request on the embedded database).
 */
export function matchesWildcardSegments(segments: readonly string[], text: string): boolean {
  if (segments.length === 1) return text === segments[0]
  const first = segments[0]!
  const last = segments[segments.length - 1]!
  if (first.length + last.length > text.length || !text.startsWith(first) || !text.endsWith(last))
    return false
  let position = first.length
  const end = text.length - last.length
  for (const segment of segments.slice(1, -1)) {
    if (segment === '') continue
    const found = text.indexOf(segment, position)
    if (found === -1 || found + segment.length > end) return false
    position = found + segment.length
  }
  return true
}

/**
 * Does `handle` follow `pattern`? `values` holds the raw placeholder values (normalised here); a placeholder with
 * no value makes the handle uncheckable, which the report shows as a problem to fix in the unit's attributes.
 */
export function checkHandleAgainstPattern(
  pattern: string,
  handle: string,
  values: Readonly<Record<string, string | undefined>>,
): NamingCheck {
  const { expected, segments, missing } = renderPattern(parseNamingPattern(pattern), values)
  const actual = handle.toLowerCase()
  if (missing.length > 0)
    return {
      compliant: false,
      expected,
      missing,
      reason: problem('naming.reason_uncheckable', {
        handle: actual,
        pattern,
        names: missing.map((name) => `{${name}}`),
      }),
    }
  if (matchesWildcardSegments(segments, actual)) return { compliant: true, expected }
  return {
    compliant: false,
    expected,
    missing,
    reason: problem('naming.reason_mismatch', { handle: actual, pattern, expected }),
  }
}
