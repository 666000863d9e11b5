import { describe, expect, it } from 'vitest'
import { normalise } from '../text/normalise.ts'
import { adjustIntent } from './intent-rules.ts'

const words = (text: string): string[] => normalise(text).split(' ')

describe('adjustIntent', () => {
  it('reads a wish of health addressed to the officers as apresiasi (labelling guide §1.4)', () => {
    expect(adjustIntent('lainnya', words('Semoga bapak ibu petugas selalu diberi kesehatan, aamiin'))).toBe(
      'apresiasi',
    )
    expect(adjustIntent('lainnya', words('Sehat selalu bu bidan 🤲'))).toBe('apresiasi')
  })

  it('keeps a wish with nobody addressed, and other labels, as the model said', () => {
    expect(adjustIntent('lainnya', words('sehat2 semua, semoga cepat 0 kasus'))).toBe('lainnya')
    expect(adjustIntent('pertanyaan', words('Semoga petugas sehat, jadwal vaksin kapan min?'))).toBe(
      'pertanyaan',
    )
  })

  it('reads a problem report ending in a call to deal with it as keluhan (guide §1.7 rule 2)', () => {
    expect(
      adjustIntent(
        'aspirasi',
        words('Pungli di kantor kelurahan makin menjadi tiap hari. Tolong segera ditindak!!'),
      ),
    ).toBe('keluhan')
  })

  it('keeps aspirasi when a change is proposed, or when the demand stands alone', () => {
    expect(
      adjustIntent(
        'aspirasi',
        words(
          'Antrean di kantor kecamatan panjang terus, sebaiknya loketnya ditambah. Tolong ditindaklanjuti',
        ),
      ),
    ).toBe('aspirasi')
    expect(adjustIntent('aspirasi', words('Tolong segera ditindak pak'))).toBe('aspirasi')
  })
})
