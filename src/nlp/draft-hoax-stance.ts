// The stance gate around the hoax matcher for drafts (issue #10): an official post about a known hoax is usually the
// office doing its job — denying the claim or informing about the genuine service the hoax imitates — and must not
// be blocked as spreading it. The matcher says which claim a text is about; this says whether the draft asserts it.
// Kept outside src/nlp/hoax/ (the matcher's own stance cues may change with it) and deliberately small.

// Words that label a claim false or warn about it, as official clarifications write them.
const DENIAL =
  /(?<![\p{L}])(?:hoaks|hoax|hoaxs|hoks|disinformasi|misinformasi|kabar\s+bohong|berita\s+bohong|informasi\s+(?:palsu|keliru|menyesatkan)|(?:tidak|tak)\s+benar|gak\s+bener|bukan\s+fakta|tidak\s+terbukti|faktanya|fakta\s*:|klarifikasi|meluruskan|cek\s+fakta|dibantah|membantah|jangan\s+(?:mudah\s+)?(?:percaya|terpancing|termakan)|jangan\s+(?:ikut\s+)?(?:sebarkan|menyebarkan|disebarkan)|jangan\s+klik|abaikan|waspadai?\s+(?:penipuan|modus|hoaks|hoax|pesan\s+berantai|informasi\s+palsu)|penipuan|phishing)(?![\p{L}])/iu
const AFFIRMATION =
  /(?<![\p{L}])(?:bukan\s+(?:hoaks|hoax)|benar\s+adanya|sudah\s+terbukti|memang\s+benar)(?![\p{L}])/iu
// What the genuine service says: it still holds, runs as usual, goes through the official channel.
const CONTINUITY =
  /(?<![\p{L}])(?:(?:tetap|masih)\s+(?:berlaku|berbayar|bebas|ada|dilayani|disalurkan|aman|normal|berjalan|masuk|buka|dibuka|beroperasi|sah|seperti\s+biasa|sama|lima)|(?:dalam\s+kondisi|terpantau|berjalan|beroperasi)\s+(?:baik|normal|aman|lancar|seperti\s+biasa)|(?:hanya|resmi)\s+(?:melalui|lewat|di)\s+(?:situs|laman|aplikasi|kanal|kantor|loket))(?![\p{L}])/iu

const NEGATORS = new Set(['tidak', 'tak', 'bukan', 'belum', 'tanpa', 'tiada', 'nggak', 'gak', 'enggak'])
const STOPWORDS = new Set([
  'yang',
  'untuk',
  'dengan',
  'dari',
  'akan',
  'mulai',
  'lewat',
  'semua',
  'bagi',
  'pada',
  'karena',
  'saat',
  'jika',
  'tahun',
  'bulan',
  'ini',
  'itu',
  'oleh',
  'dalam',
  'lagi',
  'bisa',
  'warga',
  'hoaks',
  'disinformasi',
])

/** Lower-case words of each clause; a clause ends at punctuation, so a negator never reaches past it. */
function clauses(text: string): string[][] {
  return text
    .toLowerCase()
    .split(/[.,;:!?\n()[\]]+/u)
    .map((clause) => clause.match(/[\p{L}\p{N}-]+/gu) ?? [])
}

const sameWord = (a: string, b: string): boolean =>
  a === b || (Math.min(a.length, b.length) >= 5 && (a.startsWith(b) || b.startsWith(a)))

/** Words a negator governs: the next three in its clause. */
function negatedWords(text: string): string[] {
  const words: string[] = []
  for (const clause of clauses(text)) {
    clause.forEach((word, index) => {
      if (NEGATORS.has(word)) words.push(...clause.slice(index + 1, index + 4))
    })
  }
  return words
}

/**
 * Whether a draft the matcher tied to a claim corrects it rather than asserting it: it labels the claim false or
 * warns about it, states that the genuine service still holds, or negates a word of the claim that the claim itself
 * does not negate ("tarif listrik tidak naik" against "tarif listrik naik 50 persen"; "tidak berlaku lagi" restates
 * a claim that says "tidak berlaku lagi").
 */
export function isCorrectingHoax(text: string, claimText: string): boolean {
  if (AFFIRMATION.test(text)) return false
  if (DENIAL.test(text) || CONTINUITY.test(text)) return true
  const claim = claimText.replace(/^\s*\[[^\]]*\]\s*/u, '')
  const claimWords = clauses(claim)
    .flat()
    .filter((word) => word.length >= 4 && !STOPWORDS.has(word) && !NEGATORS.has(word))
  const claimNegated = negatedWords(claim)
  return negatedWords(text).some(
    (word) =>
      claimWords.some((claimWord) => sameWord(word, claimWord)) &&
      !claimNegated.some((negated) => sameWord(word, negated)),
  )
}
