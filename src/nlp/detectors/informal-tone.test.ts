import { describe, it, expect } from 'vitest'
import { findInformalTone } from './informal-tone.ts'

const found = (text: string): Array<[string, string]> =>
  findInformalTone(text).map((s) => [s.kind, text.slice(s.start, s.end)])

describe('findInformalTone', () => {
  it('finds street slang and laughter', () => {
    expect(found('Gue kasih tau ya, lo harus daftar')).toEqual([
      ['slang', 'Gue'],
      ['slang', 'lo'],
    ])
    expect(found('Anjay antreannya panjang wkwkwk')).toEqual([
      ['slang', 'Anjay'],
      ['slang', 'wkwkwk'],
    ])
  })

  it('finds shouting punctuation and long runs of capitals', () => {
    expect(found('Segera daftar!!!')).toEqual([['excessive_punctuation', '!!!']])
    expect(found('AYO SEMUA WARGA SEGERA DATANG KE KANTOR KELURAHAN SEKARANG JUGA')).toHaveLength(1)
  })

  it('finds alay spellings', () => {
    expect(found('s3m4ng4t pagi warga')).toEqual([['alay_spelling', 's3m4ng4t']])
    expect(found('kereeen banget acaranya')).toEqual([['alay_spelling', 'kereeen']])
    expect(found('SeMaNgAt pagi')).toEqual([['alay_spelling', 'SeMaNgAt']])
  })

  it('accepts the friendly register of official accounts, acronyms, numbers and hashtags', () => {
    const formal = [
      'Laporan keuangan triwulan III dan abad XXI, kode AAA.',
      'Yuk, Sobat Pajak, laporkan SPT Tahunan Anda sebelum 31 Maret ya!',
      'PENGUMUMAN: Pendaftaran CPNS 2024 dibuka. Info lengkap di sscasn.bkn.go.id',
      'Vaksinasi COVID-19 dosis ke-3 tersedia di 12 puskesmas, kuota 500 orang, 5G, 4x sehari.',
      'KemenPAN-RB dan BPJamsostek menggelar rapat koordinasi. #GueBangga @lo_official',
      'Jalan Tol Jakarta–Cikampek KM 47 ditutup sementara.',
    ]
    for (const text of formal) expect(findInformalTone(text), text).toEqual([])
  })
})

describe('findInformalTone on chat abbreviations', () => {
  it('flags chat abbreviations but not the full words', () => {
    expect(findInformalTone('Pendaftaran dibuka utk umum yg berminat').map((s) => s.kind)).toEqual([
      'slang',
      'slang',
    ])
    expect(findInformalTone('Pendaftaran dibuka untuk umum yang berminat')).toEqual([])
  })
})
