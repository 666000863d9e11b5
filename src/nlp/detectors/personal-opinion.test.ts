import { describe, it, expect } from 'vitest'
import { findPersonalOpinion } from './personal-opinion.ts'

const spanText = (text: string): string[] => findPersonalOpinion(text).map((s) => text.slice(s.start, s.end))
const kinds = (text: string): string[] => findPersonalOpinion(text).map((s) => s.kind)

describe('findPersonalOpinion', () => {
  it('finds first-person opinion', () => {
    expect(spanText('Menurut saya kebijakan ini kurang tepat.')).toEqual(['Menurut saya'])
    expect(spanText('Saya pribadi mendukung penertiban PKL.')).toEqual(['Saya pribadi'])
    expect(spanText('Saya rasa warga sudah paham.')).toEqual(['Saya rasa'])
  })

  it('finds the admin speaking for themself rather than for the agency', () => {
    expect(spanText('Menurut hemat admin, rapat itu terlalu lama.')).toEqual(['Menurut hemat admin'])
    expect(kinds('Kami selaku admin berpendapat bahwa lomba ini kurang meriah.')).toEqual(['opinion'])
    expect(kinds('Saya sebagai admin merasa antrean kemarin terlalu panjang.')).toEqual(['opinion'])
  })

  it('finds support for a candidate, party or ballot number and campaign slogans', () => {
    expect(spanText('Jangan lupa pilih nomor 2 tanggal 14 Februari!')).toEqual(['pilih nomor 2'])
    expect(spanText('Ayo coblos paslon 01')).toEqual(['Ayo coblos paslon 01'])
    expect(spanText('Kami mendukung Partai Gerindra')).toHaveLength(1)
    expect(spanText('Salam dua jari untuk Indonesia')).toEqual(['Salam dua jari'])
    expect(spanText('Menang satu putaran! #PrabowoGibran2024')).toHaveLength(2)
  })

  it('leaves neutral election information alone', () => {
    const neutral = [
      'Gunakan hak pilih Anda pada 14 Februari 2024 di TPS terdekat. #PemiluDamai',
      'KPU menetapkan nomor urut pasangan calon gubernur hari ini.',
      'Masa kampanye Pilkada berlangsung 25 September sampai 23 November.',
      'ASN wajib netral dan dilarang mendukung pasangan calon di media sosial.',
      'Kami memilih lokasi posko di balai desa.',
      'Pilih 1 dari 3 jadwal vaksinasi yang tersedia.',
    ]
    for (const text of neutral) expect(findPersonalOpinion(text), text).toEqual([])
  })
})

describe('findPersonalOpinion on candidates', () => {
  it('finds support for a named candidate or a person introduced with an honorific', () => {
    expect(findPersonalOpinion('Ayo dukung Prabowo-Gibran!')).toHaveLength(1)
    expect(findPersonalOpinion('Mari menangkan Pak Harjo di Pilkada')).toHaveLength(1)
    expect(findPersonalOpinion('Saya yakin program ini berhasil')).toHaveLength(1)
  })

  it('does not read support for ordinary things as partisanship', () => {
    expect(findPersonalOpinion('Dukung Timnas Indonesia di Piala Asia!')).toEqual([])
    expect(findPersonalOpinion('Ayo coblos di TPS masing-masing tanggal 27 November')).toEqual([])
    expect(findPersonalOpinion('Dukung UMKM lokal dengan membeli produk dalam negeri')).toEqual([])
  })
})

