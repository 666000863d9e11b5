// Text → comparable units for the hoax matcher: content-word keys (normalised, regional words mapped, affixes
// stripped, synonyms folded), negation marks, amounts, and a string for character n-grams.
import { tokenise } from '../text/tokenise.ts'
import { extractAmounts, isAmountUnit, NUMBER_WORDS } from './extract-amounts.ts'
import { foldHoaxText, PREDICATE_WORDS } from './paraphrase-lexicon.ts'
import { LEXICON } from './public-service-lexicon.ts'
import { stemIndonesian } from './stem-indonesian.ts'

// Javanese and Sundanese words that show up in Indonesian posts, mapped to the Indonesian the normaliser knows.
// Applied to the raw word before the general normaliser, which would otherwise mistake some of them ("ono").
const REGIONAL: Record<string, string> = {
  // Javanese
  ono: 'ada',
  onok: 'ada',
  enek: 'ada',
  ora: 'tidak',
  ra: 'tidak',
  ndak: 'tidak',
  gak: 'tidak',
  dudu: 'bukan',
  jare: 'katanya',
  jarene: 'katanya',
  iki: 'ini',
  iku: 'itu',
  kuwi: 'itu',
  saiki: 'sekarang',
  wis: 'sudah',
  uwis: 'sudah',
  arep: 'akan',
  kabeh: 'semua',
  wong: 'orang',
  opo: 'apa',
  piye: 'bagaimana',
  bener: 'benar',
  tenan: 'benar',
  entuk: 'dapat',
  oleh: 'dapat',
  duwit: 'uang',
  duit: 'uang',
  mbayar: 'bayar',
  bayare: 'bayar',
  sing: 'yang',
  karo: 'dengan',
  lan: 'dan',
  seko: 'dari',
  soko: 'dari',
  neng: 'di',
  nang: 'di',
  ning: 'di',
  bocah: 'anak',
  mateni: 'padamkan',
  dipateni: 'dipadamkan',
  ojo: 'jangan',
  aja_: '',
  diombe: 'diminum',
  ngombe: 'minum',
  dino: 'hari',
  wulan: 'bulan',
  taun: 'tahun',
  cedak: 'dekat',
  parek: 'dekat',
  gawe: 'buat',
  gawean: 'buatan',
  didol: 'dijual',
  endog: 'telur',
  uyah: 'garam',
  godong: 'daun',
  godhokan: 'rebusan',
  urip: 'hidup',
  siji: '1',
  loro: '2',
  telu: '3',
  telung: '3',
  papat: '4',
  limo: '5',
  enem: '6',
  pitu: '7',
  wolu: '8',
  songo: '9',
  omah: 'rumah',
  banyu: 'air',
  udan: 'hujan',
  sesuk: 'besok',
  mengko: 'nanti',
  dhuwit: 'uang',
  dijaluk: 'diminta',
  njaluk: 'minta',
  gratisan: 'gratis',
  lur: '',
  rek: '',
  cah: '',
  tah: '',
  maneh: 'lagi',
  maning: 'lagi',
  ngerti: 'tahu',
  ngomong: 'bilang',
  krungu: 'dengar',
  jarku: 'katanya',
  kandani: 'diberitahu',
  mbok: '',
  lho: '',
  ae: 'saja',
  durung: 'belum',
  during: 'belum',
  isih: 'masih',
  pancen: 'memang',
  amarga: 'karena',
  mergo: 'karena',
  mergane: 'karena',
  nek: 'kalau',
  yen: 'kalau',
  tekan: 'sampai',
  kudu: 'harus',
  kanggo: 'untuk',
  nggo: 'untuk',
  dinggo: 'untuk',
  mundhak: 'naik',
  munggah: 'naik',
  mudhun: 'turun',
  ilang: 'hilang',
  diilangi: 'dihapus',
  dibusak: 'dihapus',
  // Sundanese
  aya: 'ada',
  moal: 'tidak akan',
  acan: 'belum',
  keur: 'untuk',
  pikeun: 'untuk',
  dupi: '',
  geuning: '',
  oge: 'juga',
  kitu: 'begitu',
  kieu: 'begini',
  bayaran: 'bayar',
  mayar: 'bayar',
  naek: 'naik',
  turun: 'turun',
  leungit: 'hilang',
  dipupus: 'dihapus',
  // English code-switches
  not: 'tidak',
  is: '',
  are: '',
  it: '',
  true: 'benar',
  fake: 'palsu',
  scam: 'penipuan',
  from: 'dari',
  group: 'grup',
  please: 'tolong',
  share: 'sebarkan',
  forward: 'sebarkan',
  free: 'gratis',
  vaccine: 'vaksin',
  chip: 'chip',
  electricity: 'listrik',
  price: 'harga',
  school: 'sekolah',
  closed: 'ditutup',
  children: 'anak',
  kids: 'anak',
  kid: 'anak',
  rice: 'beras',
  plastic: 'plastik',
  egg: 'telur',
  eggs: 'telur',
  account: 'rekening',
  personal: 'pribadi',
  month: 'bulan',
  year: 'tahun',
  week: 'minggu',
  tomorrow: 'besok',
  tonight: 'malam',
  today: 'hari ini',
  next: 'depan',
  again: 'lagi',
  anymore: 'lagi',
  forever: 'seumur hidup',
  lifetime: 'seumur hidup',
  valid: 'berlaku',
  invalid: 'tidak berlaku',
  expired: 'tidak berlaku',
  cancer: 'kanker',
  cure: 'obat',
  cures: 'obat',
  kill: 'bunuh',
  kills: 'bunuh',
  salt: 'garam',
  water: 'air',
  poison: 'racun',
  poisoned: 'tercemar',
  contaminated: 'tercemar',
  drink: 'minum',
  earthquake: 'gempa',
  flood: 'banjir',
  blackout: 'pemadaman',
  kidnapping: 'penculikan',
  kidnap: 'culik',
  ambulance: 'ambulans',
  explode: 'meledak',
  explodes: 'meledak',
  signal: 'sinyal',
  money: 'uang',
  banknote: 'uang kertas',
  replaced: 'diganti',
  replace: 'ganti',
  private: 'swasta',
  insurance: 'asuransi',
  and: 'dan',
  by: 'oleh',
  government: 'pemerintah',
  registration: 'pendaftaran',
  old: 'lama',
  new: 'baru',
  starting: 'mulai',
  all: 'semua',
  without: 'tanpa',
  must: 'wajib',
  only: 'hanya',
  increase: 'naik',
  rise: 'naik',
  percent: 'persen',
  aid: 'bantuan',
  cash: 'tunai',
  honestly: '',
  guys: '',
  btw: '',
  literally: '',
  seriously: 'serius',
  teu: 'tidak',
  henteu: 'tidak',
  // Not "lain" (Sundanese "bukan"): in Indonesian it is "other" ("kebutuhan lain"); "lain leres" is a denial cue.
  cenah: 'katanya',
  ceunah: 'katanya',
  ieu: 'ini',
  eta: 'itu',
  ayeuna: 'sekarang',
  atos: 'sudah',
  tos: 'sudah',
  bade: 'akan',
  sadaya: 'semua',
  jalma: 'orang',
  naon: 'apa',
  kumaha: 'bagaimana',
  leres: 'benar',
  enya: 'benar',
  meunang: 'dapat',
  artos: 'uang',
  ti: 'dari',
  jeung: 'dengan',
  sareng: 'dengan',
  budak: 'anak',
  imah: 'rumah',
  cai: 'air',
  hujan: 'hujan',
  isukan: 'besok',
  deukeut: 'dekat',
  mun: 'kalau',
  lamun: 'kalau',
  ngabeledug: 'meledak',
  beledug: 'ledak',
  poe: 'hari',
  payun: 'depan',
  deui: 'lagi',
  kedah: 'harus',
  tilelep: 'tenggelam',
  peuting: 'malam',
  nu: 'yang',
  lami: 'lama',
  hiji: '1',
  tilu: '3',
  opat: '4',
  genep: '6',
  dalapan: '8',
  salapan: '9',
  sapuluh: '10',
  rs: 'rumah sakit',
  rsud: 'rumah sakit',
  'tiba-tiba': 'mendadak',
  onlen: 'online',
  daring: 'online',
  sr: 'magnitudo',
  pemuda: 'anak muda',
  remaja: 'anak muda',
  kedaluwarsa: 'tidak berlaku',
  kadaluarsa: 'tidak berlaku',
  kadaluwarsa: 'tidak berlaku',
  selamanya: 'seumur hidup',
  permanen: 'seumur hidup',
  // Everyday Javanese and Sundanese content words (a meaning the claim base names: stop, boil, sink, school, child,
  // enter, front, old, warm), and the English of code-switched posts (leak, upload, gargle, outbreak, for life).
  godhog: 'rebus',
  nggodhog: 'rebus',
  godhong: 'daun',
  lawas: 'lama',
  anget: 'hangat',
  gedhe: 'besar',
  mandheg: 'berhenti',
  nduwe: 'punya',
  ndue: 'punya',
  sekolahan: 'sekolah',
  mbledos: 'meledak',
  kelelep: 'tenggelam',
  eureun: 'berhenti',
  eureunkeun: 'dihentikan',
  dieureunkeun: 'dihentikan',
  kalelep: 'tenggelam',
  sakola: 'sekolah',
  barudak: 'anak',
  hareup: 'depan',
  hareupeun: 'depan',
  asup: 'masuk',
  cageur: 'sembuh',
  nyageurkeun: 'menyembuhkan',
  ngubaran: 'mengobati',
  kulub: 'rebus',
  dikulub: 'direbus',
  engke: 'nanti',
  tiasa: 'bisa',
  nginum: 'minum',
  setrum: 'listrik',
  lindu: 'gempa',
  gabuk: 'mandul',
  migrate: 'pindah',
  switch: 'ganti',
  leaked: 'bocor',
  leak: 'bocor',
  upload: 'kirim',
  send: 'kirim',
  verification: 'verifikasi',
  verify: 'verifikasi',
  auto: 'otomatis',
  automatically: 'otomatis',
  exam: 'tes',
  schools: 'sekolah',
  outbreak: 'wabah',
  gargle: 'kumur',
  gargling: 'kumur',
  warm: 'hangat',
  die: 'meninggal',
  died: 'meninggal',
  dies: 'meninggal',
  death: 'meninggal',
  sudden: 'mendadak',
  suddenly: 'mendadak',
  young: 'muda',
  tracking: 'pelacak',
  tracker: 'pelacak',
  track: 'lacak',
  device: 'alat',
  market: 'pasar',
  passport: 'paspor',
  broker: 'calo',
  toll: 'tol',
  toxic: 'beracun',
  ticket: 'tilang',
  tax: 'pajak',
  teh: '',
  mah: '',
  atuh: '',
  euy: '',
  wae: 'saja',
  weh: 'saja',
  pisan: 'sangat',
}

