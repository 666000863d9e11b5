// Security-classification markings (rules.md §8: Sangat Rahasia / Rahasia / Terbatas). The words are also ordinary
// Indonesian ("rahasia sukses", "kuota terbatas", "data pasien bersifat rahasia"), so only marking usage is
// reported: a labelled field ("Sifat: Rahasia", "Klasifikasi: T", "status: Sangat Rahasia"), a bracketed stamp
// ("(TERBATAS)", "(rahasia)"), an upper-case level that opens a line, and — inside a sentence, in any case — a level
// given as the status of a document ("dokumen ini bersifat rahasia", "nota dinas berklasifikasi Terbatas").
import { mergeSpans, type DetectorSpan } from './detector-span.ts'

const LEVEL_WORDS = String.raw`sangat\s+rahasia|rahasia|terbatas|konfidensial`
const LEVEL_CODES = String.raw`SR|R|T`
// Official papers whose status a level can be; "data" and "informasi" are left out, as their confidentiality is a
// legal fact people state ("data pribadi pasien bersifat rahasia"), not a marking.
const DOCUMENTS = String.raw`(?:dokumen|surat(?:\s+edaran)?|nota(?:\s+dinas)?|naskah(?:\s+dinas)?|lampiran|berkas|laporan|notulen|notula|memo|memorandum|telegram|radiogram|kawat|arsip|telaahan(?:\s+staf)?|telaah|kajian|hasil\s+(?:rapat|telaah|kajian|audit|investigasi|penyelidikan|pemeriksaan)|disposisi|bahan\s+(?:rapat|paparan)|paparan|salinan)`
const STATUS_VERBS = String.raw`(?:sifatnya|statusnya|klasifikasinya|bersifat|berklasifikasi|berstatus|berderajat|berlabel|bertanda|bercap|berstempel|dengan\s+(?:sifat|status|klasifikasi|derajat|cap|stempel|tanda|label)|diklasifikasikan(?:\s+sebagai)?|dikategorikan\s+sebagai|tergolong|termasuk(?:\s+kategori)?|ditandai)`

// Inside a sentence, any case: a document given a level as its status, "dokumen ini bersifat rahasia",
// "nota dinas berklasifikasi Terbatas", "laporan hasil audit ini berstatus sangat rahasia".
const DOCUMENT_STATUS = new RegExp(
  String.raw`\b${DOCUMENTS}(?!\s+suara)(?:\s+[\p{L}\p{N}.-]+){0,5}?\s+${STATUS_VERBS}\s*[:：]?\s*(?:${LEVEL_WORDS})\b`,
  'giu',
)
// Said of the reader's own report or data it is an assurance ("laporan Anda bersifat rahasia"), and after "yang"
// without "ini"/"tersebut" it describes a kind of document ("dokumen yang bersifat rahasia dikecualikan").
const ASSURANCE = /\b(?:anda|kamu|kalian|pelapor|pengadu|pemohon|warga|pribadi|identitas|pasien)\b/iu
// A named document ("notulen rapat pimpinan yang bersifat terbatas") is one paper; "dokumen yang bersifat rahasia"
// right after the noun, "rahasia negara" and what the law exempts are statements about a kind of paper.
const GENERIC_KIND = new RegExp(String.raw`^${DOCUMENTS}\s+yang\b`, 'iu')
const isDocumentMarking = (phrase: string, after: string): boolean =>
  !ASSURANCE.test(phrase) &&
  !/^\s*negara\b/iu.test(after) &&
  !/\b(?:dikecualikan|undang-undang)\b/iu.test(after.split(/[.!?\n]/u)[0] ?? '') &&
  (!GENERIC_KIND.test(phrase) || /\b(?:ini|tersebut|itu)\b/iu.test(phrase))

const PATTERNS: RegExp[] = [
  // Labelled field, any case: "Sifat : RAHASIA", "Klasifikasi keamanan: Terbatas", "Derajat: SR", "klasifikasi: r".
  new RegExp(
    String.raw`\b(?:sifat(?:\s+surat|\s+dokumen)?|klasifikasi(?:\s+keamanan)?(?:\s+dokumen)?|derajat(?:\s+kerahasiaan)?|tingkat\s+klasifikasi|kode\s+klasifikasi)\s*[:：]\s*(?:${LEVEL_WORDS}|(?:${LEVEL_CODES})\b)`,
    'giu',
  ),
  // A status field names the level in words ("Status: Sangat Rahasia"); a bare letter there means something else.
  new RegExp(
    String.raw`\bstatus(?:\s+(?:dokumen|surat|kerahasiaan|keamanan))?\s*[:：]\s*(?:${LEVEL_WORDS})\b`,
    'giu',
  ),
  // A document named with its level right after it: "nota dinas Rahasia", "surat RAHASIA" need the level
  // capitalised, "surat rahasia" alone being common speech.
  new RegExp(
    String.raw`\b(?:[Dd]okumen|[Ss]urat|[Nn]ota(?:\s+[Dd]inas)?|[Nn]askah(?:\s+[Dd]inas)?|[Ll]ampiran|[Tt]elegram|[Mm]emo)\s+(?:Sangat\s+Rahasia|SANGAT\s+RAHASIA|Rahasia|RAHASIA|Terbatas|TERBATAS)\b`,
    'gu',
  ),
  // Bracketed level: "(rahasia)", "[sangat rahasia]" in any case; "(Terbatas)" capitalised, "(terbatas)" being a quota.
  new RegExp(String.raw`[\[(]\s*(?:sangat\s+rahasia|rahasia|konfidensial)\s*[\])]`, 'giu'),
  new RegExp(String.raw`[\[(]\s*(?:Terbatas|TERBATAS)\s*[\])]`, 'gu'),
  // "(terbatas)" in lower case marks a document named just before it: "salinan telegram Kapolres (terbatas)".
  new RegExp(String.raw`\b${DOCUMENTS}(?:\s+[\p{L}\p{N}.-]+){0,3}\s*[\[(]\s*terbatas\s*[\])]`, 'giu'),
  // A stamp or seal with the level: "bercap RAHASIA", "stempel Sangat Rahasia".
  new RegExp(String.raw`\b(?:cap|stempel|stempelnya|capnya|cap\s+dinas)\s+(?:${LEVEL_WORDS})\b`, 'giu'),
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
  for (const pattern of [...PATTERNS, DOCUMENT_STATUS]) {
    for (const match of text.matchAll(pattern)) {
      if (
        pattern === DOCUMENT_STATUS &&
        !isDocumentMarking(match[0], text.slice(match.index + match[0].length))
      )
        continue
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
