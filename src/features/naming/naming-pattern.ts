// The naming-convention pattern language for official account handles. Small on purpose, so an admin can read
// every pattern at a glance:
//   - literal text matches itself (case-insensitive: every platform here treats handles case-insensitively);
//   - {name} is a placeholder: {instansi} = the instansi slug, {unit} = the unit code, any other name = the unit
//     attribute of that name (e.g. {kota}), inherited from the nearest unit above that sets it;
//   - * matches any run of characters, including none.
// Placeholder values are lower-cased, stripped of accents and of everything but a–z and 0–9, because handles
// cannot hold spaces or hyphens on most platforms: unit code "DINKES-01" gives "dinkes01", kota "Kota Bandung"
// gives "kotabandung".
import { AppError } from '../app-error.ts'

export type PatternToken =
  { type: 'literal'; text: string } | { type: 'placeholder'; name: string } | { type: 'wildcard' }

const PLACEHOLDER_NAME = /^[a-z][a-z0-9_]*$/

export function parseNamingPattern(pattern: string): PatternToken[] {
  const trimmed = pattern.trim()
  if (trimmed === '') throw new AppError('invalid_input', 'Pola nama tidak boleh kosong.')
  if (trimmed.length > 100) throw new AppError('invalid_input', 'Pola nama paling panjang 100 karakter.')
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
        throw new AppError(
          'invalid_input',
          `Pola "${trimmed}": kurung kurawal "{" di posisi ${i + 1} tidak ditutup "}".`,
        )
      const name = trimmed
        .slice(i + 1, end)
        .trim()
        .toLowerCase()
      if (!PLACEHOLDER_NAME.test(name)) {
        throw new AppError(
          'invalid_input',
          `Pola "${trimmed}": nama isian "{${name}}" hanya boleh huruf kecil, angka dan garis bawah, diawali huruf.`,
        )
      }
      flush()
      tokens.push({ type: 'placeholder', name })
      i = end
    } else if (char === '}') {
      throw new AppError('invalid_input', `Pola "${trimmed}": ada "}" tanpa "{" di posisi ${i + 1}.`)
    } else if (char === '*') {
      flush()
      if (tokens.at(-1)?.type !== 'wildcard') tokens.push({ type: 'wildcard' })
    } else if (/\s/.test(char)) {
      throw new AppError('invalid_input', `Pola "${trimmed}": nama akun tidak boleh berisi spasi.`)
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
  | { compliant: false; expected: string; reason: string; missing: string[] }

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
  const tokens = parseNamingPattern(pattern)
  const missing: string[] = []
  let expected = ''
  // Literal text between wildcards: ['humas_bandung', ''] for humas_{kota}*.
  const segments: string[] = ['']
  for (const token of tokens) {
    switch (token.type) {
      case 'literal':
        expected += token.text
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
  const actual = handle.toLowerCase()
  if (missing.length > 0) {
    const names = missing.map((name) => `{${name}}`).join(', ')
    return {
      compliant: false,
      expected,
      missing,
      reason: `Nama akun "${actual}" tidak dapat diperiksa terhadap pola "${pattern}": isian ${names} belum punya nilai untuk unit ini. Isi atribut unit tersebut.`,
    }
  }
  if (matchesWildcardSegments(segments, actual)) return { compliant: true, expected }
  return {
    compliant: false,
    expected,
    missing,
    reason: `Nama akun "${actual}" tidak sesuai pola "${pattern}": seharusnya berbentuk "${expected}".`,
  }
}
