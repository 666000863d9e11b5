// What the demo instansi is made of: a fictional regency (Kabupaten Sukamaju) with its dinas and kecamatan, a
// person for every role, sandbox accounts, two hoax claims and the posts of a Humas office. Plain data; the
// builder (build-demo.ts) creates it through the features. Texts are written to pass the compliance check (no
// personal data, no classification markers) and avoid the hoax claims' topics.
import type { Role } from '../../shared/roles.ts'

export const DEMO_INSTANSI = {
  name: 'Pemerintah Kabupaten Sukamaju',
  slug: 'kab-sukamaju',
  rootUnitName: 'Pemerintah Kabupaten Sukamaju',
  rootUnitCode: 'PEMKAB-SKM',
}

export type DemoUnitKey = 'root' | 'kominfo' | 'dinkes' | 'disdik' | 'puskesmas' | 'kecUtara' | 'kecCibeureum'

export const DEMO_UNITS: ReadonlyArray<{
  key: Exclude<DemoUnitKey, 'root'>
  parent: DemoUnitKey
  code: string
  name: string
}> = [
  { key: 'kominfo', parent: 'root', code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika' },
  { key: 'dinkes', parent: 'root', code: 'DINKES', name: 'Dinas Kesehatan' },
  { key: 'disdik', parent: 'root', code: 'DISDIK', name: 'Dinas Pendidikan' },
  { key: 'puskesmas', parent: 'dinkes', code: 'PKM-CBR', name: 'Puskesmas Cibeureum' },
  { key: 'kecUtara', parent: 'root', code: 'KEC-SKU', name: 'Kecamatan Sukamaju Utara' },
  { key: 'kecCibeureum', parent: 'root', code: 'KEC-CBR', name: 'Kecamatan Cibeureum' },
]

export type DemoPersonKey =
  'admin' | 'hendra' | 'sri' | 'putri' | 'agus' | 'maya' | 'fajar' | 'lina' | 'bambang' | 'yusuf' | 'dimas'

export interface DemoPerson {
  key: DemoPersonKey
  /** The local part of the e-mail; the domain is the instansi's (never deliverable: .example). */
  local: string
  name: string
  role: Role
  unit: DemoUnitKey
  /** Mode Latihan on: a trainee whose posts go only to the sandbox. */
  trainee?: boolean
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { key: 'admin', local: 'admin', name: 'Rina Wulandari', role: 'admin', unit: 'root' },
  { key: 'hendra', local: 'hendra', name: 'Hendra Gunawan', role: 'penanggung_jawab', unit: 'root' },
  { key: 'sri', local: 'sri', name: 'dr. Sri Handayani', role: 'penanggung_jawab', unit: 'dinkes' },
  { key: 'putri', local: 'putri', name: 'Putri Anggraini', role: 'pengelola', unit: 'root' },
  { key: 'agus', local: 'agus', name: 'Agus Setiawan', role: 'pengelola', unit: 'dinkes' },
  { key: 'maya', local: 'maya', name: 'Maya Sari', role: 'pengelola', unit: 'disdik' },
  { key: 'fajar', local: 'fajar', name: 'Fajar Nugroho', role: 'analis', unit: 'root' },
  { key: 'lina', local: 'lina', name: 'Lina Marlina', role: 'ppid', unit: 'root' },
  { key: 'bambang', local: 'bambang', name: 'Bambang Sutrisno', role: 'pimpinan', unit: 'root' },
  { key: 'yusuf', local: 'yusuf', name: 'Yusuf Hidayat', role: 'auditor', unit: 'root' },
  {
    key: 'dimas',
    local: 'dimas',
    name: 'Dimas Pratama',
    role: 'pengelola',
    unit: 'kecCibeureum',
    trainee: true,
  },
]

export type DemoAccountKey = 'humas' | 'dinkes' | 'disdik' | 'cibeureum'

export interface DemoAccount {
  key: DemoAccountKey
  unit: DemoUnitKey
  handle: string
  displayName: string
  penanggungJawab: DemoPersonKey
  pengelola: DemoPersonKey
  /** Who writes its posts and who approves them in the demo's history. */
  author: DemoPersonKey
  approver: DemoPersonKey
  topics: readonly DemoTopic[]
}

export interface DemoTopic {
  title: string
  text: string
  tags: readonly string[]
}

const HUMAS_TOPICS: readonly DemoTopic[] = [
  {
    title: 'Mal Pelayanan Publik buka Sabtu',
    text: 'Mal Pelayanan Publik Kabupaten Sukamaju kini juga melayani warga setiap Sabtu pukul 08.00 sampai 12.00. Urus perizinan, kependudukan dan pajak daerah di satu tempat. #SukamajuMelayani',
    tags: ['pelayanan', 'MPP'],
  },
  {
    title: 'Perbaikan jalan {desa}',
    text: 'Perbaikan jalan penghubung Desa {desa} sepanjang dua kilometer dimulai pekan ini. Mohon maaf atas ketidaknyamanan; pengendara diimbau memakai jalur alternatif. #InfrastrukturSukamaju',
    tags: ['infrastruktur'],
  },
  {
    title: 'Bupati meninjau pasar {desa}',
    text: 'Bupati Sukamaju meninjau harga bahan pokok di Pasar {desa} pagi ini. Harga beras dan minyak goreng terpantau stabil dan stok mencukupi hingga akhir bulan. #PasarSukamaju',
    tags: ['ekonomi', 'pasar'],
  },
  {
    title: 'Festival Budaya Sukamaju',
    text: 'Festival Budaya Sukamaju kembali digelar di alun-alun kabupaten akhir pekan ini: pentas seni, kuliner khas dan pameran UMKM. Ajak keluarga dan dukung produk lokal! #FestivalSukamaju',
    tags: ['budaya', 'UMKM'],
  },
  {
    title: 'Pembayaran PBB tepat waktu',
    text: 'Pajak Bumi dan Bangunan tahun ini dapat dibayar di bank daerah, kantor pos atau aplikasi resmi Pemkab Sukamaju. Bayar tepat waktu, bangun daerah bersama. #PajakUntukSukamaju',
    tags: ['pajak', 'PBB'],
  },
  {
    title: 'Kerja bakti serentak',
    text: 'Minggu pagi ini warga {desa} bersama perangkat kecamatan melaksanakan kerja bakti membersihkan saluran air menjelang musim hujan. Terima kasih atas gotong royongnya! #SukamajuBersih',
    tags: ['lingkungan', 'gotong royong'],
  },
  {
    title: 'Musrenbang kecamatan',
    text: 'Musyawarah Perencanaan Pembangunan tingkat kecamatan berlangsung di {desa}. Usulan warga tentang jalan desa, air bersih dan penerangan jalan dibahas bersama OPD. #MusrenbangSukamaju',
    tags: ['musrenbang', 'perencanaan'],
  },
]

const DINKES_TOPICS: readonly DemoTopic[] = [
  {
    title: 'Imunisasi di posyandu {desa}',
    text: 'Jadwal imunisasi dasar lengkap untuk bayi dan balita di Posyandu {desa} minggu ini. Bawa buku KIA dan pastikan si kecil dalam keadaan sehat. #ImunisasiLengkap',
    tags: ['imunisasi', 'posyandu'],
  },
  {
    title: 'Gerakan 3M Plus cegah DBD',
    text: 'Musim hujan tiba, saatnya Gerakan 3M Plus: menguras, menutup, mendaur ulang, ditambah memakai kelambu dan lotion anti nyamuk. Cegah demam berdarah mulai dari rumah. #CegahDBD',
    tags: ['DBD', 'kesehatan'],
  },
  {
    title: 'Cek kesehatan gratis',
    text: 'Cek kesehatan gratis di Puskesmas Cibeureum dan puskesmas lain di Sukamaju: tekanan darah, gula darah dan kolesterol. Datang pagi hari, cukup membawa KTP. #SukamajuSehat',
    tags: ['cek kesehatan', 'puskesmas'],
  },
  {
    title: 'Cegah stunting sejak dini',
    text: 'Seribu hari pertama kehidupan menentukan masa depan anak. Kader posyandu {desa} siap mendampingi ibu hamil dan balita dengan penimbangan rutin dan makanan bergizi. #CegahStunting',
    tags: ['stunting', 'gizi'],
  },
  {
    title: 'Donor darah bulan ini',
    text: 'Donor darah bersama Dinas Kesehatan dan PMI Sukamaju di aula kantor bupati hari Kamis. Setetes darah Anda sangat berarti bagi sesama. #DonorDarah',
    tags: ['donor darah'],
  },
]

const DISDIK_TOPICS: readonly DemoTopic[] = [
  {
    title: 'Pendaftaran murid baru',
    text: 'Pendaftaran murid baru SD dan SMP negeri di Kabupaten Sukamaju dibuka bulan depan secara daring melalui laman resmi Dinas Pendidikan. Pendaftaran tidak dipungut biaya. #SPMBSukamaju',
    tags: ['pendaftaran', 'sekolah'],
  },
  {
    title: 'Lomba literasi pelajar',
    text: 'Selamat kepada pelajar SMP Negeri 2 Sukamaju, juara lomba menulis cerita pendek tingkat provinsi! Terus tumbuhkan semangat membaca dan menulis. #LiterasiSukamaju',
    tags: ['prestasi', 'literasi'],
  },
  {
    title: 'Pelatihan guru {desa}',
    text: 'Sebanyak 60 guru SD gugus {desa} mengikuti pelatihan pembelajaran mendalam selama tiga hari. Guru hebat, murid berprestasi. #GuruSukamaju',
    tags: ['guru', 'pelatihan'],
  },
  {
    title: 'Beasiswa pelajar berprestasi',
    text: 'Pemkab Sukamaju membuka beasiswa bagi pelajar berprestasi dari keluarga kurang mampu. Informasi persyaratan tersedia di sekolah masing-masing dan laman Dinas Pendidikan. #BeasiswaSukamaju',
    tags: ['beasiswa'],
  },
]

const CIBEUREUM_TOPICS: readonly DemoTopic[] = [
  {
    title: 'Pelayanan KTP keliling',
    text: 'Pelayanan perekaman KTP elektronik keliling hadir di Kantor Desa {desa} hari Rabu. Warga yang belum merekam dapat datang dengan membawa kartu keluarga. #Adminduk',
    tags: ['kependudukan', 'KTP'],
  },
  {
    title: 'Posyandu lansia {desa}',
    text: 'Posyandu lansia di Desa {desa} kembali aktif setiap Selasa kedua. Pemeriksaan tekanan darah, senam ringan dan penyuluhan gizi untuk para lansia. #LansiaSehat',
    tags: ['lansia', 'posyandu'],
  },
]

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    key: 'humas',
    unit: 'root',
    handle: 'humas.sukamaju',
    displayName: 'Humas Kabupaten Sukamaju',
    penanggungJawab: 'hendra',
    pengelola: 'putri',
    author: 'putri',
    approver: 'hendra',
    topics: HUMAS_TOPICS,
  },
  {
    key: 'dinkes',
    unit: 'dinkes',
    handle: 'dinkes.sukamaju',
    displayName: 'Dinas Kesehatan Sukamaju',
    penanggungJawab: 'sri',
    pengelola: 'agus',
    author: 'agus',
    approver: 'sri',
    topics: DINKES_TOPICS,
  },
  {
    key: 'disdik',
    unit: 'disdik',
    handle: 'disdik.sukamaju',
    displayName: 'Dinas Pendidikan Sukamaju',
    penanggungJawab: 'hendra',
    pengelola: 'maya',
    author: 'maya',
    approver: 'hendra',
    topics: DISDIK_TOPICS,
  },
  {
    key: 'cibeureum',
    unit: 'kecCibeureum',
    handle: 'kec.cibeureum',
    displayName: 'Kecamatan Cibeureum',
    penanggungJawab: 'hendra',
    pengelola: 'dimas',
    author: 'putri',
    approver: 'hendra',
    topics: CIBEUREUM_TOPICS,
  },
]