// Function words, discourse particles and hoax-spreading frames ("katanya", "viral", "beredar"): they carry no
// part of a claim's content.
const STOPWORDS = new Set(
  (
    'yang dan di ke dari ini itu untuk dengan akan ada sudah bisa karena pada dalam juga atau saja sih kok dong deh ' +
    'ya nih tuh lho loh kan kah pun lah agar supaya bagi oleh para se sebuah seorang tersebut adalah ialah yaitu ' +
    'katanya kabarnya konon beredar viral info informasi berita kabar apa apakah benar betul bener beneran serius ' +
    'masa gimana bagaimana kenapa mengapa kapan siapa mana min admin mimin guys gan sob kak pak bu bang net ' +
    'netizen tolong mohon cek dicek share bagikan sebarkan broadcast pesan grup ternyata hati hati waspada ' +
    'awas sekarang nanti sudah belum jadi juga lagi aja kalau jika kalo pas kata bilang katanya dapat dapet tahu ' +
    'kamu aku saya kami kita mereka dia beliau anda lu gue gw orang2 hal the of a to is ini itu sangat banget sekali ' +
    'terus trus emang memang gitu begitu begini semua semuanya cuma hanya tapi tetapi namun bahwa sebab nya hmm wkwk ' +
    'baru katanya jangan-jangan mulai tahun bulan hari besok selama sampai hingga per kali tanggal ' +
    'isinya menyebut menyebutkan disebut disebutkan mengatakan menyatakan diklaim mengklaim klaim mengaku pesan berantai unggahan narasi ' +
    'hoaks hoax hoaxs fakta faktanya rp rb ribu juta jt miliar persen'
  ).split(/\s+/),
)

