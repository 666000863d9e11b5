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

describe('findInformalTone on references in formal posts', () => {
  it('accepts ticket numbers, registration codes and lists of abbreviations', () => {
    const formal = [
      'Nomor referensi pengaduan: LPR-20241105-8834XZ. Terima kasih telah melapor melalui SP4N-LAPOR!',
      'Tindak lanjut aduan nomor REG/2024/XI/0042-BS telah selesai.',
      'Nomor aduan Anda #TKT-2024-11-05-000345-JTG sudah diverifikasi operator.',
      'Izin dengan nomor SPPL/DPMPTSP/2024/0004512 telah terbit; kode REF-8X2KQ9ZT.',
      'Layanan SPPT, SIMPEG, SP2D, BPJS-TK, K3L dan JDIH dapat diakses melalui portal resmi pemerintah.',
    ]
    for (const text of formal) expect(findInformalTone(text), text).toEqual([])
  })

  it('still finds alay digits in an ordinary word and shouting in a run of capital words', () => {
    expect(found('t3rim4 kasih warga')).toEqual([['alay_spelling', 't3rim4']])
    expect(found('AYO SEMUA WARGA DATANG KE ALUN ALUN BESOK PAGI')).toHaveLength(1)
  })
})
