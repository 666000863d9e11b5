import { describe, it, expect } from 'vitest'
import { tokenise } from './tokenise.ts'

const kinds = (text: string): string[] => tokenise(text).map((t) => `${t.kind}:${t.text}`)

describe('tokenise', () => {
  it('gives offsets into the original text', () => {
    const text = 'Gak  bgt 😡 s4y4'
    for (const token of tokenise(text)) expect(text.slice(token.start, token.end)).toBe(token.text)
    expect(tokenise(text).map((t) => t.norm)).toEqual(['tidak', 'banget', '😡', 'saya'])
  })

  it('recognises links, addresses, mentions, hashtags and numbers', () => {
    expect(kinds('cek https://kemkes.go.id/a?b=1, kemkes.go.id @dkk_semarang #PPKM 1.000.000 12:30')).toEqual(
      [
        'word:cek',
        'url:https://kemkes.go.id/a?b=1',
        'punct:,',
        'url:kemkes.go.id',
        'mention:@dkk_semarang',
        'hashtag:#PPKM',
        'number:1.000.000',
        'number:12:30',
      ],
    )
  })

  it('keeps emoji sequences and emoticons whole', () => {
    expect(kinds('👍🏽👨‍👩‍👧 🇮🇩 :) <3')).toEqual(['emoji:👍🏽', 'emoji:👨‍👩‍👧', 'emoji:🇮🇩', 'emoji::)', 'emoji:<3'])
  })

  it('keeps hyphenated words and runs of the same punctuation mark together', () => {
    expect(kinds('anak-anak covid-19 ???!')).toEqual([
      'word:anak-anak',
      'word:covid-19',
      'punct:???',
      'punct:!',
    ])
  })

  it('does not take an e-mail address for a mention', () => {
    expect(kinds('kirim ke warga@gmail.com')).toEqual(['word:kirim', 'word:ke', 'url:warga@gmail.com'])
  })
})
