// Paraphrases of what hoaxes assert, rewritten to the plain words a claim uses before anything else reads the text:
// "tidak bisa punya keturunan" → "mandul", "nyawanya melayang" → "meninggal", "air asin" → "air garam". Grouped by
// the predicate a claim asserts (causes harm, contains something, is stopped or no longer valid, costs money, is
// free, goes through a link, is seized, is closed…) and by the things claims name, each group written from the
// meaning of the claim base's predicates and facts (corpus/eval/hoax-claims.jsonl), never from an evaluation set.
// The rewrite runs on the claim and the text alike, so a form only has to reach the word the claim would use.
//
// Source and licence: written for Warta (Apache-2.0) from general knowledge of Indonesian; no list was copied.
// Forms are lower case; spaces and hyphens between words are interchangeable; the longest form wins. A target may
// be several words ("tidak berlaku"); it is then read by the public-service lexicon (public-service-lexicon.ts).
import { compileLexicon, foldLexicon } from './public-service-lexicon.ts'
import type { CompiledLexicon } from './public-service-lexicon.ts'

export interface ParaphraseEntry {
  /** The claim's own word(s) the forms are rewritten to. */
  to: string
  forms: string[]
  /** What the claim asserts (a harm, a state), not what it is about: the word a near claim lacks. */
  predicate?: boolean
}

