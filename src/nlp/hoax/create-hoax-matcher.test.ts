import { describe, it, expect } from 'vitest'
import { createHoaxMatcher, keysMatch } from './create-hoax-matcher.ts'

const claims = [
  { id: 'H01', claim: '[HOAKS] Vaksin COVID-19 Mengandung Microchip untuk Melacak Warga' },
  { id: 'H03', claim: '[HOAKS] Vaksin COVID-19 Menyebabkan Kematian Mendadak pada Anak Muda' },
  { id: 'H09', claim: '[HOAKS] Pendaftaran CPNS 2024 Dipungut Biaya Rp5 Juta oleh BKN' },
  { id: 'H11', claim: '[HOAKS] Tarif Listrik PLN Naik 50 Persen Mulai Januari' },
  { id: 'H34', claim: '[HOAKS] Air PDAM Tercemar Racun, Warga Dilarang Minum Air Keran' },
]
const matcher = createHoaxMatcher(claims)
const matchOf = (text: string): string | null => matcher.match(text).match

describe('createHoaxMatcher', () => {
  it('matches restatements in other words, slang, typos, questions, quotes and regional touches', () => {
    expect(matchOf('Di dalam vaksin Covid ditanam cip kecil supaya pemerintah bisa memantau rakyat')).toBe(
      'H01',
    )
    expect(matchOf('vaksin covid bikin anak muda mati mendadak, udah banyak korbannya')).toBe('H03')
    expect(matchOf('pendaftarn cpns 2024 dipungut biyaya 5jt sama bkn')).toBe('H09')
    expect(matchOf('apa bener tarif listrik PLN naik 50 persen mulai januari?')).toBe('H11')
    expect(matchOf('"mengandung microchip untuk melacak warga" serius ini min??')).toBe('H01')
    expect(matchOf('jare banyu PDAM kena racun, ojo diombe')).toBe('H34')
  })

  it('does not match same-topic texts, denials or unrelated texts', () => {
    expect(matchOf('Jadwal vaksinasi COVID-19 dosis booster di Puskesmas Tembalang hari Senin')).toBeNull()
    expect(matchOf('Faktanya vaksin COVID-19 tidak mengandung microchip, sudah diuji BPOM')).toBeNull()
    expect(matchOf('Formasi CPNS 2024 untuk lulusan SMA ada di kementerian mana saja?')).toBeNull()
    expect(matchOf('Tarif listrik PLN naik 5 persen untuk pelanggan industri')).toBeNull()
    expect(matchOf('Lampu PJU di Jalan Setiabudi mati sudah seminggu')).toBeNull()
  })

  it('returns a score between 0 and 1 and no match for an empty claim base', () => {
    const { score } = matcher.match('vaksin covid mengandung microchip')
    expect(score).toBeGreaterThan(0)
    expect(score).toBeLessThanOrEqual(1)
    expect(createHoaxMatcher([]).match('apa saja')).toEqual({ match: null, score: 0 })
  })

  it('honours a custom threshold', () => {
    const text = 'vaksin covid bikin anak muda mati mendadak'
    const { score } = matcher.match(text)
    expect(createHoaxMatcher(claims, { threshold: score + 0.0001 }).match(text).match).toBeNull()
    expect(createHoaxMatcher(claims, { threshold: score - 0.01 }).match(text).match).toBe('H03')
  })
})

describe('keysMatch', () => {
  it('tolerates one typo in five letters and prefixes of long words', () => {
    expect(keysMatch('tercemar', 'tercemr')).toBe(true)
    expect(keysMatch('pendaftaran', 'pendaftarn')).toBe(true)
    expect(keysMatch('kantor', 'kanker')).toBe(false)
  })

  it('meets chat spellings that drop vowels but keep every consonant, the first and the last letter', () => {
    expect(keysMatch('warga', 'wrga')).toBe(true)
    expect(keysMatch('listrik', 'lstrk')).toBe(true)
    expect(keysMatch('banyak', 'bnyk')).toBe(true)
    expect(keysMatch('minum', 'mnm')).toBe(true)
    expect(keysMatch('mati', 'mat')).toBe(false)
    expect(keysMatch('beras', 'bers')).toBe(true)
    expect(keysMatch('dari', 'dr')).toBe(false)
    expect(keysMatch('bantu', 'bnt')).toBe(false)
  })
})

