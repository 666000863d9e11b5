import { describe, expect, it } from 'vitest'
import { findLearnedClauses, scoreClause } from './clause-model.ts'

describe('findLearnedClauses', () => {
  it('finds a negative generalisation about an ethnic group that has no slur', () => {
    const text = 'Info lingkungan. Orang Sumba yang tinggal di sini memang pemalas dan suka bikin ribut.'
    expect(findLearnedClauses('sara', text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Orang Sumba yang tinggal di sini memang pemalas dan suka bikin ribut.',
    ])
  })

  it('leaves a neutral mention of a faith group and a refutation of a stereotype alone', () => {
    expect(
      findLearnedClauses('sara', 'Umat Hindu menggelar upacara Melasti di pantai pada Minggu pagi.'),
    ).toEqual([])
    expect(
      findLearnedClauses(
        'sara',
        'Tidak benar bahwa orang Batak kasar; itu stigma yang melukai sesama warga.',
      ),
    ).toEqual([])
  })

  it('never scores a sentence that names no group', () => {
    expect(scoreClause('sara', 'Pencuri kotak amal masjid tertangkap warga.')).toBe(0)
  })

  it('finds polite support for a ballot number and leaves neutral election information alone', () => {
    expect(
      findLearnedClauses('partisan', 'Mari bersama kita menangkan pasangan nomor urut 3 pada Pilkada.'),
    ).toHaveLength(1)
    expect(
      findLearnedClauses(
        'partisan',
        'Pemungutan suara Pilkada digelar Rabu, 27 November, pukul 07.00 sampai 13.00.',
      ),
    ).toEqual([])
  })
})