export const PARAPHRASE_LEXICON: readonly ParaphraseEntry[] = [
  // Harm caused: infertility, death, autism, paralysis.
  {
    to: 'mandul',
    predicate: true,
    forms: [
      'tidak bisa punya keturunan',
      'tak bisa punya keturunan',
      'gak bisa punya keturunan',
      'ga bisa punya keturunan',
      'nggak bisa punya keturunan',
      'tidak punya keturunan',
      'susah punya keturunan',
      'sulit punya keturunan',
      'tidak bisa punya anak',
      'gak bisa punya anak',
      'ga bisa punya anak',
      'nggak bisa punya anak',
      'susah punya anak',
      'sulit punya anak',
      'tidak bisa hamil',
      'gak bisa hamil',
      'susah hamil',
      'sulit hamil',
      'tidak subur',
      'gak subur',
      'merusak kesuburan',
      'mengganggu kesuburan',
      'menurunkan kesuburan',
      'hilang kesuburan',
      'infertil',
      'infertilitas',
      'mengurangi kelahiran',
      'belum punya momongan',
      'belum dikaruniai anak',
      'sterilisasi diam diam',
      'mandull',
    ],
  },
  {
    to: 'meninggal',
    predicate: true,
    forms: [
      'nyawa melayang',
      'nyawanya melayang',
      'meregang nyawa',
      'kehilangan nyawa',
      'merenggut nyawa',
      'renggut nyawa',
      'meninggal dunia',
      'tutup usia',
      'berpulang',
      'meninggoy',
      'modar',
      'henti jantung',
      'jantungnya berhenti',
      'gagal jantung mendadak',
      'game over',
    ],
  },
  {
    to: 'mendadak',
    forms: ['tiba tiba', 'tiba2', 'ndadak', 'dadakan', 'sekonyong konyong', 'seketika', 'langsung tumbang'],
  },
  {
    to: 'anak muda',
    forms: [
      'pemuda',
      'pemudi',
      'remaja',
      'generasi muda',
      'usia muda',
      'orang muda',
      'anak anak muda',
      'milenial',
    ],
  },
  {
    to: 'autisme',
    predicate: true,
    forms: [
      'autis',
      'autism',
      'autistik',
      'gangguan perkembangan',
      'berkebutuhan khusus',
      'telat bicara',
      'terlambat bicara',
      'speech delay',
      'merusak otak',
      'keterbelakangan mental',
    ],
  },
  // Contains / tracks (a vaccine with a chip).
  {
    to: 'microchip',
    predicate: true,
    forms: [
      'alat kecil',
      'sensor gps',
      'gps',
      'nanochip',
      'cip',
      'chipnya',
      'chipny',
      'alat pelacak',
      'perangkat pelacak',
    ],
  },
  {
    to: 'melacak',
    predicate: true,
    forms: [
      'ngikutin ke mana',
      'mengikuti ke mana',
      'tahu posisi',
      'tau posisi',
      'tahu lokasi',
      'tau lokasi',
      'gerak gerik',
      'ngelacak',
      'dilacak',
      'mantau',
      'memantau',
      'dipantau',
    ],
  },
  // Stopped, dissolved, no longer valid.
  {
    to: 'dihentikan',
    predicate: true,
    forms: [
      'tamat',
      'berakhir',
      'diakhiri',
      'dicoret semua',
      'dihentiin',
      'distopin',
      'disetopin',
      'dihentikannya',
    ],
  },
  {
    to: 'dibubarkan',
    predicate: true,
    forms: ['dibubarin', 'dilebur', 'dileburkan'],
  },
  {
    to: 'tidak berlaku',
    predicate: true,
    forms: [
      'tidak laku',
      'gak laku',
      'ga laku',
      'gk laku',
      'nggak laku',
      'tidak sah',
      'gak sah',
      'tidak sah lagi',
      'kedaluwarsa',
      'kadaluarsa',
      'kadaluwarsa',
      'expired',
      'tak bisa dipakai',
      'tidak bisa dipakai',
      'gak bisa dipakai',
      'tidak dapat digunakan',
      'tidak bisa digunakan',
      'gk brlaku',
      'gak brlaku',
      'ga brlaku',
      'dicabut dari peredaran',
    ],
  },
  { to: 'ditarik', predicate: true, forms: ['dicabut', 'ditarik dari peredaran', 'tidak diedarkan'] },
  {
    to: 'diganti',
    predicate: true,
    forms: ['beralih ke', 'pindah ke', 'dialihkan ke', 'digantikan', 'diganti dengan', 'ganti ke'],
  },
  // Costs / free / paid to the wrong party.
  {
    to: 'bayar',
    predicate: true,
    forms: ['minta uang', 'meminta uang', 'ada tarif', 'dikenai biaya', 'kena biaya', 'byr', 'bayr'],
  },
  {
    to: 'gratis',
    predicate: true,
    forms: ['grtis', 'gratiss', 'gretong', 'tanpa bayar', 'gk byr', 'gak byr', 'ga byr', 'gk bayar'],
  },
  {
    to: 'rekening pribadi',
    predicate: true,
    forms: [
      'rekening perorangan',
      'rekening milik petugas',
      'rekening petugas',
      'rekening polisi',
      'rek pribadi',
      'rek petugas',
      'rekening atas nama petugas',
      'rekening oknum',
    ],
  },
  {
    to: 'calo online',
    predicate: true,
    forms: ['calo daring', 'jasa online', 'jasa daring', 'calo onlen', 'jasa onlen', 'joki online'],
  },
  {
    to: 'tanpa datang',
    predicate: true,
    forms: [
      'tanpa wawancara',
      'tanpa perlu hadir',
      'tanpa hadir',
      'tanpa dtang',
      'tidak usah datang',
      'gak usah datang',
      'gk usah datang',
    ],
  },
  // Links and forms online.
  {
    to: 'link',
    forms: ['alamat web', 'situs online', 'formulir online', 'isi formulir', 'form online', 'lnk', 'linknya'],
  },
  // Leaks and what is asked for.
  { to: 'bocor', predicate: true, forms: ['kebobolan', 'dibobol', 'diretas', 'bcor', 'bocorr'] },
  { to: 'selfie', forms: ['swafoto', 'foto wajah', 'foto muka', 'selfi', 'swafoto wajah'] },
  { to: 'foto ktp', forms: ['gambar ktp', 'poto ktp', 'ft ktp', 'foto kartu identitas', 'foto e ktp'] },
  // Disasters.
  {
    to: 'melanda',
    predicate: true,
    forms: ['diguncang', 'mengguncang', 'menghantam', 'hantam', 'disapu', 'menerjang', 'menyapu'],
  },
  { to: 'tsunami', forms: ['gelombang tsunami', 'air laut naik', 'gelombang pasang besar', 'air bah laut'] },
  {
    to: 'magnitudo 9',
    forms: ['9 sr', '9 skala richter', 'm9', 'm 9', 'magnitudo sembilan', 'berkekuatan 9'],
  },
  {
    to: 'minggu ini',
    forms: ['pekan ini', 'mgg ini', 'mnggu ini', 'dalam beberapa hari ini', 'minggu2 ini'],
  },
  { to: 'jebol', predicate: true, forms: ['roboh', 'ambrol', 'ambruk', 'pecah', 'jbol', 'runtuh', 'bobol'] },
  {
    to: 'tenggelam',
    predicate: true,
    forms: [
      'terendam',
      'kebanjiran',
      'klelep',
      'tenggelem',
      'tenggelem',
      'air bah',
      'banjir besar',
      'kelelep',
    ],
  },
  { to: 'malam ini', forms: ['nanti malam', 'ntr mlm', 'ntar malam', 'nanti mlm', 'mlm ini'] },
  // Power cuts.
  {
    to: 'padam',
    predicate: true,
    forms: [
      'mati total',
      'gelap gulita',
      'mematikan aliran listrik',
      'matikan aliran listrik',
      'madamin',
      'mati lampu',
    ],
  },
  // The power named with its cut ("listrik mati"): "mati" alone reads as death, so the pair is rewritten whole.
  {
    to: 'listrik padam',
    forms: [
      'listrik mati',
      'mati listrik',
      'listriknya mati',
      'lstrk mati',
      'listrik bakal mati',
      'listrik akan mati',
      'tanpa listrik',
      'aliran listrik diputus',
      'listrik diputus',
      'setrum mati',
      'byarpet',
      'power outage',
      'blackout total',
      'pemadaman total',
    ],
  },
  { to: 'tiga hari', forms: ['72 jam', '3 hr', '3 hari', 'tiga hari berturut turut'] },
  {
    to: 'tarif listrik',
    forms: ['tagihan listrik', 'biaya listrik', 'harga listrik', 'harga per kwh', 'harga kwh'],
  },
  { to: 'naik 50 persen', forms: ['naik setengahnya', 'naik separuh', 'melonjak separuh', 'naik setengah'] },
  // Health cures.
  { to: 'kanker', forms: ['tumor ganas', 'tumor', 'sel kanker'] },
  { to: 'rebusan', forms: ['godokan', 'seduhan', 'direbus', 'rebus', 'air godokan'] },
  { to: 'seminggu', forms: ['tujuh hari', '7 hari', '7 hr', 'satu minggu', '1 minggu', 'sepekan'] },
  {
    to: 'menyembuhkan',
    predicate: true,
    forms: ['membasmi', 'nyembuhin', 'menyembuhkan penyakit', 'langsung pulih', 'pulih'],
  },
  { to: 'air garam', forms: ['air asin', 'air garem', 'air grm', 'larutan garam'] },
  {
    to: 'membunuh',
    predicate: true,
    forms: ['mematikan virus', 'menghilangkan virus', 'bunuh', 'bs bunuh', 'basmi'],
  },
  // Fake food.
  { to: 'palsu', predicate: true, forms: ['tiruan', 'sintetis', 'imitasi', 'abal abal', 'kw'] },
  { to: 'cina', forms: ['china', 'tiongkok', 'rrt', 'chinese'] },
  { to: 'minimarket', forms: ['toko swalayan', 'swalayan', 'alfa', 'indomart', 'minimart'] },
  { to: 'pasar tradisional', forms: ['pasar rakyat', 'pasar pasar rakyat', 'pasar becek', 'pasar induk'] },
  // Taxes and seizure.
  {
    to: 'kena ppn',
    predicate: true,
    forms: ['dikenai pajak', 'kena pajak', 'dipajaki', 'dipajakin', 'dikenakan pajak'],
  },
  {
    to: 'disita',
    predicate: true,
    forms: ['diangkut', 'dirampas', 'merampas', 'diambil paksa', 'diambil aparat', 'diderek', 'disita'],
  },
  {
    to: 'menunggak pajak',
    forms: ['telat bayar pajak', 'nunggak pajak', 'pajaknya nunggak', 'pajak mati', 'telat byr pajak'],
  },
  // Schools, passports, hospitals.
  {
    to: 'diliburkan',
    predicate: true,
    forms: ['diliburin', 'libur sebulan', 'belajar di rumah', 'menutup sekolah', 'sekolah ditutup'],
  },
  { to: 'sebulan', forms: ['satu bulan', '1 bulan', '1 bln', '30 hari', 'sebulan penuh', 'sbulan'] },
  { to: 'flu', forms: ['influenza', 'flu berat', 'pilek'] },
  {
    to: 'zonasi dihapus',
    predicate: true,
    forms: ['tanpa zonasi', 'tidak ada zonasi', 'gak ada zonasi', 'gk ada zonasi', 'zonasi ditiadakan'],
  },
  { to: 'tes', forms: ['ujian masuk', 'lulus tes', 'ujian', 'test', 'tes masuk'] },
  {
    to: 'tidak dilayani',
    predicate: true,
    forms: ['tidak mau menerima', 'tidak mau lagi menerima', 'nolak', 'ditolak', 'tidak diterima'],
  },
  {
    to: 'asuransi swasta',
    forms: ['perusahaan asuransi swasta', 'asuransi milik swasta', 'asuransi swsta', 'asuransi komersial'],
  },
  { to: 'kelas 3', forms: ['kelas tiga', 'kls 3', 'kelas iii'] },
  // Kidnap, explode, water.
  {
    to: 'penculikan',
    predicate: true,
    forms: ['bawa kabur', 'membawa kabur', 'nyulik', 'menculik', 'diculik', 'culik', 'penculik'],
  },
  { to: 'ambulans', forms: ['ambulan', 'ambulance', 'mobil ambulans', 'mobil jenazah'] },
  { to: 'meledak', predicate: true, forms: ['meletus', 'mledak', 'meldak', 'ledakan', 'meledug', 'njeblug'] },
  { to: 'handphone', forms: ['telepon genggam', 'radiasi ponsel', 'hape', 'nelpon', 'menelepon'] },
  {
    to: 'tercemar racun',
    predicate: true,
    forms: [
      'mengandung racun',
      'terkontaminasi',
      'tercemar zat berbahaya',
      'zat berbahaya',
      'bahan beracun',
      'beracun',
      'trcemar',
    ],
  },
  { to: 'air keran', forms: ['air kran', 'air ledeng', 'air pam', 'air kran pdam'] },
  // Honorer, CPNS, amounts of time.
  {
    to: 'diangkat otomatis',
    predicate: true,
    forms: [
      'langsung diangkat',
      'otomatis diangkat',
      'otomatis jadi',
      'lgsg jd',
      'langsung jadi',
      'dilantik jadi',
    ],
  },
  {
    to: 'tanpa tes',
    predicate: true,
    forms: [
      'tanpa ujian',
      'tanpa harus ujian',
      'tidak perlu ikut seleksi',
      'gk usah tes',
      'gak usah tes',
      'tnp tes',
      'tanpa seleksi',
    ],
  },
  { to: 'honorer', forms: ['tenaga honor', 'pegawai honor', 'guru honor'] },
  { to: 'bulan depan', forms: ['bln dpn', 'bulan dpn', 'bln depan', 'per bulan depan'] },
  {
    to: 'seumur hidup',
    predicate: true,
    forms: [
      'selamanya',
      'tanpa batas',
      'seumur idup',
      'tidak perlu diperpanjang',
      'gk usah perpanjang',
      'gak usah perpanjang',
      'tidak ada lagi perpanjangan',
    ],
  },
  { to: 'lebaran', forms: ['idulfitri', 'idul fitri', 'lbaran', 'mudik lebaran'] },
  { to: 'emisi 2016', forms: ['keluaran 2016', 'tahun 2016', 'cetakan 2016', 'edisi 2016'] },
]

export const PARAPHRASES: CompiledLexicon = compileLexicon(
  PARAPHRASE_LEXICON.map(({ to, forms }) => ({ concept: to, slot: 'claim_kind', forms })),
)

/** Words of the claim that carry its assertion ("mandul", "jebol", "palsu"), whatever their affixes. */
export const PREDICATE_WORDS: ReadonlySet<string> = new Set(
  PARAPHRASE_LEXICON.filter((entry) => entry.predicate === true).flatMap((entry) => entry.to.split(' ')),
)

/** The text with every paraphrase rewritten to the claim's word(s); everything else byte for byte. */
export function foldParaphrases(text: string): string {
  return foldLexicon(text, PARAPHRASES)
}

/** Paraphrases first, then the public-service aliases and claim kinds: what the hoax matcher reads. */
export function foldHoaxText(text: string): string {
  return foldLexicon(foldParaphrases(text))
}
