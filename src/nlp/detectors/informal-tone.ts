// Informal tone unsuitable for an official account: street slang ("gue", "lo", "anjay", "wkwk"), shouting
// ("!!!", long runs of capitals) and alay spellings ("s3m4ng4t", "bangeeet", "SeMaNgAt"). The friendly register
// government accounts do use ("Sobat", "yuk", "ya", "jangan lupa") is deliberately not listed.
import type { DetectorSpan } from './detector-span.ts'

export type InformalKind = 'slang' | 'excessive_punctuation' | 'excessive_caps' | 'alay_spelling'

export interface InformalSpan extends DetectorSpan {
  kind: InformalKind
}

const SLANG_WORDS = [
  'gue',
  'gua',
  'gw',
  'guwe',
  'lo',
  'lu',
  'loe',
  'lou',
  'elo',
  'elu',
  'anjay',
  'anjai',
  'anjir',
  'anjrit',
  'anjim',
  'bjir',
  'bjirr',
  'njir',
  'cuy',
  'coy',
  'bro',
  'bray',
  'sis',
  'sist',
  'gaes',
  'gengs',
  'mantul',
  'santuy',
  'gabut',
  'mager',
  'baper',
  'lebay',
  'kepo',
  'ciyus',
  'miapah',
  'cemungudh',
  'cemungut',
  'woles',
  'gokil',
  'bokap',
  'nyokap',
  'doang',
  'kagak',
  'kaga',
  'ogah',
  'ngab',
  'otw',
  'btw',
  'gan',
  'cmiiw',
  'wkwk',
  'wkwkwk',
  'xixixi',
  'awokawok',
  'awokwok',
  'kwkw',
  'hahaha',
  'wakaka',
  'ngakak',
  'cie',
  'ciee',
  'kuy',
  'gaskeun',
  'mantap jiwa',
  'bucin',
  'julid',
  'sotoy',
  'halu',
  'yoi',
  'yoman',
  // Chat abbreviations: fine in a comment, not in an institution's post.
  'yg',
  'dgn',
  'utk',
  'tdk',
  'krn',
  'bgt',
  'gk',
  'udh',
  'gmn',
  'knp',
  'dmn',
  'jg',
  'blm',
  'sdh',
  'trs',
  'bs',
  'sy',
]
// Laughter and elongated slang are matched by shape, not only by the list.
const SLANG = new RegExp(
  String.raw`(?<![\p{L}\p{N}_#@])(?:${SLANG_WORDS.map((w) => w.replace(' ', String.raw`\s+`)).join('|')}|w+k+w+k+[wk]*|a+w+o+k+[awok]*|(?:ha){2,}h?|(?:he){2,}h?|(?:hi){3,}|x+i+x+i+[xi]*|a+n+j+[aie]+y*)(?![\p{L}\p{N}_])`,
  'giu',
)
// Three or more "!" or "?" (mixed too): "!!!", "?!?!".
const PUNCTUATION = /[!?]*(?:!{3,}|\?{3,}|(?:[!?]{2,}(?=[!?])[!?]+))/gu
// A word written with digits for letters (s3m4ng4t, t3rim4 k4s1h) or with a letter stretched three times.
const LEETSPEAK =
  /(?<![\p{L}\p{N}_#@/.])(?=\p{L}*[0-9])(?=[0-9]*\p{L})[\p{L}0-9]*\p{L}[0-9]\p{L}[\p{L}0-9]*(?![\p{L}\p{N}_])/gu
const STRETCHED = /(?<![#@/\p{L}])\p{L}*(\p{L})\1\1\p{L}*/gu
// Case flipping inside a word: "SeMaNgAt", "kAmU".
const ALTERNATING_CASE =
  /(?<![\p{L}])(?:\p{Ll}\p{Lu}|\p{Lu}\p{Ll}\p{Lu}(?=\p{L}))\p{L}*(?:\p{Lu}\p{Ll}|\p{Ll}\p{Lu})\p{L}*/gu
// Words that carry digits legitimately: units, years, model and regulation numbers, COVID-19 style names.
const LEGIT_ALPHANUMERIC = /^(?:\d+(?:[a-z]{1,3})|[a-z]{1,3}\d+|covid\d*|\p{L}+-\d+)$/iu

const CAPS_WORD = /(?<![\p{L}\p{N}_#@])\p{Lu}{2,}(?![\p{L}\p{N}_])/gu
const ANY_WORD = /(?<![\p{L}\p{N}_#@])\p{L}{2,}(?![\p{L}\p{N}_])/gu
const CAPS_RUN = /(?<![\p{L}\p{N}_#@-])\p{Lu}{2,}(?:[ \t]+\p{Lu}{2,}){2}(?![\p{L}\p{N}_-])/u

/**
 * Whether a word is part of a reference rather than prose: a segment of a hyphen-, slash- or dot-joined code
 * ("REG-BS-2024", "0012/DPMPTSP/XI/2024", "LPR-20241105-8834XZ", "SP4N-LAPOR") or an upper-case code with digits
 * ("SP2D", "K3L", "AB12CD34"). Formal posts quote ticket numbers and abbreviations; they are not slang or alay.
 */
function isPartOfCode(text: string, start: number, end: number): boolean {
  const token = text.slice(start, end)
  if (!/\p{Ll}/u.test(token) && /\p{N}/u.test(token)) return true
  const joinedBefore = /[\p{L}\p{N}][-/_.=:][\p{L}\p{N}]$/u.test(
    text.slice(Math.max(0, start - 2), start + 1),
  )
  const joinedAfter = /^[\p{L}\p{N}][-/_=][\p{L}\p{N}]/u.test(text.slice(end - 1, end + 2))
  return (joinedBefore || joinedAfter) && !/\p{Ll}/u.test(token.slice(1))
}

function isInsideLinkOrTag(text: string, index: number): boolean {
  const tokenStart = Math.max(text.lastIndexOf(' ', index), text.lastIndexOf('\n', index)) + 1
  const token = text.slice(tokenStart, index + 1)
  return /^[#@]|https?:|www\.|\.\w+\//i.test(token)
}

/** Spans of informal writing, each with the kind of problem so the message can say what to change. */
export function findInformalTone(text: string): InformalSpan[] {
  const spans: InformalSpan[] = []
  for (const match of text.matchAll(SLANG)) {
    if (isInsideLinkOrTag(text, match.index)) continue
    if (isPartOfCode(text, match.index, match.index + match[0].length)) continue
    spans.push({ start: match.index, end: match.index + match[0].length, kind: 'slang' })
  }
  for (const match of text.matchAll(PUNCTUATION)) {
    spans.push({ start: match.index, end: match.index + match[0].length, kind: 'excessive_punctuation' })
  }
  for (const pattern of [LEETSPEAK, STRETCHED, ALTERNATING_CASE]) {
    for (const match of text.matchAll(pattern)) {
      if (isInsideLinkOrTag(text, match.index)) continue
      if (isPartOfCode(text, match.index, match.index + match[0].length)) continue
      if (pattern === LEETSPEAK && LEGIT_ALPHANUMERIC.test(match[0])) continue
      // Roman numerals (triwulan III, abad XXI) and short capitalised codes repeat letters legitimately.
      if (pattern === STRETCHED && (/^[IVXLCDM]+$/u.test(match[0]) || /^\p{Lu}{1,4}$/u.test(match[0])))
        continue
      // Some abbreviations are legitimately mixed case (DKI, KemenPAN-RB, BPJamsostek): need a lower-upper-lower flip.
      if (
        pattern === ALTERNATING_CASE &&
        !/\p{Ll}\p{Lu}\p{Ll}.*\p{Lu}|\p{Lu}\p{Ll}\p{Lu}\p{Ll}/u.test(match[0])
      )
        continue
      if (pattern === ALTERNATING_CASE && /^(?:Kemen|Ke|Di|Men|Pem|Per)\p{Lu}/u.test(match[0])) continue
      spans.push({ start: match.index, end: match.index + match[0].length, kind: 'alay_spelling' })
    }
  }
  // Shouting: most of a text of eight or more words in capitals, with at least three of them in a row. Short
  // headlines are fine, and so is a list of acronyms ("SPPT, SIMPEG, SP2D dan BPJS-TK"), whose capitals stand apart.
  const words = [...text.matchAll(ANY_WORD)]
  const capsWords = [...text.matchAll(CAPS_WORD)]
  if (words.length >= 8 && capsWords.length / words.length > 0.6 && CAPS_RUN.test(text)) {
    const first = capsWords[0]
    const last = capsWords.at(-1)
    if (first && last)
      spans.push({ start: first.index, end: last.index + last[0].length, kind: 'excessive_caps' })
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  // Drop spans contained in an earlier one (a stretched word inside a slang match, for instance).
  const kept: InformalSpan[] = []
  for (const span of spans) {
    const last = kept.at(-1)
    if (last && span.start >= last.start && span.end <= last.end && last.kind !== 'excessive_caps') continue
    kept.push(span)
  }
  return kept
}
