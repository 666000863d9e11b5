import { describe, expect, it } from 'vitest'
import { normaliseUnitKind, unitKindLabel, UNIT_KIND_LABELS, UNIT_KINDS } from './unit-kinds.ts'

describe('unit kinds', () => {
  it('stores a known kind by its code however it was written', () => {
    expect(normaliseUnitKind('Kantor Pelayanan')).toBe('kantor_pelayanan')
    expect(normaliseUnitKind(' UPT ')).toBe('upt')
    expect(normaliseUnitKind('kanwil')).toBe('kanwil')
    expect(normaliseUnitKind('Kanwil (regional office)')).toBe('kanwil')
  })

  it('keeps a kind of its own as typed, and falls back to the old default when empty', () => {
    expect(normaliseUnitKind('  Inspektorat   Daerah ')).toBe('Inspektorat Daerah')
    expect(normaliseUnitKind('   ')).toBe('unit')
  })

  it('names every kind in both languages and shows free text as it is', () => {
    for (const kind of UNIT_KINDS) {
      expect(UNIT_KIND_LABELS.id[kind]).toBeTruthy()
      expect(UNIT_KIND_LABELS.en[kind]).toBeTruthy()
    }
    expect(unitKindLabel('upt', 'id')).toBe('UPT (unit pelaksana teknis)')
    expect(unitKindLabel('bidang', 'en')).toBe('Bidang (division)')
    expect(unitKindLabel('Inspektorat', 'en')).toBe('Inspektorat')
    expect(unitKindLabel('unit', 'id')).toBe('Unit')
  })
})