// Prohibitions count as negators: "dilarang minum" and "jangan diminum" ("ojo diombe") say the same thing.
// Prohibitions and the writer's will after a negator ("gak mau", "ora wani"): neither denies what follows.
const PROHIBITIVES = new Set(['jangan', 'jgn', 'ulah', 'ojo', 'ojok'])
const WILL_WORDS = new Set([
  'mau',
  'berani',
  'ingin',
  'pengen',
  'pingin',
  'sudi',
  'rela',
  'wani',
  'gelem',
  'hoyong',
])

const NEGATORS = new Set([
  'tidak',
  'bukan',
  'tak',
  'belum',
  'tanpa',
  'enggak',
  'nggak',
  'gak',
  'ga',
  'dilarang',
  'larang',
  'melarang',
  'larangan',
])

// Synonyms folded to one key, so "in other words" restatements meet the claim's wording. General vocabulary, not
// tied to any claim.
const SYNONYMS: Record<string, string> = {
  berisi: 'kandung',
  isi: 'kandung',
  kandung: 'kandung',
  ada: 'ada',
  pantau: 'lacak',
  intai: 'lacak',
  'mata-mata': 'lacak',
  'mata-matain': 'lacak',
  'memata-matai': 'lacak',
  sisip: 'kandung',
  tanam: 'kandung',
  susup: 'kandung',
  habis: 'kosong',
  kehabisan: 'kosong',
  ludes: 'kosong',
  setor: 'bayar',
  sogok: 'bayar',
  suap: 'bayar',
  guncang: 'landa',
  hantam: 'landa',
  terjang: 'landa',
  landa: 'landa',
  angkut: 'sita',
  rampas: 'sita',
  sita: 'sita',
  tarik: 'tarik',
  bubar: 'henti',
  tiada: 'henti',
  sadap: 'lacak',
  track: 'lacak',
  lacak: 'lacak',
  chip: 'chip',
  microchip: 'chip',
  mikrocip: 'chip',
  mikrochip: 'chip',
  cip: 'chip',
  cipnya: 'chip',
  cuma: 'gratis',
  free: 'gratis',
  percuma: 'gratis',
  wafat: 'meninggal',
  tewas: 'meninggal',
  mati: 'meninggal',
  mangkat: 'meninggal',
  gugur: 'meninggal',
  duit: 'uang',
  dana: 'uang',
  fulus: 'uang',
  rupiah: 'uang',
  masyarakat: 'rakyat',
  penduduk: 'rakyat',
  publik: 'rakyat',
  warga: 'rakyat',
  wong: 'rakyat',
  kg: 'kilogram',
  kilo: 'kilogram',
  kilogram: 'kilogram',
  hp: 'ponsel',
  hape: 'ponsel',
  handphone: 'ponsel',
  ponsel: 'ponsel',
  telepon: 'ponsel',
  gawai: 'ponsel',
  padam: 'padam',
  matikan: 'padam',
  matiin: 'padam',
  pemadaman: 'padam',
  'e-ktp': 'ktp',
  'ktp-el': 'ktp',
  ektp: 'ktp',
  tautan: 'link',
  url: 'link',
  klik: 'link',
  wa: 'whatsapp',
  whatsapp: 'whatsapp',
  watsap: 'whatsapp',
  bikin: 'sebab',
  buat: 'sebab',
  picu: 'sebab',
  akibat: 'sebab',
  bocah: 'anak',
  balita: 'anak',
  murid: 'siswa',
  pelajar: 'siswa',
  palsu: 'palsu',
  abal: 'palsu',
  bohong: 'palsu',
  larang: 'larang',
  stop: 'henti',
  setop: 'henti',
  distop: 'henti',
  disetop: 'henti',
  berhenti: 'henti',
  tutup: 'henti',
  hapus: 'henti',
  hilang: 'henti',
  cabut: 'henti',
  naik: 'naik',
  mahal: 'naik',
  melonjak: 'naik',
  turun: 'turun',
  murah: 'turun',
  cair: 'salur',
  transfer: 'cair',
  bagi: 'salur',
  beri: 'salur',
  kasih: 'salur',
  salur: 'salur',
  kirim: 'kirim',
  daftar: 'daftar',
  registrasi: 'daftar',
  bayar: 'bayar',
  pungut: 'bayar',
  tarif: 'bayar',
  biaya: 'bayar',
  ongkos: 'bayar',
  tsunami: 'tsunami',
  gempa: 'gempa',
  banjir: 'banjir',
  bandang: 'banjir',
  listrik: 'listrik',
  pln: 'listrik',
  mobil: 'kendaraan',
  motor: 'kendaraan',
  kendaraan: 'kendaraan',
  polisi: 'polisi',
  polri: 'polisi',
  aparat: 'polisi',
  pemerintah: 'pemerintah',
  pemda: 'pemerintah',
  negara: 'pemerintah',
  pemkot: 'pemerintah',
  pemkab: 'pemerintah',
  pemprov: 'pemerintah',
  presiden: 'presiden',
  jokowi: 'presiden',
  prabowo: 'presiden',
  sakit: 'sakit',
  penyakit: 'sakit',
  racun: 'racun',
  beracun: 'racun',
  vaksinasi: 'vaksin',
  imunisasi: 'vaksin',
  vaksin: 'vaksin',
  corona: 'covid',
  covid: 'covid',
  koronavirus: 'covid',
  bansos: 'bansos',
  blt: 'bansos',
  bantuan: 'bansos',
  subsidi: 'bansos',
  ktp: 'ktp',
  nik: 'ktp',
  curi: 'curi',
  bobol: 'curi',
  retas: 'curi',
  hack: 'curi',
  hacker: 'curi',
  rekrut: 'rekrut',
  lowongan: 'rekrut',
  loker: 'rekrut',
  rekrutmen: 'rekrut',
  seleksi: 'rekrut',
  penerimaan: 'rekrut',
  pns: 'asn',
  asn: 'asn',
  cpns: 'asn',
  honorer: 'honorer',
  sekolah: 'sekolah',
  libur: 'libur',
  minum: 'konsumsi',
  makan: 'konsumsi',
  konsumsi: 'konsumsi',
  telan: 'konsumsi',
  sembuh: 'obat',
  obat: 'obat',
  ampuh: 'obat',
  manjur: 'obat',
}

