import { describe, it, expect } from 'vitest'
import { findHostileClauses } from './sara-hostile-clause.ts'

const found = (text: string): boolean => findHostileClauses(text).length > 0

describe('findHostileClauses', () => {
  it('finds a group and a hostile predicate in one clause, whatever words stand between them', () => {
    for (const text of [
      'Warga keturunan India di kompleks ini jorok dan berisik.',
      'Etnis Tionghoa hanya memikirkan keuntungan.',
      'Warga Madura di pasar ini kasar seperti binatang.',
      'Komunitas Ahmadiyah hanya membawa perpecahan di tengah masyarakat.',
      'Mereka yang beragama Konghucu tidak pantas duduk di pemerintahan.',
      'Semua orang Kalimantan masih hidup di hutan dan tidak berpendidikan.',
      'Jemaat gereja itu selalu mengganggu ketenangan warga.',
      'Pemuda Ambon di kos itu pasti dalang tawuran kemarin.',
    ])
      expect(found(text), text).toBe(true)
  })

  it('finds barring a group from living, working, leading or being served', () => {
    expect(found('Guru beragama Katolik jangan mengajar di sekolah mayoritas Muslim.')).toBe(true)
    expect(found('Non-pribumi jangan sampai memiliki tanah di daerah kita.')).toBe(true)
    expect(found('Sopir dari suku Batak dilarang mangkal di sini.')).toBe(true)
  })

  it('finds a call to avoid or expel "them" later in the sentence', () => {
    expect(found('Orang Minang terlalu perhitungan, jangan berbisnis dengan mereka.')).toBe(true)
    expect(found('Orang Makassar kalau marah suka main badik, jauhi saja.')).toBe(true)
    expect(found('Kalau bertemu orang Arab di pasar, jaga dompet Anda baik-baik.')).toBe(true)
    expect(found('Orang Batak dan orang Madura sama saja, sama-sama pembuat onar.')).toBe(true)
  })

  it('finds suspicion, exclusion and blame named just before the group', () => {
    expect(found('Waspadai pendatang dari Flores.')).toBe(true)
    expect(found('Hati-hati menikah dengan orang Sunda.')).toBe(true)
    expect(found('Tidak ada tempat bagi orang Cina di kota ini.')).toBe(true)
    expect(found('Lahan parkir pasar bukan untuk pedagang asal Sumatra Barat.')).toBe(true)
    expect(found('Bantuan sosial jangan diberikan kepada warga non-Muslim.')).toBe(true)
    expect(found('Semua masalah di kampung ini berawal dari kedatangan orang-orang Madura.')).toBe(true)
    expect(found('Pencurian motor meningkat sejak banyak perantau Sasak datang.')).toBe(true)
    expect(found('Dalang kerusuhan di terminal itu ya kelompok pemuda Flores.')).toBe(true)
    expect(found('Kami menolak warga Tionghoa menjadi ketua RW di sini.')).toBe(true)
    expect(found('Lebih baik kontrakan kosong daripada disewa orang Flores.')).toBe(true)
  })

  it('leaves greetings, news, statistics, rules with conditions and messages against hate alone', () => {
    for (const text of [
      'Perantau Minang bekerja keras membangun usaha rumah makan di Jakarta.',
      'Selamat Imlek bagi warga Tionghoa, hindari menyalakan petasan di permukiman padat.',
      'Warga Tionghoa merayakan Imlek, hati-hati di jalan saat pulang dari klenteng.',
      'Pemudik asal Jawa Tengah harus waspada cuaca ekstrem di jalur selatan.',
      'Mahasiswa asal Aceh menguasai tiga bahasa asing dan meraih beasiswa.',
      'Sejak kedatangan pengungsi Rohingya, puskesmas menambah layanan kesehatan.',
      'Umat Islam tidak perlu khawatir, layanan Samsat tetap buka selama Ramadan.',
      'Dua warga asal Madura ditangkap karena mencuri sepeda motor.',
      'Pelaku pencurian adalah warga asal luar daerah yang sudah diamankan polisi.',
      'Nelayan Bugis tidak boleh melaut saat gelombang tinggi, kata BMKG.',
      'Umat Buddha tidak perlu mendaftar ulang untuk mengikuti prosesi Waisak.',
      'Hati-hati dengan modus penipuan lowongan kerja yang menyasar pekerja asal NTT.',
      'Pemkot menolak segala bentuk diskriminasi terhadap mahasiswa Papua di asrama.',
      'Polres membantah kabar bahwa pelaku begal adalah warga suku tertentu.',
      'Tim SAR masih mencari dua nelayan asal Madura yang hilang.',
      'Data BPS: 40,2 persen penduduk Kota Medan adalah suku Batak.',
    ])
      expect(findHostileClauses(text), text).toEqual([])
  })
})
