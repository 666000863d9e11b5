// The web app names what the API answers and takes; it never restates it (issue #6, 1.6). The shapes come from
// the generated API types (web/src/api/openapi.d.ts, `npm run api:types`) through `components['schemas'][…]` or an
// operation (`JsonAnswer` / `JsonBody` of web/src/api/openapi-shapes.ts), and the vocabulary (roles, platforms,
// the single sign-on failures …) from src/shared. A shape written out by hand in a feature's `*-types.ts` drifts
// from the server without a compiler error — the way the web once had three shapes of a role grant.
//
// The check reads each `*-types.ts` as text, because what it forbids is visible there: an `interface`, an object
// type `{ … }`, a union of string literals or a list `as const` (vocabulary), or a private copy of the
// JsonAnswer helper. Shapes that are truly the web's own (the URL's search state, say) are named in WEB_ONLY with
// the reason; adding one there is a decision a reviewer sees.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const web = path.resolve(import.meta.dirname, '../../web/src')

/** Declarations that describe the web app itself, not an API payload nor shared vocabulary. */
const WEB_ONLY: Record<string, { names: string[]; reason: string }> = {
  'features/content-calendar/content-calendar-types.ts': {
    names: ['ContentCalendarSearch', 'CONTENT_CALENDAR_VIEWS'],
    reason: 'what the content calendar keeps in its URL (filters, view, date): no API has this shape',
  },
}

function typeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return typeFiles(full)
    return name.endsWith('-types.ts') ? [full] : []
  })
}

const FILES = [...typeFiles(path.join(web, 'features')), path.join(web, 'app/session-types.ts')]

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
}

interface Declaration {
  name: string
  kind: 'interface' | 'type' | 'const' | 'enum'
  body: string
}

/** The file's top-level declarations, each with its text up to the next one. */
function declarationsOf(text: string): Declaration[] {
  const source = withoutComments(text)
  // Every top-level statement starts a piece; re-exports and imports end the declaration before them.
  const starts = [
    ...source.matchAll(
      /^(?:export\s+)?(?:(interface|type|const|enum)\s+([A-Za-z_$][\w$]*)|(?:import|export)\b)/gm,
    ),
  ].map((match) => ({
    index: match.index,
    kind: match[1] as Declaration['kind'] | undefined,
    name: match[2] ?? '',
  }))
  return starts.flatMap((start, i) =>
    start.kind
      ? [
          {
            name: start.name,
            kind: start.kind,
            body: source.slice(start.index, starts[i + 1]?.index ?? source.length),
          },
        ]
      : [],
  )
}

/** Why a declaration restates the API or the shared vocabulary, or null when it only names them. */
function handWritten(declaration: Declaration): string | null {
  if (declaration.kind === 'interface') return 'an interface'
  if (declaration.kind === 'enum') return 'an enum'
  const right = declaration.body.slice(declaration.body.indexOf('=') + 1)
  if (/\binfer\b/.test(right)) return 'a copy of JsonAnswer / JsonBody (web/src/api/openapi-shapes.ts)'
  if (declaration.kind === 'const' && /\bas const\b/.test(right))
    return 'a vocabulary list (belongs in src/shared)'
  if (declaration.kind === 'const') return 'a value'
  if (/^\s*\|?\s*['"`]/.test(right)) return 'a union of string literals (belongs in src/shared)'
  // Path keys such as '/api/users/{id}' hold braces too: only braces outside strings make an object type.
  if (right.replace(/'[^']*'|"[^"]*"/g, "''").includes('{')) return 'an object type written out'
  return null
}

describe('the web app’s API types', () => {
  it('finds the *-types.ts files it guards', () => {
    expect(FILES.length).toBeGreaterThan(20)
  })

  it.each(FILES.map((file) => [path.relative(web, file), file]))(
    '%s only names shapes of the generated API types or of src/shared',
    (relative, file) => {
      const allowed = WEB_ONLY[relative]?.names ?? []
      const problems = declarationsOf(readFileSync(file, 'utf8'))
        .filter((declaration) => !allowed.includes(declaration.name))
        .map((declaration) => [declaration.name, handWritten(declaration)] as const)
        .filter(([, problem]) => problem !== null)
        .map(([name, problem]) => `${name}: ${problem}`)
      expect(problems).toEqual([])
    },
  )

  it('names in WEB_ONLY only declarations that exist', () => {
    for (const [relative, { names }] of Object.entries(WEB_ONLY)) {
      const declared = declarationsOf(readFileSync(path.join(web, relative), 'utf8')).map(({ name }) => name)
      expect(declared, relative).toEqual(expect.arrayContaining(names))
    }
  })

  it('catches the hand-written shapes it is meant to catch', () => {
    const sample = [
      'export interface UserGrant { id: string; role: string }',
      'export type TokenRow = { id: string; grants: { role: string; unitId: string }[] }',
      "export const SSO_ERRORS = ['invalid_state', 'locked'] as const",
      "export type Band = 'tinggi' | 'sedang'",
      "type Json<T> = T extends { responses: { 200: { content: { 'application/json': infer Body } } } } ? Body : never",
      "export type UserRow = components['schemas']['User']",
      "export type CreatedUser = JsonAnswer<paths['/api/users']['post']>",
      "export type AccountPerson = AccountPeople['penanggungJawab'][number]",
    ].join('\n')
    expect(declarationsOf(sample).map((declaration) => handWritten(declaration) !== null)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ])
  })
})
