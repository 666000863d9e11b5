// Aliases and synonyms of Indonesian public services for the hoax matcher: a programme, institution or document
// is written by its acronym, its full name or a colloquial spelling ("BPJS Kesehatan", "JKN", "KIS"; "KTP-el",
// "e-KTP", "KTP elektronik"), and the claim kinds hoaxes announce (a fee, a free service, a programme stopped, an
// amount handed out) are written with many verbs ("dipungut biaya", "bayar", "berbayar"; "dihapus", "gak ada
// lagi", "distop"). Every form here is folded to one concept word before matching, in the claim and in the text
// alike, so a restatement in other words meets the claim's wording.
//
// Source and licence: written for Warta from public knowledge of the programmes' names (official names as the
// ministries publish them, acronyms and spellings as citizens write them); no third-party list was copied.
// Apache-2.0, like the rest of the project. Add a service by adding a line: the concept word must be lower-case
// letters only, must not look like an affixed Indonesian word (no di-/me-/ber-/ter-/ke-/se-/pe- start, no
// -kan/-an/-i/-nya end), so the stemmer leaves it alone.

import { normaliseWord } from '../text/normalise-word.ts'

/** What a concept is about: the retrieval slots of a claim. */
export type LexiconSlot =
  'programme' | 'institution' | 'document' | 'place' | 'service' | 'claim_kind' | 'hearsay' | 'date'

export interface LexiconEntry {
  /** The one word every form is folded to. */
  concept: string
  slot: LexiconSlot
  /** Forms as written (lower case; several words allowed; "-" and spaces are interchangeable). */
  forms: string[]
}

