import { describe, expect, it } from 'vitest'
import { checkPatternFit, renderForUnit, type UnitNamingValues } from './pattern-platform-fit.ts'

const unit = (code: string, values: Record<string, string> = {}): UnitNamingValues => ({
  code,
  values: { instansi: 'kotacontoh', unit: code, ...values },
})
const UNITS = [
  unit('DINKES', { kota: 'Bandung' }),
  unit('DISDIK', { kota: 'Bandung' }),
  unit('DINASPENDIDIKANKEBUDAYAAN'),
]
const keys = (problems: readonly { key: string }[]) => problems.map((p) => p.key)

describe('a naming pattern against the platform rules', () => {
  it('refuses characters the platform never accepts in a handle', () => {
    const fit = checkPatternFit('x', 'humas-{unit}', UNITS)
    expect(fit.errors).toEqual([
      {
        key: 'naming.characters_refused',
        params: { platform: 'X', characters: '"-"', allowed: 'a–z 0–9 _' },
      },
    ])
    expect(checkPatternFit('instagram', 'humas.{unit}', UNITS).errors).toEqual([])
  })

  it('refuses a pattern whose fixed text alone is longer than the platform allows', () => {
    expect(keys(checkPatternFit('x', 'humaskotacontoh_{unit}', UNITS).errors)).toEqual([
      'naming.always_too_long',
    ])
  })

  it('saves with a warning a pattern that some units cannot comply with: names too long on X, with examples', () => {
    const fit = checkPatternFit('x', 'humas_{unit}', UNITS)
    expect(fit.errors).toEqual([])
    expect(fit.warnings).toEqual([
      {
        key: 'naming.too_long_for_units',
        params: {
          platform: 'X',
          maximum: 15,
          count: 1,
          examples: ['DINASPENDIDIKANKEBUDAYAAN: humas_dinaspendidikankebudayaan (31)'],
        },
      },
    ])
  })

  it('warns about an attribute no unit has, and one some units lack', () => {
    expect(checkPatternFit('instagram', 'humas_{provinsi}', UNITS).warnings).toEqual([
      { key: 'naming.attribute_unknown', params: { name: 'provinsi' } },
    ])
    expect(checkPatternFit('instagram', 'humas_{kota}*', UNITS).warnings).toEqual([
      {
        key: 'naming.attribute_missing_for_units',
        params: { name: 'kota', count: 1, examples: ['DINASPENDIDIKANKEBUDAYAAN'] },
      },
    ])
  })

  it('warns about names the platform refuses for other reasons when no wildcard can fix them', () => {
    expect(keys(checkPatternFit('facebook', '{unit}', [unit('DPR')]).warnings)).toEqual([
      'naming.refused_for_units',
    ])
    expect(checkPatternFit('facebook', '{unit}*', [unit('DPR')]).warnings).toEqual([])
  })
})

describe('what a pattern gives one unit', () => {
  it('shows the name, its length against the maximum, and that it fits', () => {
    expect(renderForUnit('x', 'humas_{unit}', unit('DINKES').values)).toMatchObject({
      name: 'humas_dinkes',
      length: 12,
      maximum: 15,
      fits: true,
      verdict: { key: 'naming.fits', params: { platform: 'X', length: 12, maximum: 15 } },
    })
  })

  it('says why a name does not fit: too long, a value missing, or a character refused', () => {
    expect(renderForUnit('x', 'humas_{unit}', unit('DINASPENDIDIKAN').values)).toMatchObject({
      fits: false,
      verdict: { key: 'naming.too_long', params: { length: 21, maximum: 15 } },
    })
    expect(renderForUnit('x', 'humas_{provinsi}', unit('DINKES').values)).toMatchObject({
      name: 'humas_{provinsi}',
      fits: false,
      verdict: { key: 'naming.missing_values', params: { names: ['{provinsi}'] } },
    })
    expect(renderForUnit('x', 'humas.{unit}', unit('DINKES').values)).toMatchObject({
      fits: false,
      verdict: { key: 'naming.characters_refused' },
    })
    expect(renderForUnit('instagram', 'humas_{unit}*', unit('DINKES').values)).toMatchObject({
      name: 'humas_dinkes*',
      hasWildcard: true,
      fits: true,
    })
  })
})