/** A real platform's account in the registry, not connected: Mode Latihan keeps trainees away from it. */
export const DEMO_UNCONNECTED_ACCOUNT = {
  unit: 'root' as const,
  platform: 'instagram',
  handle: 'pemkabsukamaju',
  displayName: 'Pemerintah Kabupaten Sukamaju',
  penanggungJawab: 'hendra' as const,
}

export const DEMO_VILLAGES = [
  'Cibeureum',
  'Sukamaju Utara',
  'Mekarsari',
  'Sindangsari',
  'Margahayu',
  'Cikalong',
  'Sukaresmi',
  'Pasirjaya',
]

export const DEMO_HOAX_CLAIMS = [
  {
    label: 'hoaks',
    claim: 'Jembatan Cibeureum ambruk dan ditutup total selama enam bulan.',
    facts:
      'Jembatan Cibeureum tetap dapat dilalui. Yang dilakukan adalah perawatan rutin sambungan jembatan pada malam hari, dengan buka-tutup arus selama dua pekan.',
    sources: [
      { url: 'https://sukamajukab.example/berita/perawatan-jembatan', title: 'Siaran pers Dinas PUPR' },
    ],
    units: ['kecCibeureum'] as DemoUnitKey[],
    variants: ['jembatan cibeureum putus'],
    keywords: ['jembatan', 'ambruk', 'ditutup total'],
  },
  {
    label: 'disinformasi',
    claim: 'Bantuan tunai Rp5 juta untuk warga Sukamaju bisa diklaim lewat tautan di pesan berantai.',
    facts:
      'Pemkab Sukamaju tidak pernah membagikan bantuan lewat tautan di pesan berantai. Tautan tersebut meminta data pribadi dan merupakan upaya penipuan.',
    sources: [
      { url: 'https://sukamajukab.example/klarifikasi/bantuan-tunai', title: 'Klarifikasi Diskominfo' },
    ],
    units: ['kominfo'] as DemoUnitKey[],
    variants: ['bantuan tunai lima juta lewat link'],
    keywords: ['bantuan tunai', 'tautan', 'pesan berantai'],
  },
]