export const PUBLIC_SERVICE_LEXICON: readonly LexiconEntry[] = [
  // Programmes (bansos and the like).
  {
    concept: 'xblt',
    slot: 'programme',
    forms: ['blt', 'bantuan langsung tunai', 'blt bbm', 'blt dd', 'blt dana desa', 'bantuan tunai'],
  },
  { concept: 'xpkh', slot: 'programme', forms: ['pkh', 'program keluarga harapan', 'keluarga harapan'] },
  {
    concept: 'xbansos',
    slot: 'programme',
    forms: [
      'bansos',
      'bantuan sosial',
      'bantuan pemerintah',
      'bantuan pangan',
      'sembako bantuan',
      'bpnt',
      'bantuan pangan non tunai',
      'kartu sembako',
      'bst',
      'bantuan sosial tunai',
    ],
  },
  {
    concept: 'xjkn',
    slot: 'programme',
    forms: [
      'bpjs kesehatan',
      'bpjs kes',
      'bpjskes',
      'jkn',
      'jkn kis',
      'jkn-kis',
      'kis',
      'kartu indonesia sehat',
      'jaminan kesehatan nasional',
      'bpjs',
    ],
  },
  {
    concept: 'xbpjstk',
    slot: 'programme',
    forms: ['bpjs ketenagakerjaan', 'bpjs tk', 'bpjstk', 'jamsostek', 'bp jamsostek', 'jht'],
  },
  {
    concept: 'xkip',
    slot: 'programme',
    forms: ['kip', 'kartu indonesia pintar', 'pip', 'program indonesia pintar'],
  },
  { concept: 'xprakerja', slot: 'programme', forms: ['prakerja', 'kartu prakerja', 'pra kerja'] },
  { concept: 'xdtks', slot: 'programme', forms: ['dtks', 'data terpadu kesejahteraan sosial', 'dtsen'] },
  {
    concept: 'xcpns',
    slot: 'programme',
    forms: [
      'cpns',
      'calon pns',
      'calon pegawai negeri sipil',
      'pns',
      'pegawai negeri',
      'pegawai negeri sipil',
      'asn',
      'aparatur sipil negara',
      'pppk',
      'p3k',
    ],
  },
  {
    concept: 'xhonorer',
    slot: 'programme',
    forms: ['honorer', 'tenaga honorer', 'non asn', 'non-asn', 'guru honorer'],
  },
  {
    concept: 'xppdb',
    slot: 'programme',
    forms: [
      'ppdb',
      'penerimaan peserta didik baru',
      'spmb',
      'sistem penerimaan murid baru',
      'penerimaan murid baru',
      'penerimaan siswa baru',
      'pendaftaran sekolah',
      'pendaftaran sekolah negeri',
      'masuk sekolah negeri',
      'daftar sekolah negeri',
    ],
  },
  {
    concept: 'xzonasi',
    slot: 'programme',
    forms: ['zonasi', 'jalur zonasi', 'jalur domisili', 'domisili', 'jarak rumah', 'sistem jarak'],
  },
  {
    concept: 'xvaksin',
    slot: 'programme',
    forms: [
      'vaksin',
      'vaksinasi',
      'imunisasi',
      'suntik vaksin',
      'vaccine',
      'vaccination',
      'vakcin',
      'faksin',
    ],
  },
  {
    concept: 'xmr',
    slot: 'programme',
    forms: ['mr', 'campak rubela', 'campak-rubela', 'measles rubella', 'campak'],
  },
  {
    concept: 'xcovid',
    slot: 'programme',
    forms: ['covid', 'covid-19', 'covid 19', 'corona', 'virus corona', 'korona', 'koronavirus', 'sars-cov-2'],
  },
  { concept: 'xkris', slot: 'programme', forms: ['kris', 'kelas rawat inap standar'] },
  {
    concept: 'xtilang',
    slot: 'service',
    forms: ['tilang', 'etle', 'e-tle', 'tilang elektronik', 'tilang online', 'e-tilang'],
  },
  {
    concept: 'xkuota',
    slot: 'service',
    forms: ['kuota internet', 'kuota', 'paket data', 'pulsa data', 'quota'],
  },
  { concept: 'xtol', slot: 'service', forms: ['jalan tol', 'tol', 'toll', 'tol trans jawa', 'trans jawa'] },
  {
    concept: 'xelpiji',
    slot: 'service',
    forms: [
      'elpiji',
      'lpg',
      'gas melon',
      'tabung melon',
      'gas 3 kg',
      'gas elpiji',
      'tabung hijau',
      'gas hijau',
      'tabung gas kecil',
      'gas subsidi',
      'tabung gas melon',
      'gas 3 kilo',
      'gas tiga kilo',
    ],
  },
  { concept: 'xppn', slot: 'service', forms: ['ppn', 'pajak pertambahan nilai', 'vat'] },
  {
    concept: 'xsembako',
    slot: 'service',
    forms: ['sembako', 'sembilan bahan pokok', 'bahan pokok', 'kebutuhan pokok', 'bapok'],
  },
  // Institutions.
  { concept: 'xpln', slot: 'institution', forms: ['pln', 'perusahaan listrik negara', 'pt pln'] },
  { concept: 'xbulog', slot: 'institution', forms: ['bulog', 'perum bulog', 'badan urusan logistik'] },
  {
    concept: 'xdukcapil',
    slot: 'institution',
    forms: [
      'dukcapil',
      'disdukcapil',
      'capil',
      'catatan sipil',
      'kependudukan dan pencatatan sipil',
      'dinas kependudukan',
    ],
  },
  {
    concept: 'xbkn',
    slot: 'institution',
    forms: ['bkn', 'badan kepegawaian negara', 'sscasn', 'sscasn bkn'],
  },
  {
    concept: 'xkemensos',
    slot: 'institution',
    forms: ['kemensos', 'kementerian sosial', 'dinsos', 'dinas sosial', 'mensos'],
  },
  { concept: 'xbmkg', slot: 'institution', forms: ['bmkg', 'badan meteorologi'] },
  { concept: 'xbpom', slot: 'institution', forms: ['bpom', 'badan pom', 'badan pengawas obat dan makanan'] },
  {
    concept: 'xpdam',
    slot: 'institution',
    forms: ['pdam', 'perumda air minum', 'air ledeng', 'perusahaan daerah air minum'],
  },
  { concept: 'xsamsat', slot: 'institution', forms: ['samsat', 'bapenda', 'dispenda'] },
  { concept: 'xbi', slot: 'institution', forms: ['bank indonesia', 'bi'] },
  {
    concept: 'ximigrasi',
    slot: 'institution',
    forms: ['imigrasi', 'kantor imigrasi', 'ditjen imigrasi', 'kanim'],
  },
  { concept: 'xpos', slot: 'institution', forms: ['pt pos', 'kantor pos', 'pos indonesia'] },
  {
    concept: 'xkomdigi',
    slot: 'institution',
    forms: ['komdigi', 'kominfo', 'kemkominfo', 'kementerian kominfo', 'diskominfo'],
  },
  { concept: 'xesdm', slot: 'institution', forms: ['esdm', 'kementerian esdm'] },
  {
    concept: 'xpolisi',
    slot: 'institution',
    forms: ['polisi', 'polri', 'polantas', 'satlantas', 'police', 'kepolisian'],
  },
  { concept: 'xbpbd', slot: 'institution', forms: ['bpbd', 'basarnas', 'bnpb'] },
  // Documents.
  {
    concept: 'ktp',
    slot: 'document',
    forms: [
      'ktp',
      'ktp-el',
      'ktp el',
      'e-ktp',
      'ektp',
      'e ktp',
      'ktp elektronik',
      'kartu tanda penduduk',
      'kartu tanda penduduk elektronik',
      'id card',
      'ktp lama',
    ],
  },
  {
    concept: 'xikd',
    slot: 'document',
    forms: [
      'ikd',
      'ktp digital',
      'identitas kependudukan digital',
      'e-ktp digital',
      'identitas digital',
      'ktp di hp',
      'ktp versi hp',
      'ktp di aplikasi',
      'versi di hp',
      'versi aplikasi',
    ],
  },
  { concept: 'xnik', slot: 'document', forms: ['nik', 'nomor induk kependudukan', 'no ktp', 'nomor ktp'] },
  { concept: 'xkk', slot: 'document', forms: ['kartu keluarga'] },
  {
    concept: 'xsim',
    slot: 'document',
    forms: ['sim', 'surat izin mengemudi', 'sim a', 'sim c', 'driving license', 'driver license'],
  },
  { concept: 'xstnk', slot: 'document', forms: ['stnk', 'surat tanda nomor kendaraan', 'bpkb'] },
  { concept: 'xpaspor', slot: 'document', forms: ['paspor', 'pasport', 'passport', 'paspot'] },
  { concept: 'xnpwp', slot: 'document', forms: ['npwp', 'nomor pokok wajib pajak'] },
  { concept: 'xakta', slot: 'document', forms: ['akta', 'akte', 'akta kelahiran', 'akte kelahiran'] },
  // Places.
  {
    concept: 'xjabodetabek',
    slot: 'place',
    forms: ['jakarta', 'dki', 'jkt', 'ibukota', 'ibu kota', 'jabodetabek'],
  },
  {
    concept: 'xjawabali',
    slot: 'place',
    forms: ['jawa bali', 'jawa-bali', 'se-jawa bali', 'sejawa bali', 'jawa dan bali', 'jawa & bali'],
  },
  {
    concept: 'xrumahsakit',
    slot: 'place',
    forms: ['rumah sakit', 'rs', 'rsud', 'hospital', 'puskesmas', 'faskes'],
  },
  {
    concept: 'xminimarket',
    slot: 'place',
    forms: ['minimarket', 'indomaret', 'alfamart', 'supermarket', 'toko ritel', 'mini market'],
  },
  { concept: 'xpasar', slot: 'place', forms: ['pasar tradisional', 'pasar', 'market'] },
  // Claim kinds: the predicate of a hoax, in the words people use.
  {
    concept: 'bayar',
    slot: 'claim_kind',
    forms: [
      'bayar',
      'berbayar',
      'dibayar',
      'membayar',
      'dipungut biaya',
      'dipungut',
      'pungutan',
      'pungli',
      'dimintai biaya',
      'diminta bayar',
      'dimintai uang',
      'ada biayanya',
      'ada biaya',
      'pakai biaya',
      'pake biaya',
      'harus bayar',
      'mesti bayar',
      'kudu bayar',
      'tidak gratis',
      'gak gratis',
      'ga gratis',
      'nggak gratis',
      'enggak gratis',
      'pay',
      'paid',
      'fee',
      'uang pelicin',
      'uang administrasi',
      'biaya admin',
      'setor',
      'nyetor',
      'mbayar',
      'mayar',
    ],
  },
  {
    concept: 'gratis',
    slot: 'claim_kind',
    forms: [
      'gratis',
      'digratiskan',
      'gratisan',
      'nol rupiah',
      '0 rupiah',
      'rp0',
      'rp 0',
      'tanpa biaya',
      'tidak bayar',
      'gak bayar',
      'ga bayar',
      'nggak bayar',
      'free',
      'for free',
      'bebas biaya',
      'cuma-cuma',
      'cuma cuma',
      'percuma',
      'dibebaskan',
      'pembebasan tarif',
      'tanpa bayar',
      'bebas bayar',
      'gak usah bayar',
      'nggak usah bayar',
      'tidak perlu bayar',
    ],
  },
  {
    concept: 'henti',
    slot: 'claim_kind',
    forms: [
      'dihentikan',
      'berhenti',
      'dihapus',
      'dihapuskan',
      'hapus',
      'ditiadakan',
      'distop',
      'disetop',
      'stop',
      'setop',
      'dibubarkan',
      'bubar',
      'diputus',
      'dicabut',
      'gak ada lagi',
      'ga ada lagi',
      'nggak ada lagi',
      'enggak ada lagi',
      'tidak ada lagi',
      'udah gak ada',
      'udah ga ada',
      'udah nggak ada',
      'sudah gak ada',
      'sudah ga ada',
      'sudah nggak ada',
      'gak berlaku lagi',
      'ga berlaku lagi',
      'tidak berlaku lagi',
      'tidak berlaku',
      'gak bakal ada lagi',
      'tidak akan ada lagi',
      'tak ada lagi',
      'gak akan ada lagi',
      'sudah tidak berlaku',
      'tidak dipakai lagi',
      'gak dipake lagi',
      'tidak digunakan lagi',
      'eureun',
      'dieureunkeun',
      'ga dilanjutkan',
      'tidak dilanjutkan',
      'gak dilanjut',
      'sudah tidak ada',
      'ora ono maneh',
      'ora ana maneh',
      'wis ora ono',
      'teu aya deui',
      'tos teu aya',
      'mandeg',
      'mandek',
      'discontinued',
      'stopped',
      'cancelled',
      'canceled',
      'abolished',
      'removed',
      'no more',
      'no longer',
      'ditutup',
      'dihilangkan',
    ],
  },
  {
    concept: 'salur',
    slot: 'claim_kind',
    forms: [
      'cair',
      'pencairan',
      'dicairkan',
      'disalurkan',
      'penyaluran',
      'dibagikan',
      'dibagiin',
      'bagi-bagi',
      'dikasih',
      'transfer bantuan',
      'disbursed',
    ],
  },
  {
    concept: 'daftar',
    slot: 'claim_kind',
    forms: ['daftar', 'pendaftaran', 'registrasi', 'register', 'sign up', 'signup', 'didaftarkan'],
  },
  {
    concept: 'link',
    slot: 'claim_kind',
    forms: ['link', 'tautan', 'url', 'klik link', 'situs', 'website', 'web'],
  },
  // Hearsay and forward frames (read by the stance cues, folded so they are not content words).
  {
    concept: 'katanya',
    slot: 'hearsay',
    forms: [
      'kata orang',
      'kabarnya',
      'denger-denger',
      'dengar-dengar',
      'they say',
      'rumor',
      'rumornya',
      'ceunah',
      'cenah',
      'jare',
      'jarene',
      'katane',
      'infonya',
    ],
  },
]

