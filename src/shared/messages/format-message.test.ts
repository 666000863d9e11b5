import { describe, expect, it } from 'vitest'
import { TERMINAL_MESSAGES } from './terminal-catalogue.ts'
import { fillTemplate, formatMessage } from './format-message.ts'

describe('formatMessage', () => {
  it('renders a key in either language with its parameters', () => {
    expect(formatMessage('id', 'validation.too_long', { maximum: 15 })).toBe('Paling banyak 15 karakter.')
    expect(formatMessage('en', 'validation.too_long', { maximum: 15 })).toBe('At most 15 characters.')
  })

  it('formats dates, roles, lists and numbers by style', () => {
    expect(fillTemplate('{at:time}', { at: '2026-10-12T07:30:00Z' }, 'id')).toBe('14.30 WIB')
    expect(fillTemplate('{role:role}', { role: 'pengelola' }, 'en')).toBe('Pengelola (operator)')
    expect(fillTemplate('{xs:list}', { xs: ['a', 'b'] }, 'id')).toBe('a, b')
    expect(fillTemplate('{n:number}', { n: 38000 }, 'id')).toBe('38.000')
  })

  it('leaves a placeholder without a value visible', () => {
    expect(fillTemplate('Halo {nama}', {}, 'id')).toBe('Halo {nama}')
  })

  it('has the same placeholders in both languages of every message', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)(?::\w+)?\}/g)].map((m) => m[1]).sort()
    for (const [key, pair] of Object.entries(TERMINAL_MESSAGES))
      expect(names(pair.en), key).toEqual(names(pair.id))
  })
})
