import { describe, expect, it } from 'vitest'
import { hoaxLabelTag, parseHoaxLabel } from './hoax-labels.ts'

describe('hoax labels', () => {
  it('read the bracketed national tag, the bare word in any case and the English words', () => {
    expect(parseHoaxLabel('[HOAKS]')).toBe('hoaks')
    expect(parseHoaxLabel(' [ disinformasi ] ')).toBe('disinformasi')
    expect(parseHoaxLabel('Misinformasi')).toBe('misinformasi')
    expect(parseHoaxLabel('hoax')).toBe('hoaks')
    expect(parseHoaxLabel('misinformation')).toBe('misinformasi')
  })

  it('refuse words that are not a national label', () => {
    expect(parseHoaxLabel('gosip')).toBeUndefined()
    expect(parseHoaxLabel('')).toBeUndefined()
    expect(parseHoaxLabel('[HOAKS] [DISINFORMASI]')).toBeUndefined()
  })

  it('write the label as the national tag', () => {
    expect(hoaxLabelTag('disinformasi')).toBe('[DISINFORMASI]')
  })
})
