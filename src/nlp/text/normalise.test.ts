import { describe, it, expect } from 'vitest'
import { normalise } from './normalise.ts'

describe('normalise', () => {
  it('maps colloquial negation and intensifiers to standard Indonesian', () => {
    expect(normalise('gak bgt')).toBe('tidak banget')
    expect(normalise('nggak tdk ga enggak')).toBe('tidak tidak tidak tidak')
  })

  it('keeps bukan and question words', () => {
    expect(normalise('bukan gitu, gmn caranya? knp lama? kpn dibuka?')).toBe(
      'bukan begitu , bagaimana caranya ? kenapa lama ? kapan dibuka ?',
    )
  })

  it('squeezes repeated letters back to a real word', () => {
    expect(normalise('bangeeet')).toBe('banget')
    expect(normalise('mantappp kerennn')).toBe('mantap keren')
    expect(normalise('maaaaf')).toBe('maaf')
  })

  it('reads digits used as letters', () => {
    expect(normalise('s4y4')).toBe('saya')
  })

  it('expands kata2 reduplication and folds laughter', () => {
    expect(normalise('anak2')).toBe('anak-anak')
    expect(normalise('wkwkwkwk hahahaha')).toBe('wkwk haha')
  })

  it('lower-cases and keeps links, mentions, hashtags and emoji as tokens', () => {
    expect(normalise('Pelayanan BAGUS 👍 @DinkesKota #Vaksin https://t.co/AbC')).toBe(
      'pelayanan bagus 👍 @dinkeskota #vaksin https://t.co/AbC',
    )
  })

  it('does not expand agency acronyms that the public slang lists get wrong', () => {
    expect(normalise('hasil pcr dari dkk')).toBe('hasil pcr dari dkk')
  })

  it('does not soften crude words', () => {
    expect(normalise('goblok')).toBe('goblok')
  })
})