const PREFIXES = [
  'menge',
  'nge',
  'meng',
  'meny',
  'mem',
  'men',
  'me',
  'penge',
  'peng',
  'peny',
  'pem',
  'pen',
  'pe',
  'ber',
  'be',
  'ter',
  'di',
  'ke',
  'se',
]
const SUFFIXES = ['nya', 'lah', 'kah', 'pun', 'kan', 'an', 'i', 'ne', 'na', 'e']

// A programme that is one kind of a broader one: a text about "bansos" may be about the BLT or the PKH.
const CONCEPT_PARENTS: Record<string, string> = {
  xblt: 'xbansos',
  xpkh: 'xbansos',
  xhonorer: 'xcpns',
  xikd: 'ktp',
  xnik: 'ktp',
}

/** A crude affix stripper: enough to make "dibagikan", "membagi" and "pembagian" meet at "bagi". */
function stemKey(word: string): string {
  let stem = word
  for (const prefix of PREFIXES) {
    if (stem.length - prefix.length >= 4 && stem.startsWith(prefix)) {
      stem = stem.slice(prefix.length)
      // meny- / peny- drop an initial s: put it back.
      if ((prefix === 'meny' || prefix === 'peny') && /^[aiueo]/.test(stem)) stem = `s${stem}`
      break
    }
  }
  for (const suffix of SUFFIXES) {
    if (stem.length - suffix.length >= 4 && stem.endsWith(suffix)) {
      stem = stem.slice(0, -suffix.length)
      break
    }
  }
  return stem
}

