// Lexicon spans for abusive language and SARA hate, so a finding can point at the offending words. The classifier
// decides on meaning; these lists only locate the words (and catch the plain cases when no classifier is given).
// Written for this project from common Indonesian usage (not copied from the CC BY-NC-SA research lexicons).
import { mergeSpans, type DetectorSpan } from './detector-span.ts'
import { findSaraHostility } from './sara-hostility.ts'
import { AIMED_AFTER_WORDS, AIMED_BEFORE_WORDS, ANIMAL_INSULTS, CRUDE } from '../rules/abusive-words.ts'

const AIMED_BEFORE = String.raw`(?:${AIMED_BEFORE_WORDS.join('|')})\s+`
const AIMED_AFTER = String.raw`\s*(?:${AIMED_AFTER_WORDS.join('|')}|!)`

const word = (alternatives: string[]): string =>
  alternatives.map((w) => w.replace(/\s+/g, String.raw`\s+`)).join('|')

// Masked spellings ("b*ngsat", "g0bl0k", "t0l0l"): a vowel may be written as "*"; digits and symbols are read
// as the letters they stand for in a same-length copy of the text, so offsets still point into the original.
const maskVowels = (w: string): string => w.replace(/[aiueo]/g, (v) => `[${v}*]`)
const CRUDE_PATTERN = new RegExp(
  String.raw`(?<![\p{L}\p{N}_#@*])(?:${CRUDE.map(maskVowels).join('|')})(?![\p{L}\p{N}_*])`,
  'giu',
)
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
}
const unmask = (text: string): string =>
  text.replace(/(?<=\p{L})[013457@$]|[013457@$](?=\p{L})/gu, (c) => LEET[c] ?? c)
const AIMED_ANIMAL_PATTERN = new RegExp(
  String.raw`(?<![\p{L}\p{N}_#@])(?:${AIMED_BEFORE}(?:${word(ANIMAL_INSULTS)})|(?:${word(ANIMAL_INSULTS)})(?=${AIMED_AFTER}(?![\p{L}])))(?![\p{L}\p{N}_])`,
  'giu',
)

// Groups protected by UU 1/2024 Pasal 28(2) and the SARA grouping: religions, ethnic groups, races, origins.
const GROUPS = [
  'islam',
  'muslim',
  'kristen',
  'katolik',
  'nasrani',
  'hindu',
  'buddha',
  'budha',
  'konghucu',
  'yahudi',
  'ahmadiyah',
  'syiah',
  'wahabi',
  'ateis',
  'penghayat',
  'cina',
  'china',
  'tionghoa',
  'aseng',
  'asing',
  'arab',
  'papua',
  'batak',
  'madura',
  'jawa',
  'sunda',
  'bugis',
  'dayak',
  'ambon',
  'minang',
  'betawi',
  'flores',
  'timor',
  'negro',
  'kulit hitam',
  'pribumi',
  'non pribumi',
  'nonpribumi',
  'pendatang',
  'lgbt',
  'banci',
  'bencong',
  'waria',
  'kafir',
  'cacat',
  'difabel',
  'perempuan',
  'wanita',
  'kadrun',
  'komunis',
  'pki',
]
const GROUP_NOUNS = String.raw`(?:kaum|umat|orang|etnis|suku|ras|golongan|agama|warga|bangsa|keturunan|antek|antek-antek|para)\s+`
const HOSTILE_VERBS = [
  'usir',
  'usirlah',
  'bantai',
  'bunuh',
  'basmi',
  'habisi',
  'ganyang',
  'musnahkan',
  'hancurkan',
  'bakar',
  'serang',
  'tendang',
  'enyahkan',
  'singkirkan',
  'boikot',
  'tumpas',
  'penggal',
  'gantung',
  'jangan beri tempat',
]
const HOSTILE_LABELS = [
  'sampah',
  'najis',
  'penyakit',
  'biadab',
  'anjing',
  'babi',
  'monyet',
  'binatang',
  'hewan',
  'setan',
  'iblis',
  'laknat',
  'pengkhianat',
  'penjajah',
  'parasit',
  'kotor',
  'hina',
  'terkutuk',
  'sesat',
  'tidak pantas hidup',
  'harus diusir',
  'harus dibasmi',
  'harus pergi',
  'pulang kampung',
  'bukan manusia',
  'terbelakang',
  'primitif',
  'bodoh',
  'malas',
  'licik',
  'serakah',
  'pembawa sial',
  'tidak layak',
]
// Slurs that are hateful on their own.
const SLURS = [
  'kadrun',
  'cokin',
  'aseng',
  'onta',
  'kafir laknat',
  'cina babi',
  'cina komunis',
  'antek aseng',
  'bencong',
  'negro',
]

const GROUP = String.raw`(?:${GROUP_NOUNS})?(?:${word(GROUPS)})`
const SARA_PATTERNS: RegExp[] = [
  new RegExp(
    String.raw`(?<![\p{L}])(?:${word(HOSTILE_VERBS)})\s+(?:semua\s+|para\s+|saja\s+)?${GROUP}(?![\p{L}])`,
    'giu',
  ),
  new RegExp(
    String.raw`(?<![\p{L}])${GROUP}(?:\s*,\s*|\s+)(?:(?:itu|mereka|memang|emang|adalah|semua|semuanya|pasti|selalu|cuma|hanya|tuh|sih|kaum)(?:\s*,\s*|\s+)){0,3}(?:${word(HOSTILE_LABELS)})(?![\p{L}])`,
    'giu',
  ),
  new RegExp(
    String.raw`(?<![\p{L}])(?:dasar|dasar\s+kaum|kayak|seperti)\s+(?:${word(GROUPS)})(?![\p{L}])`,
    'giu',
  ),
  new RegExp(String.raw`(?<![\p{L}])(?:${word(SLURS)})(?![\p{L}])`, 'giu'),
]

/** Spans of crude or insulting words. */
export function findAbusiveWords(text: string): DetectorSpan[] {
  const spans: DetectorSpan[] = []
  const readable = unmask(text)
  for (const pattern of [CRUDE_PATTERN, AIMED_ANIMAL_PATTERN]) {
    for (const match of readable.matchAll(pattern))
      spans.push({ start: match.index, end: match.index + match[0].length })
  }
  return mergeSpans(spans)
}

/**
 * Spans of hostility aimed at a religion, ethnic group, race or other protected group: hostile words and slurs here,
 * generalisation, blame and exclusion without them in sara-hostility.ts.
 */
export function findSaraHate(text: string): DetectorSpan[] {
  const spans: DetectorSpan[] = findSaraHostility(text)
  for (const pattern of SARA_PATTERNS) {
    for (const match of text.matchAll(pattern))
      spans.push({ start: match.index, end: match.index + match[0].length })
  }
  return mergeSpans(spans)
}

/** Spans naming a protected group at all: used to keep a classifier's hate verdict to texts about people. */
export function findGroupMentions(text: string): DetectorSpan[] {
  const pattern = new RegExp(String.raw`(?<![\p{L}])(?:${word(GROUPS)}|${word(SLURS)})(?![\p{L}])`, 'giu')
  return [...text.matchAll(pattern)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }))
}