export interface CompiledLexicon {
  /** A form with its spaces and hyphens removed ("bpjskesehatan", "ktpel") → its concept word. */
  concepts: Map<string, string>
  slotOf: Map<string, LexiconSlot>
  /** The most words any form has. */
  longest: number
  /** Every leading part of a form's key ("tid", "tidakbisa"…): a longer form is only looked for while one may start. */
  prefixes: Set<string>
}

const formKey = (form: string): string => form.toLowerCase().replace(/[-\s]+/gu, '')

export function compileLexicon(entries: readonly LexiconEntry[] = PUBLIC_SERVICE_LEXICON): CompiledLexicon {
  const concepts = new Map<string, string>()
  const slotOf = new Map<string, LexiconSlot>()
  const prefixes = new Set<string>()
  let longest = 1
  for (const { concept, slot, forms } of entries) {
    slotOf.set(concept, slot)
    for (const form of forms) {
      const key = formKey(form)
      concepts.set(key, concept)
      for (let end = 1; end < key.length; end += 1) prefixes.add(key.slice(0, end))
      longest = Math.max(longest, form.split(/[-\s]+/u).length)
    }
  }
  return { concepts, slotOf, longest, prefixes }
}

export const LEXICON = compileLexicon()

const WORD = /[\p{L}\p{N}]+/gu

