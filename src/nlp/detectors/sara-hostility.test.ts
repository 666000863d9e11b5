import { describe, it, expect } from 'vitest'
import { findSaraHostility } from './sara-hostility.ts'

const spanText = (text: string): string[] => findSaraHostility(text).map((s) => text.slice(s.start, s.end))

describe('findSaraHostility', () => {
  it('finds a negative generalisation about a group named by ethnicity, origin or faith, without any slur', () => {
    expect(spanText('Semua pedagang asal Madura di pasar ini memang suka menipu timbangan.')).toEqual([
      'Semua pedagang asal Madura di pasar ini memang suka menipu',
    ])
    expect(spanText('Orang Batak pasti kasar.')).toEqual(['Orang Batak pasti kasar'])
    expect(spanText('Keturunan Arab di kota ini rata-rata pelit.')).toHaveLength(1)
    expect(spanText('Warga pendatang dari NTT itu biang masalah di kampung kita.')).toHaveLength(1)
    expect(spanText('Umat Konghucu itu tidak pantas mendapat hari libur nasional.')).toHaveLength(1)
    expect(spanText('Orang Madura kalau berdagang pasti curang.')).toHaveLength(1)
    expect(spanText('Wajar kampung kumuh, isinya pendatang semua yang malas bekerja.')).toHaveLength(1)
    expect(spanText('Pengungsi dari luar daerah itu biang kerusuhan.')).toHaveLength(1)
    expect(spanText('Kebanyakan warga Tionghoa di sini tidak peduli dengan lingkungan.')).toHaveLength(1)
  })

  it('finds followers of a faith named by a derogatory term', () => {
    expect(spanText('Umat sebelah memang selalu mencari gara-gara setiap hari raya.')).toHaveLength(1)
    expect(spanText('Para kafir itu memang tidak bisa dipercaya mengelola dana desa.')).toHaveLength(1)
  })

  it('finds blame laid on a group', () => {
    expect(spanText('Kemacetan ini gara-gara orang Cina yang parkir sembarangan.')).toEqual([
      'gara-gara orang Cina',
    ])
    expect(spanText('Sampah menumpuk akibat ulah warga pendatang asal Jawa.')).toEqual([
      'akibat ulah warga pendatang asal Jawa',
    ])
    expect(spanText('Yang bikin kampung ini rawan maling ya para perantau dari Lampung itu.')).toHaveLength(1)
    expect(spanText('Kalau ada pencuri di pasar, pasti pelakunya orang dari luar pulau.')).toEqual([
      'pasti pelakunya orang dari luar pulau',
    ])
  })

  it('finds a call to exclude a group or its place of worship', () => {
    expect(spanText('Jangan terima penyewa kos dari suku Dayak.')).toEqual([
      'Jangan terima penyewa kos dari suku Dayak',
    ])
    expect(spanText('Tolak pendirian gereja di kelurahan kita.')).toEqual(['Tolak pendirian gereja'])
    expect(spanText('Penganut Syiah tidak boleh tinggal di desa ini.')).toEqual([
      'Penganut Syiah tidak boleh tinggal',
    ])
    expect(spanText('Dasar pendatang, tidak tahu diri, harus angkat kaki dari kota ini.')).toHaveLength(1)
    expect(spanText('Kios hanya untuk pribumi, pedagang Cina tidak diterima.')).toEqual([
      'pedagang Cina tidak diterima',
    ])
    expect(spanText('Gara-gara imigran Rohingya, kampung kita jadi tidak aman.')).toHaveLength(1)
  })

  it('leaves respectful mentions, news and anti-discrimination messages alone', () => {
    const respectful = [
      'Selamat merayakan Hari Raya Waisak bagi umat Buddha.',
      'Umat Hindu di Denpasar merayakan Galungan dengan penjor di depan rumah.',
      'Pentas seni budaya Batak, Minang, dan Dayak memeriahkan HUT kota.',
      'Pemudik asal Jawa Tengah diimbau beristirahat setiap empat jam.',
      'Umat Hindu tidak bekerja dan tidak bepergian saat Nyepi.',
      'Umat Islam jangan jadi korban hoaks, cek kebenaran berita di situs resmi.',
      'Tolak diskriminasi terhadap warga Tionghoa dan semua kelompok minoritas.',
      'Jangan percaya hoaks tentang umat Kristen yang beredar di grup WhatsApp.',
      'Petugas kebersihan bekerja keras sejak subuh.',
      'Tim SAR masih mencari dua nelayan asal Madura yang hilang.',
      'Pelaku pencurian kabel diamankan polisi; dua warga asal Lampung dimintai keterangan.',
      'Gara-gara hujan deras semalam, Jalan Kaligawe tergenang.',
      'Kota Padang memang selalu ramai saat libur sekolah.',
    ]
    for (const text of respectful) expect(findSaraHostility(text), text).toEqual([])
  })

  it('reads an administrative condition as a rule about papers, not exclusion of a group', () => {
    expect(spanText('Ketua RT diminta tidak menerima pendatang tanpa surat keterangan pindah.')).toEqual([])
    expect(spanText('Pendatang tidak boleh tinggal tanpa melapor ke RT.')).toEqual([])
    expect(spanText('Umat Hindu tidak dilayani? Tidak benar, semua warga dilayani sama.')).toEqual([])
  })
})