/**
 * The inbox's history (build-demo-inbox.ts): saved replies the penanggung jawab writes first, instansi-wide, each
 * for the intents it fits. Variables only those Warta always fills for a sandbox item (no {kontak_unit}).
 */
export const DEMO_SAVED_REPLIES: ReadonlyArray<{
  title: string
  body: string
  tags: string[]
  intents: string[]
}> = [
  {
    title: 'Pertanyaan umum: terima kasih, kami cek',
    body: 'Halo {nama}, terima kasih atas pertanyaannya. Informasi lengkapnya kami sampaikan melalui {unit}; pantau juga pengumuman resmi di {akun}. Nomor tiket: {nomor_tiket}.',
    tags: ['umum'],
    intents: ['pertanyaan', 'aspirasi'],
  },
  {
    title: 'Keluhan: diteruskan ke unit terkait',
    body: 'Mohon maaf atas ketidaknyamanannya, {nama}. Keluhan Anda sudah kami catat (tiket {nomor_tiket}) dan kami teruskan ke {unit} untuk ditindaklanjuti.',
    tags: ['keluhan'],
    intents: ['keluhan'],
  },
  {
    title: 'Permohonan informasi publik (PPID)',
    body: 'Terima kasih, {nama}. Permohonan informasi Anda kami catat dengan tiket {nomor_tiket} dan diteruskan ke PPID Pemerintah Kabupaten Sukamaju; jawaban tertulis disampaikan paling lambat 10 hari kerja.',
    tags: ['ppid'],
    intents: ['permohonan_informasi'],
  },
  {
    title: 'Apresiasi warga',
    body: 'Terima kasih atas dukungannya, {nama}! Salam hangat dari {unit}.',
    tags: ['apresiasi'],
    intents: ['apresiasi'],
  },
]

