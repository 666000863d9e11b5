import { describe, it, expect } from 'vitest'
import { parseHoaxClaims } from './parse-hoax-claims.ts'

describe('parseHoaxClaims', () => {
  it('keeps good lines and reports bad ones with their line numbers', () => {
    const source = [
      '{"id":"H1","claim":"Klaim satu","fact":"Fakta"}',
      '',
      'bukan json',
      '{"id":2,"claim":"Klaim dua"}',
      '{"id":"H3"}',
    ].join('\n')
    const { claims, errors } = parseHoaxClaims(source)
    expect(claims).toEqual([
      { id: 'H1', claim: 'Klaim satu', fact: 'Fakta' },
      { id: '2', claim: 'Klaim dua' },
    ])
    expect(errors.map((e) => e.line)).toEqual([3, 5])
  })

  it("keeps a claim's optional variants and keywords", () => {
    const { claims } = parseHoaxClaims(
      '{"id":"H1","claim":"Klaim","variants":["Klaim lain"],"keywords":["situs-palsu.id"]}',
    )
    expect(claims).toEqual([
      { id: 'H1', claim: 'Klaim', variants: ['Klaim lain'], keywords: ['situs-palsu.id'] },
    ])
  })
})