/** Comparable keys of a word: its synonym class if any root candidate has one, else every root candidate. */
export function foldKeys(word: string): string[] {
  const parent = CONCEPT_PARENTS[word]
  if (parent !== undefined) return [word, parent]
  if (LEXICON.slotOf.has(word)) return [word]
  // Bare "buat" is mostly the preposition "for"; only its verb forms ("membuat", "dibuat") mean "cause".
  if (word === 'buat' || word === 'bwt') return ['buat']
  const direct = SYNONYMS[word]
  if (direct !== undefined) return [direct]
  // "covid-19", "h-1": the number is compared separately.
  const bare = word.replace(/-\d+$/u, '')
  if (bare !== word && bare.length >= 2) return foldKeys(bare)
  const candidates = stemIndonesian(word)
  for (const candidate of candidates) {
    const folded = SYNONYMS[candidate]
    if (folded !== undefined) return [folded]
  }
  const legacy = foldSynonym(word)
  return legacy === candidates[0] ? candidates : [legacy, ...candidates.filter((c) => c !== legacy)]
}

function foldSynonym(word: string): string {
  const direct = SYNONYMS[word]
  if (direct !== undefined) return direct
  const stem = stemKey(word)
  const folded = SYNONYMS[stem]
  if (folded !== undefined) return folded
  // meN-/peN- drop the first letter of p-, t-, k- and s- roots ("memantau" ← pantau): try them back.
  if (stem !== word && /^[aiueo]/.test(stem)) {
    for (const letter of ['p', 't', 'k', 's']) {
      const restored = SYNONYMS[letter + stem]
      if (restored !== undefined) return restored
    }
  }
  return stem
}