describe('createHoaxMatcher, round two (paraphrase, slang, consequence, denial, fact, near claim)', () => {
  const base = createHoaxMatcher([
    {
      id: 'H03',
      claim: '[HOAKS] Vaksin COVID-19 Menyebabkan Kematian Mendadak pada Anak Muda',
      fact: 'Tidak ada data yang menunjukkan vaksin COVID-19 menyebabkan kematian mendadak; KIPI dipantau Komnas KIPI.',
    },
    {
      id: 'H04',
      claim: '[HOAKS] Imunisasi Polio Membuat Anak Mandul Saat Dewasa',
      fact: 'Vaksin polio tidak memengaruhi kesuburan; imunisasi polio melindungi anak dari kelumpuhan.',
    },
    {
      id: 'H05',
      claim: '[HOAKS] Pencairan BLT BBM Rp600 Ribu Lewat Link Pendaftaran Online',
      fact: 'BLT BBM disalurkan lewat PT Pos dan bank Himbara kepada penerima terdaftar DTKS, tanpa pendaftaran lewat link.',
    },
    {
      id: 'H34',
      claim: '[HOAKS] Air PDAM Tercemar Racun, Warga Dilarang Minum Air Keran',
      fact: 'Hasil uji laboratorium menunjukkan air PDAM memenuhi baku mutu.',
    },
  ])
  const of = (text: string): string | null => base.match(text).match

  it('matches a paraphrase that shares almost no word with the claim', () => {
    expect(of('imunisasi polio ternyata bikin anak-anak kita susah punya keturunan kalau sudah besar')).toBe(
      'H04',
    )
    expect(of('sudah banyak pemuda yang nyawanya melayang tiba-tiba sehabis divaksin covid')).toBe('H03')
  })

  it('matches slang with dropped vowels', () => {
    expect(of('air pdam trcmar racun, wrga jgn mnm air kran dl')).toBe('H34')
  })

  it('does not match a question the text itself answers with a denial', () => {
    expect(of('Imunisasi polio bikin anak mandul? Itu hoaks lama, sudah diklarifikasi Kemenkes')).toBeNull()
  })

  it('does not match a true statement that restates the fact more than the claim', () => {
    const fact =
      'Imunisasi polio melindungi anak dari kelumpuhan dan tidak memengaruhi kesuburan, ayo ke posyandu'
    const [candidate] = base.candidates(fact)
    expect(candidate?.features.factLead).toBeGreaterThan(0.5)
    expect(of(fact)).toBeNull()
    expect(of('BLT BBM disalurkan lewat PT Pos dan bank Himbara kepada penerima DTKS')).toBeNull()
  })
})

describe('createHoaxMatcher on long claims', () => {
  it('matches a text restating one sentence of a claim with a narrative', () => {
    const long = createHoaxMatcher([
      {
        id: 'L1',
        claim:
          '[HOAKS] Beredar pesan berantai di grup keluarga yang mengatasnamakan Dinas Kesehatan. Isinya menyebut bahwa air rebusan daun sirsak menyembuhkan kanker dalam seminggu. Pesan itu juga meminta warga menyebarkannya ke sepuluh grup lain.',
      },
      { id: 'L2', claim: '[HOAKS] Tarif Listrik PLN Naik 50 Persen Mulai Januari' },
    ])
    expect(long.match('rebusan daun sirsak bisa sembuhkan kanker seminggu').match).toBe('L1')
    expect(long.scoreAll('rebusan daun sirsak bisa sembuhkan kanker seminggu').map((s) => s.claimId)).toEqual(
      ['L1', 'L2'],
    )
  })
})

