// The models committed to the repository ship with every deployment, paid ones included: they must be trained only
// on data whose licence allows commercial use (issue #10, item 3). Their cards say so; this keeps it true.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { COMMERCIAL_USE_LINE, SOURCES } from '../train/model-cards.ts'
import { committedModelsDir, MODEL_NAMES } from './model-file.ts'

describe('committed models', () => {
  it.each(MODEL_NAMES)('%s is trained only on data that allows commercial use', (name) => {
    const card = readFileSync(join(committedModelsDir, `${name}.md`), 'utf8')
    expect(card).toContain(COMMERCIAL_USE_LINE)
    for (const source of Object.values(SOURCES)) {
      if (!source.commercialUse) expect(card).not.toContain(source.text)
    }
    expect(card).not.toMatch(/BY-NC/)
  })

  it('check-clauses is trained only on data written for the project', () => {
    const card = readFileSync(join(committedModelsDir, 'check-clauses.md'), 'utf8')
    expect(card).toContain('**Commercial use allowed:**')
    for (const source of Object.values(SOURCES)) {
      if (!source.commercialUse) expect(card).not.toContain(source.text)
    }
    expect(card).not.toMatch(/BY-NC/)
  })
})