export interface ContentToken {
  /** Normalised word. */
  word: string
  /** Stem with synonyms folded: the unit of comparison (the most likely of `keys`). */
  key: string
  /** Every root candidate the stemmer allows, synonyms folded; a match on any of them counts. */
  keys: string[]
  /** A negator governs it: the first content word after "tidak", "bukan"… in the same clause. */
  negated: boolean
  /**
   * Within a negator's wider reach: up to four words after it in the same clause ("tidak menemukan kandungan
   * plastik", "tidak ada laporan penculikan"). A denial negates the claim's words, not just the first of them.
   */
  inNegationScope: boolean
  /** Under "jangan"/"ulah": a warning that acts on the claim, consistent with a claim that forbids it. */
  prohibited: boolean
  /** Looks like a predicate (verb affixes) or is negated: the part a same-topic text does not share. */
  predicate: boolean
  /** Index among the content tokens. */
  position: number
  start: number
  end: number
}

export interface HoaxText {
  tokens: ContentToken[]
  /** Normalised words (stopwords kept) for character n-grams. */
  ngramSource: string
  /** Amounts and other numbers, as plain numbers (600rb → 600000). */
  numbers: number[]
  isQuestion: boolean
  /** Framed as something heard or asked about ("katanya", "apa benar", "jare", "cenah"): a restatement cue. */
  hearsay: boolean
}

const HEARSAY_CUE =
  /\b(?:katanya|kabarnya|konon|denger2|dengar-dengar|katane|jare|jarene|cenah|ceunah|beredar|viral|apa\s+(?:benar|bener|iya)|benarkah|beneran|masa\s+sih|emang\s+(?:iya|bener|benar)|katanya)\b/iu

const QUESTION_TAG_NEGATOR =
  /\b(?:(?:beneran|bener|benar|betul|serius|apa|atau|asli)\s+(?:ga|gak|nggak|enggak|engga|tidak|ndak|ora|teu)(?:\s+(?:sih|si|ya|yah|tuh|nih))?|(?:ga|gak|nggak|enggak)\s+(?:sih|si)\b|(?:ga|gak|nggak|enggak|tidak)\s*\?)/iu