describe('findPersonalOpinion on partisanship in formal words', () => {
  it('tells first-person opinion from partisan support', () => {
    expect(kinds('Menurut saya kebijakan ini kurang tepat.')).toEqual(['opinion'])
    expect(kinds('Ayo coblos paslon 01')).toEqual(['partisan'])
    expect(kinds('Saya rasa, ayo coblos nomor 2')).toEqual(['opinion', 'partisan'])
  })

  it('finds support for a pair, candidate, party or ballot number written politely', () => {
    const partisan = [
      'Mari bersama-sama memberikan dukungan kepada pasangan calon nomor urut 2 demi kemajuan daerah.',
      'Dengan hormat, kami mengajak masyarakat menyalurkan suaranya untuk Bapak Hendra Gunawan sebagai Bupati.',
      'Pasangan Budi–Sari adalah pilihan terbaik untuk Kabupaten Demak.',
      'Semoga Bapak Wali Kota kembali terpilih untuk periode kedua.',
      'Percayakan pilihan Anda kepada Partai Nasdem pada pemilu legislatif mendatang.',
      'Hadiri kampanye akbar pasangan nomor urut 1 di Lapangan Pancasila.',
      'Kami menyatakan dukungan penuh kepada calon gubernur Ibu Ratna Dewi.',
      'Jangan salah pilih! Nomor urut 2 sudah terbukti membangun jalan desa.',
      'Jangan pilih lurah keturunan Arab.',
      'Salurkan aspirasi Anda melalui Partai Perindo di pemilu legislatif.',
      'Kami mendoakan agar Bapak Bupati Harjo dapat memimpin kembali.',
      'Pasangan nomor urut 01 merupakan pilihan paling tepat bagi warga.',
      'Mohon doa dan dukungannya untuk paslon 02 agar menang di pilkada nanti.',
      'Pilihan kami jatuh pada pasangan Agus–Yuli.',
    ]
    for (const text of partisan) expect(kinds(text), text).toEqual(['partisan'])
  })

  it('leaves neutral election information, official thanks and menu choices alone', () => {
    const neutral = [
      'Pemungutan suara Pilkada serentak dilaksanakan Rabu, 27 November 2024, pukul 07.00–13.00 WIB.',
      'KPU Kabupaten menetapkan tiga pasangan calon bupati: nomor urut 1, 2, dan 3.',
      'Cara mencoblos: buka surat suara, coblos satu pasangan calon pilihan Anda, lalu lipat kembali.',
      'Gunakan hak pilih Anda dan pilih sesuai hati nurani. Jangan golput!',
      'Hasil rekapitulasi KPU: pasangan nomor urut 2 memperoleh suara terbanyak di 12 kecamatan.',
      'Untuk layanan KTP pilih nomor 2 pada menu antrean daring.',
      'Survei kepuasan layanan: pilih nomor 1 jika puas.',
      'Kami mendukung program Ibu Wali Kota untuk menurunkan angka stunting.',
      'Terima kasih atas dukungan Bapak Gubernur dalam pembangunan jalan lingkar utara.',
      'Dukung Timnas Indonesia di Gelora Bung Karno malam ini!',
      'Lanjutkan pembayaran PBB melalui aplikasi sebelum jatuh tempo.',
      'Pilih partai yang memperjuangkan rakyat, bukan karena politik uang.',
      'Jangan pilih pegawai berdasarkan kedekatan untuk posisi bendahara.',
      'Salurkan aspirasi Anda melalui SP4N-LAPOR! atau kanal pengaduan resmi.',
      'Terima kasih atas dukungan kepada Ibu Ratna selaku Ketua TP PKK. Sukseskan Pemilu 2024 dengan datang ke TPS.',
      'Berkat dukungan Bapak Camat, posyandu lansia buka setiap Sabtu. Cek lokasi TPS Anda untuk pilkada.',
      'Lomba kampung bersih: pilih nomor 3 untuk Kampung Pelangi sebelum Jumat!',
      'Pilihan kami jatuh pada GOR Tri Lomba Juang sebagai lokasi posko pengungsian.',
    ]
    for (const text of neutral) expect(findPersonalOpinion(text), text).toEqual([])
  })

  it('finds warm support for a party, pair or person: thanks, "bersama", wishes, praise by exclusion', () => {
    const partisan = [
      'Terima kasih Partai Nasdem, mari kita dukung pada pemilu nanti.',
      'Bersama PDI Perjuangan, Jawa Tengah makin sejahtera.',
      'Bersama Bapak Ahmad Luthfi dan Gus Yasin, Jawa Tengah maju terus.',
      'Dengan penuh hormat kami mengajak warga menyukseskan paslon nomor urut 1.',
      "Percayakan masa depan Kabupaten Kudus kepada Bapak Sam'ani dan Ibu Bellinda.",
      'Insyaallah Ahmad Luthfi–Taj Yasin membawa Jawa Tengah lebih baik.',
      'Dinas Kominfo mengucapkan selamat berjuang kepada Ibu Ita, semoga terpilih.',
      'Sukses selalu untuk PPP, semoga menang di Kabupaten Rembang.',
      'Hanya Demokrat yang konsisten membela rakyat kecil.',
      'Coblos gambar banteng pada 14 Februari.',
      'Gerindra menang, rakyat senang.',
      'Paslon nomor 1 adalah jawaban atas keresahan petani, pilih dengan hati.',
      'Mari kita antar Pak Sakirman ke kursi bupati!',
      'PKB memang terbaik, teruskan perjuanganmu.',
      'Partai Gerindra, partai yang peduli nasib petani, layak Anda percayai.',
      'Jangan ragu lagi, cukup satu pilihan: paslon 02.',
      'Kita butuh pemimpin seperti Pak Yoyok, jangan biarkan beliau kalah di pilkada.',
      'Kami warga Desa Karangrejo memohon restu agar Bapak Suharto menjadi kepala desa kembali.',
    ]
    for (const text of partisan) expect(kinds(text), text).toEqual(['partisan'])
  })

  it('leaves thanks to office holders, reports with "bersama", contests and election results alone', () => {
    const neutral = [
      'Bersama Bapak Bupati, warga menanam 1.000 pohon di lereng Merapi.',
      'Bersama Partai Golkar, Pemkot menggelar donor darah di Balai Kota.',
      'Terima kasih Bapak Gubernur, lanjutkan kunjungan ke desa-desa.',
      'Terima kasih kepada seluruh partai politik peserta pemilu yang telah menjaga suasana damai.',
      'Semoga tim Kota Semarang menang di Porprov tahun ini.',
      'Hanya paslon nomor 1 yang hadir dalam debat ketiga.',
      'KPU: paslon nomor urut 2 menang di 12 kecamatan menurut hasil rekapitulasi.',
      'Semoga pilkada berjalan damai dan calon terpilih amanah menjalankan tugas.',
      'Mari sukseskan Pilkada 2024 yang jujur dan adil dengan datang ke TPS.',
      'Jangan lupa nomor antrean Anda saat dipanggil di loket.',
      'Ibu Wali Kota mengajak warga peduli lingkungan menjelang pilkada.',
      'Partai Demokrat mendaftarkan bakal calon legislatif ke KPU Kota Semarang.',
      'Pasangan Sudewo–Chandra resmi dilantik sebagai Bupati dan Wakil Bupati Pati.',
      'Berkat dukungan Bapak Camat, posyandu lansia kini buka setiap Sabtu. Jangan lupa cek lokasi TPS Anda.',
    ]
    for (const text of neutral) expect(findPersonalOpinion(text), text).toEqual([])
  })
})
