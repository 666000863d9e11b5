// Rules that reconcile the public Twitter labels with Warta's definitions (issue #3):
// - an insult aimed at an institution ("PLN …", "pemprov …", "pemerintah …") is abusive, not hate speech;
// - hostile identity words aimed at people are hate speech even without a crude word.
// Used to relabel training rows and as a post-check at inference; both uses are measured in docs/nlp/evaluation.md.
import type { HateCategory } from '../types.ts'
import { normaliseWord } from '../text/normalise-word.ts'
import { scanTokens } from '../text/scan-tokens.ts'

const INSTITUTIONS = new Set([
  'pemerintah',
  'pemprov',
  'pemkot',
  'pemkab',
  'pemda',
  'pemdes',
  'dinas',
  'dinkes',
  'disdukcapil',
  'dukcapil',
  'pln',
  'pdam',
  'bpjs',
  'kemenkes',
  'kementerian',
  'kemensos',
  'dpr',
  'dprd',
  'kpk',
  'kpu',
  'polri',
  'puskesmas',
  'rsud',
  'kantor',
  'instansi',
  'lembaga',
  'samsat',
  'imigrasi',
  'kelurahan',
  'kecamatan',
  'provinsi',
  'negara',
  'rezim',
  'birokrasi',
  'sistem',
  'aplikasi',
  'web',
  'website',
  'situs',
  'telkom',
  'indihome',
  'kominfo',
  'bpn',
  'bapenda',
  'pajak',
  'djp',
  'bulog',
  'pertamina',
  'kai',
  'damri',
  'satpol',
  'dishub',
  'pu',
  'bpbd',
  'bmkg',
])

const PERSONS = new Set([
  'orang',
  'admin',
  'mimin',
  'petugas',
  'pegawai',
  'bapak',
  'pak',
  'ibu',
  'bu',
  'gubernur',
  'bupati',
  'walikota',
  'wali',
  'presiden',
  'menteri',
  'pejabat',
  'kamu',
  'dia',
  'anak',
  'lurah',
  'camat',
  'kades',
  'satpam',
  'oknum',
  'pns',
  'asn',
  'dokter',
  'perawat',
  'bidan',
  'sopir',
  'kadis',
  'kepala',
  'staf',
  'operator',
  'cs',
])

/** Identity words and the SARA category an attack through them falls under. */
const IDENTITIES = new Map<string, Exclude<HateCategory, 'none'>>([
  ...[
    'kafir',
    'kristen',
    'nasrani',
    'katolik',
    'islam',
    'muslim',
    'hindu',
    'budha',
    'buddha',
    'konghucu',
    'yahudi',
    'syiah',
    'ahmadiyah',
    'wahabi',
    'kadrun',
    'atheis',
    'ateis',
    'murtad',
    'pendeta',
    'ustad',
    'ustadz',
    'ulama',
    'kyai',
    'gereja',
    'masjid',
    'agama',
    'agamanya',
  ].map((w) => [w, 'agama'] as const),
  ...[
    'cina',
    'china',
    'cokin',
    'aseng',
    'tionghoa',
    'arab',
    'onta',
    'jawa',
    'jawir',
    'batak',
    'sunda',
    'madura',
    'papua',
    'ambon',
    'bugis',
    'padang',
    'minang',
    'betawi',
    'dayak',
    'pribumi',
    'keturunan',
    'suku',
    'ras',
    'etnis',
    'negro',
    'hitam',
    'pendatang',
    'asing',
    'bule',
    'india',
    'timur',
  ].map((w) => [w, 'ras_suku'] as const),
  ...[
    'perempuan',
    'wanita',
    'cewek',
    'cewe',
    'janda',
    'lgbt',
    'homo',
    'gay',
    'lesbi',
    'lesbian',
    'banci',
    'bencong',
    'waria',
    'transgender',
    'betina',
    'emak',
  ].map((w) => [w, 'gender'] as const),
  ...[
    'cacat',
    'difabel',
    'disabilitas',
    'pincang',
    'gendut',
    'gembrot',
    'pendek',
    'cebol',
    'jelek',
    'botak',
    'tuli',
    'bisu',
    'idiot',
    'autis',
    'keriting',
  ].map((w) => [w, 'fisik'] as const),
])

const HOSTILE = new Set([
  'usir',
  'usirlah',
  'diusir',
  'bunuh',
  'dibunuh',
  'basmi',
  'dibasmi',
  'bantai',
  'dibantai',
  'musnahkan',
  'bakar',
  'dibakar',
  'benci',
  'sesat',
  'najis',
  'laknat',
  'dasar',
  'hancurkan',
  'ganyang',
  'enyahkan',
  'mampus',
  'jijik',
  'hina',
  'rendah',
  'kotor',
  'sampah',
  'pulangkan',
  'pulang',
  'minggat',
  'tolak',
  'haram',
  'antek',
  'penjajah',
  'biadab',
  'kaum',
  'gerombolan',
  'terkutuk',
  'setan',
  'iblis',
  'virus',
  'penyakit',
  'parasit',
  'tikus',
  'binatang',
  'hewan',
  'monyet',
  'babi',
  'anjing',
  'bodoh',
  'tolol',
  'goblok',
  'bego',
  'awas',
])

export interface HateCues {
  institution: boolean
  person: boolean
  identity: Exclude<HateCategory, 'none'> | null
  /** A hostile word within a few words of an identity word. */
  hostileIdentity: boolean
}

/** Whether a normalised word can change the cues; lets callers skip the rules for most texts. */
export const isCueWord = (word: string): boolean =>
  INSTITUTIONS.has(word) || PERSONS.has(word) || IDENTITIES.has(word)

/** Cues from the normalised words of a text, in order. */
export function cuesFromWords(words: readonly string[]): HateCues {
  let institution = false
  let person = false
  let identity: Exclude<HateCategory, 'none'> | null = null
  let hostileIdentity = false
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    if (INSTITUTIONS.has(w)) institution = true
    if (PERSONS.has(w)) person = true
    const category = IDENTITIES.get(w)
    if (category !== undefined) {
      identity ??= category
      for (let j = Math.max(0, i - 4); j <= Math.min(words.length - 1, i + 4); j++) {
        if (j !== i && HOSTILE.has(words[j]!)) hostileIdentity = true
      }
    }
  }
  return { institution, person, identity, hostileIdentity }
}

export const NO_CUES: HateCues = { institution: false, person: false, identity: null, hostileIdentity: false }

export function hateCues(text: string): HateCues {
  const words: string[] = []
  scanTokens(text, (kind, start, end) => {
    if (kind !== 'word' && kind !== 'hashtag') return
    const raw = text.slice(kind === 'hashtag' ? start + 1 : start, end).toLowerCase()
    for (const w of normaliseWord(raw).split(' ')) words.push(w)
  })
  return cuesFromWords(words)
}

/** True when the only target in sight is an institution: abusive at most, never hate speech. */
export const institutionOnly = (cues: HateCues): boolean =>
  cues.institution && !cues.person && cues.identity === null
