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
    expect(spanText('Dokumen ini bersifat RAHASIA dan hanya untuk pimpinan')).toEqual([
      'Dokumen ini bersifat RAHASIA',
    ])
  })

  it("finds a level given inside a sentence as a document's status, in brackets or a field, in any case", () => {
    expect(spanText('Mohon perhatian, dokumen ini bersifat rahasia dan hanya untuk internal.')).toEqual([
      'dokumen ini bersifat rahasia',
    ])
    expect(spanText('Kami bagikan nota dinas berklasifikasi Terbatas mengenai relokasi PKL.')).toHaveLength(1)
    expect(spanText('Laporan hasil audit ini berstatus sangat rahasia, jangan disebarluaskan.')).toHaveLength(
      1,
    )
    expect(spanText('Laporan intelijen ini sifatnya terbatas.')).toHaveLength(1)
    expect(spanText('Hasil telaah ini sifatnya sangat rahasia, hanya untuk Bupati.')).toHaveLength(1)
    expect(spanText('Telaahan staf dengan sifat Rahasia terlampir.')).toHaveLength(1)
    expect(spanText('Berikut notulen rapat evaluasi (TERBATAS) dari Bappeda.')).toEqual([
      'notulen rapat evaluasi (TERBATAS)',
    ])
    expect(spanText('Salinan telegram Kapolres (terbatas) beredar luas.')).toEqual([
      'Salinan telegram Kapolres (terbatas)',
    ])
    expect(spanText('Kami unggah notulen rapat pimpinan yang bersifat terbatas.')).toHaveLength(1)
    expect(spanText('Surat edaran Sekda (rahasia) bocor ke publik.')).toEqual(['(rahasia)'])
    expect(spanText('Status: Sangat Rahasia. Rencana pengamanan kunjungan.')).toEqual([
      'Status: Sangat Rahasia',
    ])
    expect(spanText('Lampiran surat klasifikasi: r, perihal mutasi.')).toEqual(['klasifikasi: r'])
    expect(spanText('Foto dokumen bertanda RAHASIA itu beredar.')).toHaveLength(1)
  })

  it('leaves assurances of confidentiality and descriptions of kinds of document alone', () => {
    const assurances = [
      'Data pribadi pelapor bersifat rahasia dan dilindungi sesuai UU PDP.',
      'Laporan Anda bersifat rahasia dan hanya dibaca petugas pengaduan.',
      'Dokumen yang bersifat rahasia negara dikecualikan dari informasi publik.',
      'Arsip negara yang bersifat rahasia dikecualikan sesuai undang-undang.',
      'Isi surat suara bersifat rahasia; jangan memotret surat suara di bilik TPS.',
      'Pendaftaran bersifat terbatas bagi warga ber-KTP Kota Semarang.',
      'Kursi terbatas (50 peserta). Daftar melalui tautan di bio.',
      'Pelatihan (terbatas) untuk 30 peserta pertama.',
      'Resep rahasia sambal bawang UMKM binaan kami tersedia di galeri.',
    ]
    for (const text of assurances) expect(findClassifiedMarkers(text), text).toEqual([])
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