export function analyseHoaxText(original: string): HoaxText {
  // Aliases of public services and the claim kinds' verbs first, on the words as written ("BPJS Kesehatan", "gak
  // ada lagi"), so "gak" here is not read as a negation.
  const text = foldHoaxText(original)
  const tokens: ContentToken[] = []
  const words: string[] = []
  const numbers = extractAmounts(text)
  // "beneran ga sih", "bener gak?", "apa enggak": a question tag, not a negation of the claim.
  const questionTag = QUESTION_TAG_NEGATOR.exec(text)
  const tagStart = questionTag ? questionTag.index : -1
  const tagEnd = questionTag ? questionTag.index + questionTag[0].length : -1
  // A negator governs the next content word within three words, unless punctuation closes the clause first.
  let negationPending = false
  let sinceNegator = 99
  let scopeSinceNegator = 99
  let prohibitionPending = false
  for (const token of tokenise(text)) {
    if (token.kind === 'punct') {
      negationPending = false
      prohibitionPending = false
      scopeSinceNegator = 99
      continue
    }
    if (token.kind === 'hashtag') {
      const word = token.norm.slice(1)
      words.push(word)
      const keys = foldKeys(word)
      tokens.push({
        word,
        key: keys[0] ?? word,
        keys,
        negated: false,
        inNegationScope: false,
        prohibited: false,
        predicate: false,
        position: tokens.length,
        start: token.start,
        end: token.end,
      })
      continue
    }
    if (token.kind !== 'word') continue
    const lower = token.text.toLowerCase()
    const regional = REGIONAL[lower]
    const norm = regional ?? token.norm
    for (const spelled of norm.split(' ')) {
      // "microchip-nya" → "microchip"; "hati-hati" → "hati"; "gerak-gerik" stays.
      const unclitic = spelled.replace(/-(?:nya|ku|mu|lah|kah|pun|e|ne|na)$/u, '')
      const halves = unclitic.split('-')
      const word = halves.length === 2 && halves[0] === halves[1] ? (halves[0] ?? unclitic) : unclitic
      const numberWord =
        NUMBER_WORDS[word] ?? (/^\d+$/.test(word) && regional !== undefined ? Number(word) : undefined)
      if (numberWord !== undefined) {
        numbers.push(numberWord)
        continue
      }
      if (word === '') continue
      words.push(word)
      sinceNegator += 1
      scopeSinceNegator += 1
      if (NEGATORS.has(word) && token.start >= tagStart && token.end <= tagEnd) continue
      // "jangan", "ulah": a warning acted on the claim ("jangan minum air keran"), not a denial of it.
      if (PROHIBITIVES.has(word)) {
        prohibitionPending = true
        continue
      }
      // "gak mau", "gak berani": the writer's refusal, prompted by the claim; what follows is not negated.
      if (WILL_WORDS.has(word) && sinceNegator === 1) {
        negationPending = false
        scopeSinceNegator = 99
        continue
      }
      if (NEGATORS.has(word)) {
        sinceNegator = 0
        scopeSinceNegator = 0
        negationPending = true
        continue
      }
      // Function words do not end a negation's reach: "tidak ada yang dari plastik" negates "plastik".
      if (sinceNegator > 3 && !STOPWORDS.has(word)) negationPending = false
      if (STOPWORDS.has(word) || word.length < 2 || /^(?:rp)?\d[\d.,]*$/.test(word)) {
        if (negationPending) sinceNegator -= 1
        continue
      }
      // "100gb", "3kg": the unit is content, the number is compared separately.
      const unit = /^\d[\d.,]*([a-z]{1,3})$/.exec(word)?.[1]
      if (unit !== undefined && isAmountUnit(unit)) continue
      if (isAmountUnit(word)) continue
      const content = unit ?? word
      const keys = foldKeys(content)
      tokens.push({
        word: content,
        key: keys[0] ?? content,
        keys,
        negated: negationPending,
        inNegationScope: negationPending || scopeSinceNegator <= 4,
        prohibited: prohibitionPending && !negationPending,
        predicate:
          negationPending ||
          LEXICON.slotOf.get(content) === 'claim_kind' ||
          PREDICATE_WORDS.has(content) ||
          /^(?:di|me|ter|ber)\p{L}{4,}|\p{L}{4,}kan$/u.test(content),
        position: tokens.length,
        start: token.start,
        end: token.end,
      })
      negationPending = false
      prohibitionPending = false
    }
  }
  return {
    tokens,
    ngramSource: ` ${words.join(' ')} `,
    numbers,
    isQuestion:
      /\?|\b(apakah|apa benar|apa bener|apa iya|masa sih|benarkah|betulkah|emang iya|emang bener|beneran|bener ga|bener gak)\b/iu.test(
        text,
      ),
    hearsay: HEARSAY_CUE.test(text),
  }
}
