// Security-classification markings (rules.md §8: Sangat Rahasia / Rahasia / Terbatas). The words are also ordinary
// Indonesian ("rahasia sukses", "kuota terbatas"), so only marking usage is reported: a labelled field
// ("Sifat: Rahasia", "Klasifikasi: T"), a bracketed or stand-alone upper-case stamp, or an upper-case level that
// opens the text or a line and is followed by a separator.
import { mergeSpans, type DetectorSpan } from './detector-span.ts'

const LEVEL_WORDS = String.raw`sangat\s+rahasia|rahasia|terbatas|konfidensial`
const LEVEL_CODES = String.raw`SR|R|T`

const PATTERNS: RegExp[] = [
  // Labelled field, any case: "Sifat : RAHASIA", "Klasifikasi keamanan: Terbatas", "Derajat: SR".
  new RegExp(
    String.raw`\b(?:sifat(?:\s+surat|\s+dokumen)?|klasifikasi(?:\s+keamanan)?(?:\s+dokumen)?|derajat(?:\s+kerahasiaan)?|tingkat\s+klasifikasi|kode\s+klasifikasi)\s*[:：]\s*(?:${LEVEL_WORDS}|(?:${LEVEL_CODES})\b)`,
    'giu',
  ),
  // Bracketed stamp: "[RAHASIA]", "(SANGAT RAHASIA)", "«TERBATAS»".
  new RegExp(
    String.raw`[\[(«<]\s*(?:SANGAT\s+RAHASIA|RAHASIA|TERBATAS|KONFIDENSIAL|TOP\s+SECRET|SECRET|CONFIDENTIAL|RESTRICTED)\s*[\])»>]`,
    'gu',
  ),
  // "SANGAT RAHASIA" in capitals is a stamp wherever it stands.
  /\bSANGAT\s+RAHASIA\b/gu,
  // An upper-case level alone on its line, or opening a line and followed by a separator ("RAHASIA - Nota Dinas").
  new RegExp(
    String.raw`(?:^|\n)[ \t*_#]*(?:RAHASIA|TERBATAS|KONFIDENSIAL|TOP\s+SECRET|SECRET|CONFIDENTIAL|RESTRICTED)[ \t*_]*(?=$|\n|[ \t]*[-–—:/|•])`,
    'gu',
  ),
  // "dokumen/surat/nota ini berklasifikasi RAHASIA", "bersifat RAHASIA" with the level in capitals.
  new RegExp(
    String.raw`\b(?:ber)?klasifikasi\s+(?:${LEVEL_WORDS})\b|\bbersifat\s+(?:SANGAT\s+RAHASIA|RAHASIA|TERBATAS)\b`,
    'gu',
  ),
]

/** Spans of classification markings; overlapping matches are merged. */
export function findClassifiedMarkers(text: string): DetectorSpan[] {
  const found: DetectorSpan[] = []
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      let start = match.index
      let end = start + match[0].length
      // Trim the line break or decoration the pattern consumed before the marking itself.
      while (start < end && /[\s*_#]/.test(text[start] ?? '')) start += 1
      while (end > start && /[\s*_]/.test(text[end - 1] ?? '')) end -= 1
      found.push({ start, end })
    }
  }
  return mergeSpans(found)
}
