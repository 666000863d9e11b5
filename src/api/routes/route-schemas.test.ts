import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isMessageKey } from '../../shared/messages/catalogue.ts'

const routesDir = import.meta.dirname

function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return schemaFiles(full)
    return entry.name.endsWith('-schemas.ts') ? [full] : []
  })
}

describe('route schemas', () => {
  it('live beside their routes, one schema file per resource', () => {
    const resources = readdirSync(routesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())
    const missing = resources
      .map((entry) => entry.name)
      .filter(
        (name) =>
          !schemaFiles(path.join(routesDir, name)).some((file) => file.endsWith(`${name}-schemas.ts`)),
      )
    expect(missing).toEqual([])
  })

  it('write their messages as catalogue keys, so every field problem reads in both languages', () => {
    const unknown: string[] = []
    let keys = 0
    for (const file of schemaFiles(routesDir)) {
      const text = readFileSync(file, 'utf8')
      // A message is the string argument of a zod check: .min(1, 'key'), z.uuid('key'), z.enum(X, 'key');
      // .describe('…') is documentation.
      for (const match of text.matchAll(/(?<!describe)[(,]\s*'([^']*)'\s*\)/g)) {
        const message = match[1]!
        if (!/^[a-z]+\.[a-z_]+$/.test(message) && !/\s/.test(message)) continue
        keys++
        if (!isMessageKey(message)) unknown.push(`${path.relative(routesDir, file)}: ${message}`)
      }
    }
    expect(keys).toBeGreaterThan(5)
    expect(unknown).toEqual([])
  })
})
