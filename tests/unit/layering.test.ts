// Keeps the dependency direction of house-style.md true: api/jobs/cli → features → db/connectors/nlp, nothing
// pointing back up; nlp and connectors import nothing from the app; only db/ imports the ORM, only api/ Fastify;
// the composition root (context.ts) sits on top, so nothing below the entry points may import it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../../src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : []
  })
}

interface ImportRef {
  file: string
  specifier: string
  /** Top-level folder under src/ the import resolves to, or the package name. */
  target: string
}

function importsOf(file: string): ImportRef[] {
  const text = readFileSync(file, 'utf8')
  const refs: ImportRef[] = []
  for (const match of text.matchAll(
    /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
  )) {
    const specifier = (match[1] ?? match[2])!
    if (specifier.startsWith('.')) {
      const resolved = path.relative(root, path.resolve(path.dirname(file), specifier))
      refs.push({
        file: path.relative(root, file),
        specifier,
        target: resolved.startsWith('..') ? resolved : resolved.split(path.sep)[0]!,
      })
    } else {
      refs.push({ file: path.relative(root, file), specifier, target: specifier })
    }
  }
  return refs
}

const all = sourceFiles(root).flatMap(importsOf)

const layerOf = (file: string): string => file.split(path.sep)[0]!.replace(/\.ts$/, '')

describe('dependency direction', () => {
  it('keeps nlp and connectors free of app imports (the shared vocabulary is the one leaf they may use)', () => {
    const offending = all.filter(
      (ref) =>
        ['nlp', 'connectors'].includes(layerOf(ref.file)) &&
        ref.specifier.startsWith('.') &&
        ref.target !== layerOf(ref.file) &&
        ref.target !== 'shared',
    )
    expect(offending).toEqual([])
  })

  it('keeps the shared vocabulary a leaf: no imports outside src/shared, no packages (the web app bundles it)', () => {
    const offending = all.filter((ref) => layerOf(ref.file) === 'shared' && ref.target !== 'shared')
    expect(offending).toEqual([])
  })

  it('lets only db/ import the ORM and only api/ import Fastify', () => {
    const orm = all.filter((ref) => ref.target.startsWith('drizzle-orm') && layerOf(ref.file) !== 'db')
    const fastify = all.filter(
      (ref) =>
        (ref.target === 'fastify' || ref.target.startsWith('@fastify/')) && layerOf(ref.file) !== 'api',
    )
    expect(orm).toEqual([])
    expect(fastify).toEqual([])
  })

  it('keeps db below features: no file in src/db imports src/features', () => {
    const offending = all.filter((ref) => layerOf(ref.file) === 'db' && ref.target === 'features')
    expect(offending).toEqual([])
  })

  it('keeps the composition root on top: no lower layer imports context.ts', () => {
    const lower = new Set(['features', 'db', 'nlp', 'connectors', 'shared'])
    const offending = all.filter((ref) => lower.has(layerOf(ref.file)) && ref.target === 'context.ts')
    expect(offending).toEqual([])
  })

  it('never lets lower layers import api, jobs or cli', () => {
    const lower = new Set(['features', 'db', 'nlp', 'connectors'])
    const offending = all.filter(
      (ref) => lower.has(layerOf(ref.file)) && ['api', 'jobs', 'cli'].includes(ref.target),
    )
    expect(offending).toEqual([])
  })
})

// The language engine has one entry, index.ts, and one narrower door for the classifier alone (classifier.ts, so that
// `warta classify` starts without the rest of the engine): everything else in src/nlp may change without touching its
// users. Tests inside src/nlp may import internals; nothing outside it may, tests and benchmarks included.
const repo = path.resolve(root, '..')
const engineDir = path.join(root, 'nlp')
const engineEntries = ['index.ts', 'classifier.ts'].map((name) => path.join(engineDir, name))

function codeFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' || full === engineDir ? [] : codeFiles(full)
    return /\.(?:[cm]?[jt]s|tsx)$/.test(entry.name) ? [full] : []
  })
}

/** Files a file imports by a relative path (static, type-only, re-exports, side effects, dynamic), resolved. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const pattern =
    /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm
  return [...text.matchAll(pattern)]
    .map((match) => (match[1] ?? match[2] ?? match[3])!)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => path.resolve(path.dirname(file), specifier))
}

describe('language engine entry', () => {
  it('lets code outside src/nlp reach the engine only through src/nlp/index.ts (or classifier.ts)', () => {
    const outside = [
      ...['src', 'bench', 'tests', 'scripts', 'bin', 'web/src'].flatMap((dir) =>
        codeFiles(path.join(repo, dir)),
      ),
      ...readdirSync(repo)
        .filter((name) => /\.(?:[cm]?[jt]s)$/.test(name))
        .map((name) => path.join(repo, name)),
    ]
    const engineImports = outside.flatMap((file) =>
      relativeImports(file)
        .filter((target) => target === engineDir || target.startsWith(engineDir + path.sep))
        .map((target) => ({ file: path.relative(repo, file), target: path.relative(repo, target) })),
    )
    // The scan sees the engine's real users, so an empty result below means "none offend", not "none found".
    expect(engineImports.map((ref) => ref.file)).toEqual(
      expect.arrayContaining([
        path.join('bench', 'nlp.bench.ts'),
        path.join('src', 'cli', 'commands', 'classify.ts'),
      ]),
    )
    const entries = engineEntries.map((entry) => path.relative(repo, entry))
    expect(engineImports.filter((ref) => !entries.includes(ref.target))).toEqual([])
  })
})

describe('one audit idiom', () => {
  it('lets only features/audit import append-audit.ts: everything else records through recordChange', () => {
    const appendAuditFile = path.join('features', 'audit', 'append-audit')
    const importers = all.filter(
      (ref) =>
        ref.specifier.startsWith('.') &&
        path
          .relative(root, path.resolve(root, path.dirname(ref.file), ref.specifier))
          .replace(/\.ts$/, '') === appendAuditFile,
    )
    // The scan sees the real user, so an empty result below means "none offend", not "none found".
    expect(importers.map((ref) => ref.file)).toContain(path.join('features', 'audit', 'record-change.ts'))
    expect(
      importers.filter((ref) => !ref.file.startsWith(path.join('features', 'audit') + path.sep)),
    ).toEqual([])
  })
})