/** Short replies written by hand where no saved reply fits (chatter, greetings, comments without a question). */
export const DEMO_FREE_REPLIES = [
  'Terima kasih sudah mampir dan ikut menyimak, semoga bermanfaat.',
  'Terima kasih atas tanggapannya. Informasi terbaru akan kami unggah di akun ini.',
  'Siap, masukannya kami catat. Terima kasih!',
  'Terima kasih, semoga informasi ini bisa dibagikan ke keluarga dan tetangga.',
]

/** Internal notes the team leaves on an item (never sent to the citizen). */
export const DEMO_NOTES = [
  'Sudah dikonfirmasi ke unit teknis, jawaban sesuai data terbaru.',
  'Warga ini pernah bertanya hal serupa minggu lalu.',
  'Perlu dipantau: kalau ramai, siapkan unggahan penjelasan.',
  'Dicek ke bidang terkait via telepon, menunggu angka pastinya.',
]

export const DEMO_HANDOVER_NOTE = 'Soal layanan kesehatan, mohon dijawab Dinkes.'

/**
 * Messages written for the demo (besides the simulated citizens' comments), so the inbox's rarer paths exist:
 * information requests that become PPID cases, a complaint referred to SP4N-LAPOR!, abusive comments to hide.
 * `at` is how far back in the history they come (a share of it, so a short test history has them too); `kind`
 * says what the office does with them.
 */
