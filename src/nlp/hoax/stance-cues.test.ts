import { describe, expect, it } from 'vitest'
import { detectStanceCues } from './stance-cues.ts'

describe('detectStanceCues', () => {
  it('hears hearsay in Indonesian, Javanese, Sundanese and English', () => {
    for (const text of [
      'katanya PKH dihapus',
      'jare PKH mandeg',
      'PKH eureun ceunah',
      'they say PKH stopped',
    ])
      expect(detectStanceCues(text).hearsay, text).toBe(true)
  })

  it('sees forwarded-message framing', () => {
    for (const text of [
      'Sebarkan ke keluarga!',
      'copas dari grup sebelah',
      'pesan berantai: …',
      'please share',
    ])
      expect(detectStanceCues(text).forward, text).toBe(true)
  })

  it('tells a question, a denial, an official update and a first-person consequence apart', () => {
    expect(detectStanceCues('apa benar BLT cair lewat link').question).toBe(true)
    expect(detectStanceCues('Itu hoaks, jangan percaya').denial).toBe(true)
    expect(detectStanceCues('PLN membantah kabar pemadaman').denial).toBe(true)
    expect(detectStanceCues('bukan hoaks, beneran ini').denial).toBe(false)
    expect(detectStanceCues('Kami informasikan pendaftaran hanya melalui kanal resmi').official).toBe(true)
    expect(detectStanceCues('Saya sudah transfer 5 juta ke orang itu').firstPerson).toBe(true)
    expect(detectStanceCues('ibu saya ditolak di RSUD').firstPerson).toBe(true)
    expect(detectStanceCues('KTP-el tetap berlaku seumur hidup').continuity).toBe(true)
    expect(detectStanceCues('Hasil uji laboratorium tidak menemukan kandungan berbahaya').factual).toBe(true)
    expect(detectStanceCues('Pendaftaran cuma lewat situs resmi').factual).toBe(true)
    expect(detectStanceCues('Kami sekeluarga sudah borong lilin, takut listrik padam').reaction).toBe(true)
    expect(detectStanceCues('Kapan pendaftarannya dibuka? syaratnya apa?').logistics).toBe(true)
    expect(detectStanceCues('Jadwal pendaftaran sudah diumumkan').logistics).toBe(false)
    expect(detectStanceCues('Foto itu editan, jangan ikut sebar').denial).toBe(true)
    const plain = detectStanceCues('Jadwal posyandu hari Senin')
    expect(Object.values(plain).some(Boolean)).toBe(false)
  })
})