describe('createHoaxMatcher on slang and question restatements', () => {
  const userClaims = [
    { id: 'h1', claim: 'Vaksin COVID-19 mengandung microchip untuk melacak warga' },
    { id: 'h2', claim: 'Pemerintah membagikan bantuan Rp 5 juta lewat link pendaftaran WhatsApp' },
  ]
  const small = createHoaxMatcher(userClaims)

  it('matches a slang question that restates the claim with sub-words and slang affixes', () => {
    expect(small.match('beneran ga sih vaksin ada chip buat ngelacak kita??').match).toBe('h1')
  })

  it('matches a hearsay question with an abbreviated amount and channel', () => {
    expect(
      small.match('ada yg dapet link wa daftar bantuan 5jt dari pemerintah? katanya cair minggu ini').match,
    ).toBe('h2')
  })

  it('does not match a same-topic question', () => {
    expect(small.match('jadwal vaksin booster di puskesmas kapan ya min').match).toBeNull()
  })

  it('still treats a plain denial as a stance flip', () => {
    expect(small.match('Vaksin COVID-19 tidak mengandung microchip untuk melacak warga').match).toBeNull()
  })
})

describe('createHoaxMatcher on texts written in other words than the claim', () => {
  const base = [
    { id: 'H05', claim: '[HOAKS] Pencairan BLT BBM Rp600 Ribu Lewat Link Pendaftaran Online' },
    { id: 'H06', claim: '[HOAKS] Bansos PKH Dihentikan Mulai Bulan Depan untuk Semua Penerima' },
    { id: 'H09', claim: '[HOAKS] Pendaftaran CPNS 2024 Dipungut Biaya Rp5 Juta oleh BKN' },
    { id: 'H13', claim: '[HOAKS] KTP Elektronik Lama Tidak Berlaku Lagi dan Wajib Diganti KTP Digital' },
    { id: 'H28', claim: '[HOAKS] BPJS Kesehatan Dibubarkan dan Diganti Asuransi Swasta' },
    { id: 'H32', claim: '[HOAKS] Jalan Tol Trans Jawa Digratiskan Selama Libur Lebaran' },
  ]
  const words = createHoaxMatcher(base)
  const of = (text: string): string | null => words.match(text).match

  it('meets a claim through an acronym, a full name or another spelling', () => {
    expect(of('JKN-KIS mau dibubarkan, diganti asuransi swasta katanya')).toBe('H28')
    expect(of('e-KTP yang lama gak berlaku lagi, semua wajib ganti ke KTP digital?')).toBe('H13')
    expect(of('Program Keluarga Harapan distop bulan depan buat semua penerima, bener min?')).toBe('H06')
  })

  it('meets a claim through a synonym of its predicate', () => {
    expect(of('katanya PKH gak ada lagi mulai bulan depan, semua penerima')).toBe('H06')
    expect(of('Tol Trans Jawa nol rupiah pas libur Lebaran, sebarkan')).toBe('H32')
  })

  it('reads the amount however it is written', () => {
    for (const amount of ['600rb', '600 rebu', '600k', 'enam ratus ribu'])
      expect(of(`Pencairan BLT BBM ${amount} lewat link pendaftaran online, buruan`), amount).toBe('H05')
    expect(of('daftar CPNS 2024 harus bayar 5jt ke BKN, dari grup')).toBe('H09')
  })

  it('reads Javanese, Sundanese and English restatements', () => {
    expect(of('jare bansos PKH mandeg wulan ngarep kanggo kabeh penerima')).toBe('H06')
    expect(of('BPJS Kesehatan dibubarkeun ceunah, diganti asuransi swasta')).toBe('H28')
    expect(of('is it true the BPJS Kesehatan is abolished and replaced by private insurance?')).toBe('H28')
  })

  it('does not match a denial, an official update or a genuine question about the same service', () => {
    expect(of('BPJS Kesehatan tidak dibubarkan, tetap menyelenggarakan JKN')).toBeNull()
    expect(
      of('Kami informasikan pendaftaran CPNS 2024 tidak dipungut biaya, hanya melalui kanal resmi BKN'),
    ).toBeNull()
    expect(of('Kapan pendaftaran CPNS 2024 dibuka? syaratnya apa saja min')).toBeNull()
    expect(of('Jadwal penyaluran bansos PKH tahap 4 di kelurahan mulai Senin')).toBeNull()
  })

  it('scores a text that names no claim without verifying it', () => {
    expect(words.match('Terima kasih atas pelayanannya, sangat cepat').score).toBe(0)
    expect(words.candidates('Terima kasih atas pelayanannya, sangat cepat')).toEqual([])
  })
})