export const DEMO_CITIZEN_MESSAGES: ReadonlyArray<{
  at: number
  kind: 'ppid' | 'lapor' | 'abusive'
  handle: string
  name: string
  text: string
}> = [
  {
    at: 0.8,
    kind: 'abusive',
    handle: 'akun.anonim77',
    name: 'Akun Anonim (warga simulasi)',
    text: 'Kalian semua bangsat, bisanya cuma pencitraan!',
  },
  {
    at: 0.45,
    kind: 'ppid',
    handle: 'rahmat.peneliti',
    name: 'Rahmat Hidayat (warga simulasi)',
    text: 'Saya mau minta salinan laporan realisasi anggaran Dinas Pendidikan tahun lalu, bagaimana prosedur permohonan informasinya?',
  },
  {
    at: 0.3,
    kind: 'lapor',
    handle: 'ibu.wati',
    name: 'Wati Suryani (warga simulasi)',
    text: 'Pelayanan di puskesmas lambat sekali, antre dari pagi baru dipanggil siang. Kecewa.',
  },
  {
    at: 0.2,
    kind: 'ppid',
    handle: 'nisa.mahasiswa',
    name: 'Khairunnisa (warga simulasi)',
    text: 'Mohon dibagikan data jumlah tenaga kesehatan di setiap puskesmas, saya perlu untuk penelitian skripsi. Bisa diminta ke mana?',
  },
  {
    at: 0.12,
    kind: 'abusive',
    handle: 'suara.rakyat99',
    name: 'Suara Rakyat (warga simulasi)',
    text: 'Dasar pejabat goblok, kerja nggak becus semua!',
  },
  {
    at: 0.05,
    kind: 'ppid',
    handle: 'lsm.transparansi',
    name: 'Forum Transparansi Sukamaju (warga simulasi)',
    text: 'Selamat siang, saya mohon salinan data anggaran perbaikan jalan desa tahun 2026 untuk tugas penelitian. Bagaimana cara mengajukan permohonannya?',
  },
]
