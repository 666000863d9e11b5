// Every action and object type the code writes to the audit log has a label pair in audit-messages.ts, so the
// viewer never shows a bare code. The writers are found by reading the sources: any file that appends to the log
// (appendAudit / recordChange), the literal codes in it, and every `action: '…'` / `objectType: '…'` anywhere.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ACTIONS as PERMISSIONS } from '../access/policy.ts'
import { isMessageKey } from '../../shared/messages/catalogue.ts'

const root = path.resolve(import.meta.dirname, '../..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : []
  })
}

const sources = sourceFiles(root).map((file) => ({
  file: path.relative(root, file),
  text: readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, ''),
}))
const CODE = /'([a-z][a-z_]*\.[a-z][a-z_]*)'/g
const permissions = new Set<string>(PERMISSIONS)

/** Codes the sources write as audit actions. */
function writtenActions(): Map<string, string> {
  const found = new Map<string, string>()
  for (const { file, text } of sources) {
    // `action: '…'` also names a permission in a refusal's parameters, or a kind of bulk step ('close'): only a
    // dotted code that is no permission is an audit action.
    for (const match of text.matchAll(/\baction:\s*'([^']+)'/g))
      if (match[1]!.includes('.') && !permissions.has(match[1]!)) found.set(match[1]!, file)
    if (!/\b(appendAudit|recordChange)\(/.test(text)) continue
    for (const match of text.matchAll(CODE)) {
      const code = match[1]!
      // Permission names (authorize(actor, 'unit.manage')) and message keys are not actions.
      if (permissions.has(code) || isMessageKey(code)) continue
      found.set(code, file)
    }
  }
  return found
}

function writtenObjectTypes(): Map<string, string> {
  const found = new Map<string, string>()
  for (const { file, text } of sources)
    for (const match of text.matchAll(/\bobjectType:\s*'([^']+)'/g)) found.set(match[1]!, file)
  return found
}

describe('audit labels', () => {
  it('finds the actions the code writes, however a writer spells them', () => {
    const actions = writtenActions()
    // Written as `action: '…'`, through a helper's argument, and as a ternary's branches.
    for (const code of [
      'account.create',
      'calendar.reset',
      'role.grant',
      'user.disable',
      'user.two_factor_enable',
    ])
      expect(actions.has(code), code).toBe(true)
    expect(writtenObjectTypes().has('calendar_day')).toBe(true)
  })

  it('has a label pair for every action written anywhere in src/', () => {
    const missing = [...writtenActions()]
      .filter(([code]) => !isMessageKey(`audit.action.${code}`))
      .map(([code, file]) => `${code} (${file})`)
    expect(missing).toEqual([])
  })

  it('has a label pair for every object type written anywhere in src/', () => {
    const missing = [...writtenObjectTypes()]
      .filter(([type]) => !isMessageKey(`audit.object.${type}`))
      .map(([type, file]) => `${type} (${file})`)
    expect(missing).toEqual([])
  })
})
