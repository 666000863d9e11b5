// Numbers and money amounts in a text as plain numbers, however they are written: "Rp5.000.000", "Rp 5 juta",
// "5jt", "5 jt", "5,5 juta", "lima juta", "sejuta", "600rb", "600k". A claim and its restatement often write the
// same amount differently, and a different amount is a sign of a different (or corrected) claim.

const MULTIPLIERS: Record<string, number> = {
  rb: 1e3,
  ribu: 1e3,
  rebu: 1e3,
  k: 1e3,
  jt: 1e6,
  juta: 1e6,
  jeti: 1e6,
  m: 1e9,
  miliar: 1e9,
  milyar: 1e9,
  t: 1e12,
  triliun: 1e12,
  thousand: 1e3,
  million: 1e6,
  mio: 1e6,
  billion: 1e9,
}

/** Numbers written as words; the hoax tokeniser also takes these out of the content words. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
  sepuluh: 10,
  seratus: 100,
  seribu: 1000,
  sejuta: 1e6,
}
// Read as amounts too, but left among the content words by the hoax tokeniser.
// Street money words ("goceng" is Rp5.000, "gocap" 50 ribu as the word is used for prices today).
const AMOUNT_WORDS: Readonly<Record<string, number>> = {
  ...NUMBER_WORDS,
  sebelas: 11,
  setengah: 0.5,
  nol: 0,
  cepek: 100,
  gopek: 500,
  seceng: 1000,
  goceng: 5000,
  ceban: 10_000,
  goban: 50_000,
  gocap: 50_000,
  sejeti: 1e6,
}

const UNIT = Object.keys(MULTIPLIERS).join('|')
// A digit group not glued to a word before it ("COVID-19", "H01" are names, not amounts).
const AMOUNT = new RegExp(
  `(?<![\\p{L}\\d])(?<!\\p{L}-)(\\d+(?:[.,]\\d+)*)(?:\\s*(${UNIT})(?![\\p{L}]))?(?!\\d)`,
  'giu',
)
// "enam ratus ribu", "dua puluh lima juta", "dua belas" (the tens/hundreds word scales the number before the unit).
const AMOUNT_WORD = Object.keys(AMOUNT_WORDS).join('|')
const WORD_AMOUNT = new RegExp(
  `(?<![\\p{L}])(${AMOUNT_WORD})(?:\\s+(ratus|puluh|belas)(?:\\s+(${AMOUNT_WORD})(?![\\p{L}]))?)?(?:\\s+(${UNIT}))?(?![\\p{L}])`,
  'giu',
)

function parseDigits(raw: string): number {
  // 600.000 and 1,5: a dot or comma followed by exactly three digits groups thousands; otherwise it is decimal.
  return /^\d{1,3}([.,]\d{3})+$/u.test(raw)
    ? Number(raw.replace(/[.,]/gu, ''))
    : Number(raw.replace(',', '.'))
}

/** Every amount in the text, in order: digits with optional unit first, then amounts written in words. */
export function extractAmounts(text: string): number[] {
  const source = text.replace(/\brp\.?\s*/giu, ' ')
  const amounts: number[] = []
  for (const match of source.matchAll(AMOUNT)) {
    const value = parseDigits(match[1] ?? '')
    if (!Number.isFinite(value)) continue
    const unit = match[2]?.toLowerCase()
    amounts.push(unit ? value * (MULTIPLIERS[unit] ?? 1) : value)
  }
  for (const match of source.matchAll(WORD_AMOUNT)) {
    const value = AMOUNT_WORDS[(match[1] ?? '').toLowerCase()]
    if (value === undefined) continue
    const unit = match[4]?.toLowerCase()
    const multiplier = unit ? (MULTIPLIERS[unit] ?? 1) : 1
    // "dua belas" is twelve: the teens add ten, and nothing follows them.
    if (match[2]?.toLowerCase() === 'belas') {
      if (value < 10) amounts.push((value + 10) * multiplier)
      continue
    }
    const scale = match[2]?.toLowerCase() === 'ratus' ? 100 : match[2] ? 10 : 1
    // "tujuh puluh lima ribu": the ones after the tens.
    const ones = match[3] ? (AMOUNT_WORDS[match[3].toLowerCase()] ?? 0) : 0
    amounts.push((value * scale + (ones < scale ? ones : 0)) * multiplier)
  }
  return amounts
}

/** True when the word is a money/size multiplier ("jt", "rb"), which is part of an amount, not content. */
export function isAmountUnit(word: string): boolean {
  return MULTIPLIERS[word.toLowerCase()] !== undefined
}
