import { describe, it, expect } from 'vitest'
import { isCorrectingHoax } from './draft-hoax-stance.ts'

const FARE = '[HOAKS] Tarif Listrik PLN Naik 50 Persen Mulai Januari'
const KTP = '[HOAKS] KTP Elektronik Lama Tidak Berlaku Lagi dan Wajib Diganti KTP Digital'
const SEIZURE = '[HOAKS] Kendaraan yang Menunggak Pajak Dua Tahun Akan Disita Polisi'

describe('isCorrectingHoax', () => {
  it('reads a draft that labels the claim false or warns about it as a correction', () => {
    expect(isCorrectingHoax('Tidak benar tarif listrik naik 50 persen.', FARE)).toBe(true)
    expect(isCorrectingHoax('Waspada pesan berantai soal tarif listrik naik 50 persen.', FARE)).toBe(true)
  })

  it('reads a draft that negates a word of the claim as a denial', () => {
    expect(isCorrectingHoax('Tarif listrik triwulan I tidak naik.', FARE)).toBe(true)
    expect(isCorrectingHoax('Kendaraan yang menunggak pajak tidak disita.', SEIZURE)).toBe(true)
  })

  it('reads the genuine service holding as information, not the claim', () => {
    expect(isCorrectingHoax('KTP-el tetap berlaku seumur hidup.', KTP)).toBe(true)
    expect(isCorrectingHoax('Jalan tol Trans Jawa tetap berbayar saat libur Lebaran.', FARE)).toBe(true)
  })

  it('still reads a restatement as asserting the claim, also when the claim itself is a negation', () => {
    expect(
      isCorrectingHoax('Mulai Januari tarif listrik PLN naik 50 persen, warga diminta berhemat.', FARE),
    ).toBe(false)
    expect(isCorrectingHoax('Pemberitahuan: e-KTP lama tidak berlaku lagi dan wajib diganti.', KTP)).toBe(
      false,
    )
    expect(isCorrectingHoax('Sembako kena PPN mulai besok, tidak ada pengecualian.', FARE)).toBe(false)
    expect(isCorrectingHoax('Ini bukan hoaks: tarif listrik naik 50 persen.', FARE)).toBe(false)
  })
})
