import { describe, it, expect } from 'vitest'
import { findPersonalOpinion } from './personal-opinion.ts'

const spanText = (text: string): string[] => findPersonalOpinion(text).map((s) => text.slice(s.start, s.end))

describe('findPersonalOpinion', () => {
  it('finds first-person opinion', () => {
    expect(spanText('Menurut saya kebijakan ini kurang tepat.')).toEqual(['Menurut saya'])
    expect(spanText('Saya pribadi mendukung penertiban PKL.')).toEqual(['Saya pribadi'])
    expect(spanText('Saya rasa warga sudah paham.')).toEqual(['Saya rasa'])
  })

  it('finds support for a candidate, party or ballot number and campaign slogans', () => {
    expect(spanText('Jangan lupa pilih nomor 2 tanggal 14 Februari!')).toEqual(['pilih nomor 2'])
    expect(spanText('Ayo coblos paslon 01')).toEqual(['Ayo coblos paslon 01'])
    expect(spanText('Kami mendukung Partai Gerindra')).toHaveLength(1)
    expect(spanText('Salam dua jari untuk Indonesia')).toEqual(['Salam dua jari'])
    expect(spanText('Menang satu putaran! #PrabowoGibran2024')).toHaveLength(2)
  })

  it('leaves neutral election information alone', () => {
    const neutral = [
      'Gunakan hak pilih Anda pada 14 Februari 2024 di TPS terdekat. #PemiluDamai',
      'KPU menetapkan nomor urut pasangan calon gubernur hari ini.',
      'Masa kampanye Pilkada berlangsung 25 September sampai 23 November.',
      'ASN wajib netral dan dilarang mendukung pasangan calon di media sosial.',
      'Kami memilih lokasi posko di balai desa.',
      'Pilih 1 dari 3 jadwal vaksinasi yang tersedia.',
    ]
    for (const text of neutral) expect(findPersonalOpinion(text), text).toEqual([])
  })
})

describe('findPersonalOpinion on candidates', () => {
  it('finds support for a named candidate or a person introduced with an honorific', () => {
    expect(findPersonalOpinion('Ayo dukung Prabowo-Gibran!')).toHaveLength(1)
    expect(findPersonalOpinion('Mari menangkan Pak Harjo di Pilkada')).toHaveLength(1)
    expect(findPersonalOpinion('Saya yakin program ini berhasil')).toHaveLength(1)
  })

  it('does not read support for ordinary things as partisanship', () => {
    expect(findPersonalOpinion('Dukung Timnas Indonesia di Piala Asia!')).toEqual([])
    expect(findPersonalOpinion('Ayo coblos di TPS masing-masing tanggal 27 November')).toEqual([])
    expect(findPersonalOpinion('Dukung UMKM lokal dengan membeli produk dalam negeri')).toEqual([])
  })
})
