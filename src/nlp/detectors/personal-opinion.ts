// Personal opinion and partisanship. An official account speaks for the institution, not for the admin, and may
// not support or oppose parties or candidates (Inpres 9/2015, SE MenPAN-RB 137/2018; rules.md §12 C22). Neutral
// election information ("gunakan hak pilih Anda", "KPU menetapkan nomor urut") is not a finding.
import { mergeSpans, type DetectorSpan } from './detector-span.ts'

const FIRST_PERSON_OPINION =
  /\b(?:menurut\s+(?:saya|aku|gue|gw|sy|pendapat\s+(?:saya|pribadi|aku))|saya\s+pribadi|aku\s+pribadi|secara\s+pribadi\s+saya|pendapat\s+(?:pribadi\s+)?saya|opini\s+(?:pribadi\s+)?saya|menurutku|menurut\s+gw|(?:saya|aku|sy)\s+(?:rasa|kira|pikir|nilai|anggap|yakin|percaya|merasa|berpendapat)\b|kalau\s+(?:saya|aku)\s+sih|imho|in\s+my\s+opinion|(?:saya|aku)\s+(?:sangat\s+)?(?:tidak\s+)?(?:setuju|suka|benci|kecewa|muak)\b)/giu

// Something a voter can be asked to pick: a ballot number, a candidate pair, a party (names of parties that sat
// in the 2024 election), or a named office-seeker.
const PARTISAN_TARGET = String.raw`(?:no(?:mor)?\.?\s*(?:urut\s*)?0?[1-9]\b|0[1-9]\b|(?:paslon|pasangan\s+calon|pasangan\s+(?:nomor|no))(?:\s*(?:nomor\s*|no\.?\s*)?(?:urut\s*)?0?[1-9]\b)?|capres|cawapres|cagub|cawagub|cabup|cawabup|cawalkot|calon\s+(?:presiden|gubernur|bupati|wali\s*kota|legislatif|anggota)|caleg|partai\s+\p{L}+|pdi-?p|pdip|gerindra|golkar|pkb|nasdem|pks|demokrat|\bpan\b|ppp|perindo|psi|hanura|gelora|partai\s+buruh|ummat|jagoan|kandidat)`

const PARTISAN_PATTERNS: RegExp[] = [
  // "pilih nomor 2", "coblos paslon 01", "dukung Gerindra", "jangan pilih capres …", "menangkan pasangan …".
  new RegExp(
    String.raw`\b(?:ayo\s+|mari\s+|yuk\s+|jangan\s+)?(?:pilih|memilih|coblos|mencoblos|dukung|mendukung|menangkan|memenangkan|coblosan|all\s+in|lanjutkan)\s+(?:\p{L}+\s+){0,2}?${PARTISAN_TARGET}`,
    'giu',
  ),
  // Campaign slogans and gestures.
  /\b(?:salam\s+(?:satu|dua|tiga|1|2|3)\s+jari|menang\s+satu\s+putaran|satu\s+putaran\s+saja|(?:2|dua|tiga|3)\s+periode|ganti\s+presiden|#?2019gantipresiden|#?\p{L}*gantipresiden)\b/giu,
  // Campaign hashtags: #Pilih…, #Coblos…, #Menangkan…, #…Menang, #…Presiden…/#…Gubernur… etc.
  /#(?:pilih|coblos|menangkan|dukung|lanjutkan)\p{L}*\d*|#\p{L}+(?:menang|presiden\d*|gubernur|untukindonesia|2024|2029)\b/giu,
]

const PROHIBITION_BEFORE =
  /\b(?:dilarang|larangan|tidak\s+boleh|tak\s+boleh|tidak|tak|bukan|netral(?:\s+dan)?)\s+(?:\p{L}+\s+)?$/iu
// Candidates of the 2024 national and Jakarta elections by name, and an honorific before a capitalised name
// ("dukung Pak Budi"), after a verb of support.
const SUPPORT_VERB = String.raw`(?:ayo\s+|mari\s+|yuk\s+|jangan\s+)?(?:pilih|coblos|dukung|mendukung|menangkan|memenangkan)\s+`
const CANDIDATE_SUPPORT = new RegExp(
  String.raw`\b${SUPPORT_VERB}(?:prabowo|gibran|anies|muhaimin|cak\s+imin|ganjar|mahfud|ridwan\s+kamil|pramono|dharma\s+pongrekun|suswono|rano\s+karno)\b`,
  'giu',
)
// Case matters for the name, so the verb's first letter is spelled out in both cases instead of using the i flag.
const HONORIFIC_SUPPORT =
  /\b(?:[Aa]yo\s+|[Mm]ari\s+|[Yy]uk\s+|[Jj]angan\s+)?(?:[Pp]ilih|[Cc]oblos|[Dd]ukung|[Mm]endukung|[Mm]enangkan|[Mm]emenangkan)\s+(?:[Pp]ak|[Bb]u|[Bb]apak|[Ii]bu|[Mm]as|[Bb]ang)\s+\p{Lu}\p{Ll}+/gu

const SLOGAN_HASHTAG_EXCEPTIONS =
  /^#(?:pemilu|pilkada|pemilihan|kpu|bawaslu|pemilihdamai|pemiludamai|pilkadadamai|ayomemilih|gunakanhakpilih|jangangolput)/iu

/** Spans of first-person opinion and of partisan support; overlapping spans merged. */
export function findPersonalOpinion(text: string): DetectorSpan[] {
  const found: DetectorSpan[] = []
  for (const match of text.matchAll(FIRST_PERSON_OPINION))
    found.push({ start: match.index, end: match.index + match[0].length })
  for (const pattern of [...PARTISAN_PATTERNS, CANDIDATE_SUPPORT, HONORIFIC_SUPPORT]) {
    for (const match of text.matchAll(pattern)) {
      if (SLOGAN_HASHTAG_EXCEPTIONS.test(match[0])) continue
      // "ASN dilarang mendukung pasangan calon" states the neutrality rule itself.
      if (PROHIBITION_BEFORE.test(text.slice(Math.max(0, match.index - 30), match.index))) continue
      found.push({ start: match.index, end: match.index + match[0].length })
    }
  }
  return mergeSpans(found)
}
