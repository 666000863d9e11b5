import { describe, expect, it } from 'vitest'
import { parseSourceLines, sourceLines } from './hoax-claim-form.tsx'

describe('the sources field', () => {
  it('reads one source per line as "Title | address", a bare address too, and skips blank lines', () => {
    expect(parseSourceLines('Siaran pers | https://a.go.id/x\n\n  https://b.go.id/y  \n')).toEqual([
      { title: 'Siaran pers', url: 'https://a.go.id/x' },
      { title: '', url: 'https://b.go.id/y' },
    ])
  })

  it('writes sources back the way they are typed, a title equal to the address left out', () => {
    const text = sourceLines([
      { title: 'Siaran pers', url: 'https://a.go.id/x' },
      { title: 'https://b.go.id/y', url: 'https://b.go.id/y' },
    ])
    expect(text).toBe('Siaran pers | https://a.go.id/x\nhttps://b.go.id/y')
    expect(parseSourceLines(text).map((source) => source.url)).toEqual([
      'https://a.go.id/x',
      'https://b.go.id/y',
    ])
  })
})