describe('createHoaxMatcher when two claims compete', () => {
  it('names no claim when a second one is about as likely, rather than risk the wrong one', () => {
    const twins = createHoaxMatcher([
      { id: 'A', claim: '[HOAKS] Bansos PKH Dihentikan Mulai Bulan Depan' },
      { id: 'B', claim: '[HOAKS] Bantuan PKH Distop Mulai Bulan Depan' },
    ])
    const [first, second] = twins.candidates('PKH dihentikan mulai bulan depan')
    expect(first && second && first.probability - second.probability).toBeLessThan(0.15)
    expect(twins.match('PKH dihentikan mulai bulan depan').match).toBeNull()
  })

  it('names the claim whose variants or keywords the staff added', () => {
    const kb = createHoaxMatcher([
      {
        id: 'K1',
        claim: '[HOAKS] Pemerintah Bagikan Kuota Internet Gratis lewat Pesan WhatsApp',
        variants: ['Paket data 50 GB gratis dari Komdigi, klik tautan di pesan WA'],
        keywords: ['kuotagratis.id'],
      },
      { id: 'K2', claim: '[HOAKS] Tarif Listrik PLN Naik 50 Persen Mulai Januari' },
    ])
    expect(
      kb.match('dapet pesan WA: paket data 50GB gratis dari Komdigi, tinggal klik tautannya').match,
    ).toBe('K1')
    expect(kb.candidates('sudah coba buka kuotagratis.id belum?').map((c) => c.claimId)).toEqual(['K1'])
  })
})

describe('createHoaxMatcher, round three (negation scope, warnings, refusals, amounts in words)', () => {
  const claims = [
    {
      id: 'B',
      claim: '[HOAKS] Beras Plastik Beredar di Pasar Tradisional',
      fact: 'Hasil uji laboratorium tidak menemukan beras berbahan plastik di pasar.',
    },
    {
      id: 'P',
      claim: '[HOAKS] Sembako Kena PPN 12 Persen Mulai Besok',
      fact: 'Bahan kebutuhan pokok tetap dibebaskan dari PPN.',
    },
    {
      id: 'A',
      claim: '[HOAKS] Air PDAM Tercemar Racun, Warga Dilarang Minum Air Keran',
      fact: 'Hasil uji laboratorium menunjukkan air PDAM memenuhi baku mutu.',
    },
  ]
  const matcher = createHoaxMatcher(claims)
  const of = (text: string): string | null => matcher.match(text).match

  it('reads a negation past function words as denying the claim', () => {
    expect(of('Di pasar kami tidak ada beras yang dari plastik')).toBeNull()
  })

  it('matches a warning or a refusal that acts on the claim', () => {
    expect(of('Jangan minum air keran PDAM, sudah tercemar racun')).toBe('A')
    expect(of('Gak berani lagi beli beras di pasar tradisional, ada beras plastik')).toBe('B')
  })

  it('reads a teen written in words as the claim amount', () => {
    expect(of('Mulai besok sembako dikenai PPN dua belas persen')).toBe('P')
  })
})
