import { describe, it, expect } from 'vitest'
import { findClassifiedMarkers } from './classified-marker.ts'

const spanText = (text: string): string[] =>
  findClassifiedMarkers(text).map((s) => text.slice(s.start, s.end))

describe('findClassifiedMarkers', () => {
  it('finds stamps that stand alone or open the text', () => {
    expect(spanText('SANGAT RAHASIA\nNota Dinas Nomor 12/2025')).toEqual(['SANGAT RAHASIA'])
    expect(spanText('RAHASIA - Laporan intelijen wilayah')).toEqual(['RAHASIA'])
    expect(spanText('Lampiran:\nTERBATAS\nDaftar penerima')).toEqual(['TERBATAS'])
  })

  it('finds labelled fields and bracketed stamps in any case', () => {
    expect(spanText('Sifat: Rahasia. Perihal: rapat koordinasi')).toEqual(['Sifat: Rahasia'])
    expect(spanText('Klasifikasi keamanan : TERBATAS')).toHaveLength(1)
    expect(spanText('Derajat: SR')).toEqual(['Derajat: SR'])
    expect(spanText('Bocoran [RAHASIA] notulen rapat')).toEqual(['[RAHASIA]'])
    expect(spanText('Dokumen ini bersifat RAHASIA dan hanya untuk pimpinan')).toEqual(['bersifat RAHASIA'])
  })

  it('ignores the ordinary words in a sentence', () => {
    const ordinary = [
      'Rahasia sukses UMKM naik kelas ada di pelatihan ini',
      'Kerahasiaan data pasien dijamin. Data Anda bersifat rahasia dan aman.',
      'Kuota terbatas, segera daftar!',
      'PENDAFTARAN CPNS KUOTA TERBATAS',
      'RAHASIA SUKSES PETANI MILENIAL',
      'Jangan bagikan kode OTP, itu rahasia Anda.',
      'Sifat: Segera',
    ]
    for (const text of ordinary) expect(findClassifiedMarkers(text), text).toEqual([])
  })
})

describe('findClassifiedMarkers on English stamps', () => {
  it('finds CONFIDENTIAL and TOP SECRET stamps but not the words in a sentence', () => {
    expect(findClassifiedMarkers('CONFIDENTIAL\nMinutes of the bilateral meeting')).toHaveLength(1)
    expect(findClassifiedMarkers('Lampiran [TOP SECRET] rencana')).toHaveLength(1)
    expect(findClassifiedMarkers('The secret of good service is listening')).toEqual([])
  })
})