/** A word as the slang lexicon reads it, spaces removed ("gk" → "tidak", "gaada" → "tidakada"); numbers as written. */
function standardKey(word: string): string {
  if (/^\d/u.test(word)) return word
  const standard = normaliseWord(word)
  return standard.includes(' ') || standard.includes('-') ? standard.replace(/[\s-]+/gu, '') : standard
}

/**
 * The text with every form of the lexicon replaced by its concept word ("BPJS Kesehatan" and "JKN-KIS" → "xjkn",
 * "gak ada lagi" → "henti"), longest form first; words joined by spaces or hyphens only, so "KTP, elektronik"
 * stays as it is. Everything else is kept byte for byte.
 */
export function foldLexicon(text: string, lexicon: CompiledLexicon = LEXICON): string {
  const words: Array<{ word: string; standard: string; start: number; end: number }> = []
  for (const match of text.matchAll(WORD)) {
    const word = match[0].toLowerCase()
    words.push({ word, standard: standardKey(word), start: match.index, end: match.index + match[0].length })
  }
  let out = ''
  let copied = 0
  for (let i = 0; i < words.length; i += 1) {
    let joined = ''
    // The same words as the slang lexicon reads them ("gk ada lg" → "tidak ada lagi"): a form is written once, in
    // standard spelling, and still meets its chat spellings.
    let joinedStandard = ''
    let found: { concept: string; last: number } | undefined
    for (let n = 0; n < lexicon.longest && i + n < words.length; n += 1) {
      const current = words[i + n]
      if (!current) break
      if (n > 0) {
        const previous = words[i + n - 1]
        if (!previous || !/^[\s-]*$/u.test(text.slice(previous.end, current.start))) break
      }
      joined += current.word
      joinedStandard += current.standard
      const concept = lexicon.concepts.get(joined) ?? lexicon.concepts.get(joinedStandard)
      if (concept !== undefined) found = { concept, last: i + n }
      if (!lexicon.prefixes.has(joined) && !lexicon.prefixes.has(joinedStandard)) break
    }
    if (!found) continue
    const first = words[i]
    const last = words[found.last]
    if (!first || !last) continue
    out += `${text.slice(copied, first.start)}${found.concept}`
    copied = last.end
    i = found.last
  }
  return copied === 0 ? text : out + text.slice(copied)
}
