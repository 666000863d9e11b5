import { describe, it, expect } from 'vitest'
import { findAbusiveWords, findSaraHate } from './offensive-language.ts'

const abusive = (text: string): string[] => findAbusiveWords(text).map((s) => text.slice(s.start, s.end))
const sara = (text: string): string[] => findSaraHate(text).map((s) => text.slice(s.start, s.end))

describe('findAbusiveWords', () => {
  it('finds crude words and animal words aimed at someone', () => {
    expect(abusive('Dasar goblok, kerja gak becus')).toEqual(['goblok'])
    expect(abusive('dasar babi kalian semua')).toEqual(['dasar babi'])
    expect(abusive('anjing lu')).toEqual(['anjing'])
  })

  it('leaves animals, spirits and ordinary words alone', () => {
    const ordinary = [
      'Vaksinasi rabies gratis untuk anjing dan kucing peliharaan warga.',
      'Waspada demam babi Afrika, laporkan ternak babi yang sakit.',
      'Monyet ekor panjang dilindungi undang-undang.',
      'Tahi lalat yang berubah bentuk perlu diperiksa dokter.',
      'Tabung gas 3 kg hanya untuk warga miskin.',
    ]
    for (const text of ordinary) expect(findAbusiveWords(text), text).toEqual([])
  })
})

describe('findSaraHate', () => {
  it('finds incitement and hostile labels aimed at a group', () => {
    expect(sara('Usir semua orang Cina dari kampung ini')).toEqual(['Usir semua orang Cina'])
    expect(sara('Kaum Syiah itu sesat dan najis')).toEqual(['Kaum Syiah itu sesat'])
    expect(sara('dasar kadrun')).toHaveLength(1)
  })

  it('leaves respectful mentions of religions and ethnic groups alone', () => {
    const neutral = [
      'Selamat merayakan Imlek bagi warga Tionghoa di Kota Semarang.',
      'Pemerintah menjamin umat Kristen dan Katolik beribadah dengan aman.',
      'Festival budaya Papua digelar di alun-alun kota.',
      'Jangan sebarkan ujaran kebencian terhadap suku, agama, ras dan antargolongan.',
      'Bantuan diberikan kepada penyandang disabilitas dan perempuan kepala keluarga.',
    ]
    for (const text of neutral) expect(findSaraHate(text), text).toEqual([])
  })
})

describe('findAbusiveWords on masked spellings', () => {
  it('finds words with starred vowels or digits for letters, with offsets into the original text', () => {
    const text = 'Dasar b*ngsat, g0bl0k semua'
    expect(findAbusiveWords(text).map((s) => text.slice(s.start, s.end))).toEqual(['b*ngsat', 'g0bl0k'])
  })

  it('leaves numbers next to ordinary words alone', () => {
    expect(findAbusiveWords('Tabung 3 kg, 50 ribu, jam 10.00')).toEqual([])
  })
})

describe('findSaraHate with a resumptive pronoun', () => {
  it('finds a hostile label that follows the group after "itu, mereka"', () => {
    expect(findSaraHate('Orang Madura itu, mereka semua licik')).toHaveLength(1)
    expect(findSaraHate('Warga Tionghoa, mereka ikut kerja bakti')).toEqual([])
  })
})
