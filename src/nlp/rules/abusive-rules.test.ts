import { describe, expect, it } from 'vitest'
import { normalise } from '../text/normalise.ts'
import { hasCrudeWord } from './abusive-rules.ts'

const words = (text: string): string[] => normalise(text).split(' ')

describe('hasCrudeWord', () => {
  it('finds a word that insults whatever the context', () => {
    expect(hasCrudeWord(words('Kontol, lampu merah rusak sebulan ga diganti'))).toBe(true)
    expect(hasCrudeWord(words('Dukcapil bangke, aplikasinya force close terus'))).toBe(true)
  })

  it('finds an animal or spirit word only when it is aimed at someone', () => {
    expect(hasCrudeWord(words('dasar babi semua'))).toBe(true)
    expect(hasCrudeWord(words('harga daging babi naik lagi di pasar'))).toBe(false)
    expect(hasCrudeWord(words('monyet dari hutan masuk rumah warga'))).toBe(false)
  })

  it('leaves a mole alone', () => {
    expect(hasCrudeWord(words('ada tahi lalat di foto KTP saya, apa perlu dicetak ulang?'))).toBe(false)
  })
})
