// Personal opinion and partisanship. An official account speaks for the institution, not for the admin (opinion),
// and may not support or oppose parties or candidates (partisan: netralitas ASN, Inpres 9/2015, SE MenPAN-RB
// 137/2018; rules.md §12 C22). Partisan support is found as a specific target — a ballot number, a named pair or
// candidate, a party — with support in the same sentence, in campaign slang or in polite formal words ("memberikan
// dukungan kepada", "menyalurkan suaranya untuk", "pilihan terbaik", "semoga kembali terpilih"). Neutral election
// information ("gunakan hak pilih Anda", "KPU menetapkan nomor urut", "coblos satu pasangan calon pilihan Anda")
// names no specific target with support and is not a finding.
import { mergeSpans, type DetectorSpan } from './detector-span.ts'
import { foldInlineCase } from './fold-inline-case.ts'
import { GROUP } from './sara-groups.ts'

// Patterns are written with inline `(?i:…)` groups for readability and compiled without them (fold-inline-case.ts).
const foldedRegExp = (source: string, flags: string): RegExp => new RegExp(foldInlineCase(source), flags)

export type OpinionKind = 'opinion' | 'partisan'

export interface OpinionSpan extends DetectorSpan {
  kind: OpinionKind
}

const FIRST_PERSON_OPINION =
  /\b(?:menurut\s+(?:saya|aku|gue|gw|sy|pendapat\s+(?:saya|pribadi|aku))|saya\s+pribadi|aku\s+pribadi|secara\s+pribadi\s+saya|pendapat\s+(?:pribadi\s+)?saya|opini\s+(?:pribadi\s+)?saya|menurutku|menurut\s+gw|(?:saya|aku|sy)\s+(?:rasa|kira|pikir|nilai|anggap|yakin|percaya|merasa|berpendapat)\b|kalau\s+(?:saya|aku)\s+sih|menurut\s+hemat\s+(?:saya|kami|admin|aku)|(?:saya|aku|kami)\s+(?:sebagai|selaku)\s+admin(?:\s+\p{L}+)?\s+(?:merasa|berpendapat|menilai|rasa|kira|pikir|yakin|kecewa|setuju)|admin\s+(?:pribadi|merasa|berpendapat)|imho|in\s+my\s+opinion|(?:saya|aku)\s+(?:sangat\s+)?(?:tidak\s+)?(?:setuju|suka|benci|kecewa|muak)\b)/giu

const END = String.raw`(?![\p{L}\p{N}])`
const OFFICE = String.raw`(?:presiden|wakil\s+presiden|gubernur|wakil\s+gubernur|bupati|wakil\s+bupati|wali\s*kota|wakil\s+wali\s*kota|legislatif|kepala\s+desa|anggota\s+(?:dewan|dprd|dpr|dpd)|dprd|dpr|dpd)`
const CANDIDATE_WORD = String.raw`(?:paslon|pasangan(?:\s+calon)?|capres|cawapres|cagub|cawagub|cabup|cawabup|cawalkot|cawawalkot|caleg|calon(?:\s+${OFFICE})?|kandidat|petahana|jagoan)`
const NUMBER = String.raw`(?:(?:nomor|no\.?)\s*(?:urut\s*)?)?0?[1-9](?![\d.,:/]?\d)`
const HONORIFIC = String.raw`(?:(?i:bapak|ibu|pak|bu|mas|mbak|bang|kak)\s+)(?:(?:H|Hj|Dr|Ir|Drs|Prof|K\.?H)\.\s*)*`
const NAME = String.raw`\p{Lu}[\p{Ll}']+`

// What a voter can be asked to pick. The party names are those that sat in the 2024 election, less the ones that
// are also everyday words here (PBB the land tax, Garuda, Gelora the stadium).
const PARTY = String.raw`(?:(?i:partai)\s+(?!(?i:politik|peserta|pemenang|yang|mana|apa|apapun|apa\s+pun|lain|pilihan|favorit)\b)\p{L}+|(?i:pdi\s+perjuangan|pdi-?p|pdip|gerindra|golkar|pkb|nasdem|pks|demokrat|ppp|perindo|psi|hanura|ummat)|PAN|(?i:gambar|lambang|logo)\s+(?i:banteng|beringin|ka'?bah|kepala\s+garuda|matahari|mercy|bintang\s+mercy|bulan\s+sabit))`
const BALLOT = String.raw`(?:(?i:${CANDIDATE_WORD})\s*${NUMBER}|(?i:nomor|no\.?)\s*(?:(?i:urut)\s*)?0?[1-9](?![\d.,:/]?\d)|(?<![\d.,:/])0[1-9](?![\d.,:/]?\d))`
// Candidates of the 2024 national and Jakarta elections by name.
const KNOWN_CANDIDATES = String.raw`(?i:prabowo|gibran|anies|muhaimin|cak\s+imin|ganjar|mahfud|ridwan\s+kamil|pramono|dharma\s+pongrekun|suswono|rano\s+karno|ahmad\s+luthfi|taj\s+yasin|gus\s+yasin|andika\s+perkasa|hendrar\s+prihadi)`
const NAMED_CANDIDATE = String.raw`(?:${KNOWN_CANDIDATES}(?:\s*[–—-]\s*${NAME})?|(?i:${CANDIDATE_WORD})\s+(?:${HONORIFIC})?${NAME}|${HONORIFIC}${NAME}|${NAME}\s*[–—-]\s*${NAME})`
const TARGET = String.raw`(?:${BALLOT}|${PARTY}${END}|${NAMED_CANDIDATE})`

// Support named before the target: campaign words and their polite formal equivalents.
const SUPPORT_BEFORE = String.raw`(?i:(?:ayo\s+|mari\s+|yuk\s+|jangan\s+)?(?:pilih(?:lah)?|coblos(?:lah)?|mencoblos|dukung(?:lah)?|mendukung|dukungan(?:nya|\s+kami|\s+kita)?|pilihan\s+(?:kami|kita)(?:\s+(?:jatuh\s+(?:pada|kepada|ke)|adalah|tetap))?|menangkan(?:lah)?|memenangkan|(?:sukseskan|kawal|raih|menuju|wujudkan|demi)\s+kemenangan|(?:berikan|memberikan|salurkan|menyalurkan|titipkan|menitipkan)\s+(?:suara|aspirasi)(?:nya|\s+anda|\s+kita)?|percayakan|mempercayakan|amanahkan|(?:berikan|beri|memberi|memberikan)\s+kesempatan|lanjutkan|antarkan|jadikan|(?:hadiri|ramaikan|meriahkan|ikuti)\s+kampanye|all\s+in|coblosan|bersama|di\s+tangan|jangan\s+lupa(?!\s+(?:pilih|coblos))|terima\s+kasih(?:\s+kepada)?|(?:men)?sukseskan|menyukseskan|(?:mengawal|kawal)(?:\s+kemenangan)?|(?:meng)?antar(?:kan)?|satukan\s+(?:langkah|suara|barisan)\s+(?:untuk|bersama|di\s+belakang)|(?:titip|titipkan|menitipkan)\s+harapan(?:\s+kami|\s+kita)?\s+(?:kepada|pada)|(?:berikan|memberikan|memberi|beri)\s+suara(?:\s+bulat)?(?:\s+(?:kita|kami|anda))?\s+(?:untuk|kepada|bagi)|suara\s+(?:anda|kita|kami|warga)\s+untuk|harapan\s+(?:warga|kami|kita|rakyat|masyarakat)\s+ada\s+(?:di\s+tangan|pada)|mengajak\s+(?:\p{L}+\s+)?(?:memilih|mendukung|menyukseskan|memenangkan|mencoblos)|siap\s+(?:memenangkan|mendukung|menyukseskan|mengawal)))`
// Support said of the target after it: "adalah pilihan terbaik", "layak dipilih", "dua periode".
const SUPPORT_AFTER = String.raw`(?i:pilihan\s+(?:yang\s+)?(?:paling\s+)?(?:terbaik|tepat|kita|rakyat|cerdas|utama)|(?:sosok|figur|calon|pemimpin)\s+(?:yang\s+)?(?:paling\s+)?(?:terbaik|tepat|ideal|layak)|paling\s+(?:layak|pantas|tepat)\s+(?:dipilih|memimpin)|(?:layak|pantas|wajib|harus)\s+(?:dipilih|memimpin|menang|didukung)|(?:pasti|harus|wajib)\s+menang|terbaik\s+(?:untuk|bagi)|pemimpin\s+(?:terbaik|idaman|yang\s+tepat)|(?:dua|2)\s+periode|jilid\s+(?:dua|2|ii)\b|menang\s+satu\s+putaran|kembali\s+(?:terpilih|memimpin)|terpilih\s+kembali|(?:sudah\s+|telah\s+)?terbukti\s+(?:membangun|bekerja|peduli|amanah|berhasil|memimpin|membawa|menyejahterakan)|membuktikan\s+diri|lanjutkan|saatnya\s+(?:menang|dipercaya|memimpin|dipilih|diberi|kita\s+(?:beri|pilih|dukung|menangkan))|menang\s*,\s*(?:rakyat|warga|kita|\p{L}+)\s+(?:senang|sejahtera|bahagia|menang)|membawa\s+(?:harapan|perubahan|kemajuan|(?:\p{L}+\s+){1,2}lebih\s+(?:baik|maju|sejahtera))|paling\s+(?:peduli|memahami|mengerti|dekat\s+dengan)|konsisten\s+(?:membela|berjuang|peduli|memperjuangkan)|sosok\s+(?:\p{L}+\s+)?(?:terbaik|yang\s+kita\s+butuhkan)|yang\s+kita\s+butuhkan|pilihan\s+hati|layak\s+(?:melanjutkan|memimpin|dipilih|didukung)|pantas\s+(?:kita\s+)?(?:dukung|pilih|didukung|dipilih|memimpin)|(?:beri|diberi|memberi)\s+amanah|adalah\s+kemenangan|jangan\s+(?:salah\s+pilih|ragu|sia-siakan)|untuk\s+perubahan|(?:adalah\s+)?jawaban\s+(?:atas|bagi|untuk)|pilih(?:lah)?\s+dengan\s+hati|terus\s+berjuang|(?:mari|ayo)\s+(?:kita\s+)?(?:dukung|pilih|coblos|menangkan|kawal))`
const IN_SENTENCE = String.raw`[^.!?\n]{0,60}?`

const SUPPORT_THEN_TARGET = foldedRegExp(
  String.raw`(?<![\p{L}])${SUPPORT_BEFORE}${END}(?<between>${IN_SENTENCE})(?<![\p{L}\p{N}])(?<target>${TARGET})`,
  'gu',
)
const TARGET_THEN_SUPPORT = foldedRegExp(
  String.raw`(?<![\p{L}])(?<target>${TARGET})(?<between>${IN_SENTENCE})(?<![\p{L}\p{N}])${SUPPORT_AFTER}${END}`,
  'gu',
)
// "Semoga Bapak … kembali terpilih": a wish for a person's election.
const WISH = foldedRegExp(
  String.raw`(?<![\p{L}])(?i:semoga|mudah-mudahan|moga-moga|kami\s+berharap|harapan\s+kami|doakan|mendoakan(?:\s+agar)?|berdoa(?:\s+agar)?)\s+(?=[^.!?\n]{0,50}?(?i:bapak|ibu|pak|bu|pasangan|paslon|calon|petahana|beliau|jagoan|kandidat))[^.!?\n]{0,60}?(?i:kembali\s+terpilih|terpilih\s+kembali|terpilih\s+(?:menjadi|sebagai)|kembali\s+memimpin|memimpin\s+(?:lagi|kembali)|menangi?\s+(?:pilkada|pemilu|pilpres|pileg)|memenangkan\s+(?:pilkada|pemilu|pilpres|pileg)|(?:dua|2)\s+periode)${END}`,
  'gu',
)
// Opposing candidates for who they are: "jangan pilih lurah keturunan Arab", "jangan pilih pemimpin kafir".
const IDENTITY_OPPOSITION = foldedRegExp(
  String.raw`(?<![\p{L}])(?:jangan|tolak)\s+(?:mau\s+)?(?:(?:pilih|memilih)\s+(?:calon|pemimpin|lurah|kades|kepala\s+desa|${OFFICE}|caleg|wakil\s+rakyat)|dipimpin)\s+(?:[\p{L}-]+\s+){0,2}?${GROUP}(?![\p{L}])`,
  'giu',
)

// "Hanya Demokrat yang konsisten membela rakyat", "hanya paslon 2 yang punya program nyata": praise by exclusion.
const ONLY_TARGET = foldedRegExp(
  String.raw`(?<![\p{L}])(?i:hanya|cuma|cuma\s+ada|hanya\s+ada)\s+(?<target>${TARGET})\s+(?i:yang)\s+(?:\p{L}+\s+)?(?i:punya|memiliki|peduli|konsisten|pantas|layak|bisa|mampu|terbukti|serius|membela|berpihak|amanah|jujur|bersih|benar-benar|sungguh-sungguh)${END}`,
  'gu',
)
// A wish anywhere in a sentence that names a candidate, party or ballot: "Selamat berjuang kepada Ibu X, semoga
// terpilih", "Doa kami menyertai Bapak X agar diberi kemenangan", "Sukses selalu untuk PPP, semoga menang".
const WISH_WORD =
  /(?<![\p{L}])(?:(?:me)?mohon\s+restu|doa\s+restu|semoga|mudah-mudahan|moga-moga|doa\s+kami|kami\s+berdoa|berdoa|mendoakan|doakan|insya\s*allah|insyaallah)(?![\p{L}])/iu
const WIN_WORD =
  /(?<![\p{L}])(?:menang|kemenangan|terpilih|memenangi|memenangkan|sukses\s+meraih|meraih\s+(?:kemenangan|kepercayaan|suara)|memimpin\s+(?:lagi|kembali)|(?:menjadi|jadi)\s+(?:kepala\s+desa|kades|lurah|bupati|wali\s*kota|gubernur|presiden|anggota\s+dewan)\s+(?:kembali|lagi))(?![\p{L}])/iu
const WISH_TARGET = foldedRegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${TARGET}|(?i:paslon|pasangan\s+calon|calon\s+${OFFICE}|caleg|capres|cagub|cabup|cawalkot|petahana))`,
  'u',
)

function findWishes(text: string): DetectorSpan[] {
  const spans: DetectorSpan[] = []
  for (const match of text.matchAll(/[^.!?\n]+/gu)) {
    const sentence = match[0]
    if (!WISH_WORD.test(sentence) || !WIN_WORD.test(sentence)) continue
    const target = WISH_TARGET.exec(sentence)
    if (target === null) continue
    const targetText = target[0]
    // A ballot number must be one; a person named by honorific needs an election in view (the win words are one).
    if (ONLY_BALLOT.test(targetText) && SERVICE_CHOICE.test(sentence)) continue
    if (PROHIBITION_BEFORE.test(sentence.slice(0, target.index))) continue
    spans.push({ start: match.index, end: match.index + sentence.length })
  }
  return spans
}

// Warm support in a sentence that names a party, a pair, a ballot or a candidate: any of these words anywhere in
// it, unless the sentence reports on the election (KPU, debate, inauguration, registration, results, rules).
const WARM_SUPPORT =
  /(?<![\p{L}])(?:dukung\p{L}*|mendukung|pilih(?:lah)?|coblos\p{L}*|menang\p{L}*|memenangkan|kemenangan|kalah|terbaik|hebat|layak|pantas|percaya\p{L}*|amanah|teruskan|lanjutkan|bersatu|restu|butuh\s+pemimpin|jagoan|andalan|idaman|satu-satunya|cukup\s+satu\s+pilihan|jangan\s+ragu|perjuangan(?:mu|nya)|peduli|merakyat|kawal|menangkan|sukseskan)(?![\p{L}])/iu
const ELECTION_REPORT =
  /(?<![\p{L}])(?:kpu|bawaslu|dkpp|debat|dilantik|pelantikan|menetapkan|ditetapkan|penetapan|mengundi|diundi|pengundian|mendaftar\p{L}*|pendaftaran|menerima\s+(?:kunjungan|audiensi)|menyerahkan|laporan|hasil|rekapitulasi|memperoleh|perolehan|dilarang|larangan|netral\p{L}*|sanksi|pelanggaran|survei|hitung\s+cepat|quick\s+count|visi|tata\s+cara|deklarasi|damai|pengamanan|dijaga|lalu\s+lintas|dialihkan|sengketa|gugatan|mahkamah)(?![\p{L}])/iu
// "Ibu Wali Kota", "Pak Camat": an office named with an honorific is its holder at work, not a candidate.
const OFFICE_HOLDER =
  /^\p{L}+\s+(?:wali|wakil|bupati|gubernur|camat|lurah|kepala|kades|presiden|menteri|sekda|ketua|kapolres|kapolsek|dandim|danramil|direktur|rektor|kadis)(?![\p{L}])/iu
const STRONG_SUPPORT =
  /(?<![\p{L}])(?:dukung\p{L}*|mendukung|pilih(?:lah)?|coblos\p{L}*|menang\p{L}*|memenangkan|kemenangan|kalah|terbaik|layak|pantas|percaya\p{L}*|restu|butuh\s+pemimpin|jagoan|satu-satunya|cukup\s+satu\s+pilihan|jangan\s+ragu|teruskan|lanjutkan|perjuangan(?:mu|nya)|menangkan)(?![\p{L}])/iu
const RECEIVED_SUPPORT = /(?<![\p{L}])(?:atas|berkat)\s+(?:\p{L}+\s+)?(?:dukungan|kepercayaan)\p{L}*/giu
const ANY_TARGET = foldedRegExp(String.raw`(?<![\p{L}\p{N}])(?:${TARGET})`, 'gu')

function findWarmSupport(text: string): DetectorSpan[] {
  const spans: DetectorSpan[] = []
  for (const sentenceMatch of text.matchAll(/[^.!?\n]+/gu)) {
    const sentence = sentenceMatch[0]
    if (ELECTION_REPORT.test(sentence)) continue
    for (const target of sentence.matchAll(ANY_TARGET)) {
      const targetText = target[0]
      // Support received ("atas dukungan …", "berkat dukungan …") is thanks, not support given.
      const rest =
        `${sentence.slice(0, target.index)} ${sentence.slice(target.index + targetText.length)}`.replace(
          RECEIVED_SUPPORT,
          ' ',
        )
      if (!WARM_SUPPORT.test(rest)) continue
      if (PROHIBITION_BEFORE.test(sentence.slice(Math.max(0, target.index - 30), target.index))) continue
      const isBallot = ONLY_BALLOT.test(targetText)
      if (isBallot && SERVICE_CHOICE.test(sentence)) continue
      const named =
        isBallot ||
        ONLY_PARTY.test(targetText) ||
        STARTS_WITH_CANDIDATE_WORD.test(targetText) ||
        HAS_KNOWN_CANDIDATE.test(targetText) ||
        NAME_PAIR.test(targetText)
      // An office holder thanked or praised by name is everyday news; only in a text about an election is a person
      // named by honorific a candidate.
      if (
        !named &&
        (!ELECTION_WORDS.test(text) || OFFICE_HOLDER.test(targetText) || !STRONG_SUPPORT.test(rest))
      )
        continue
      spans.push({ start: sentenceMatch.index, end: sentenceMatch.index + sentence.length })
      break
    }
  }
  return spans
}

const SLOGANS: RegExp[] = [
  // Campaign slogans and gestures.
  /\b(?:salam\s+(?:satu|dua|tiga|1|2|3)\s+jari|menang\s+satu\s+putaran|satu\s+putaran\s+saja|(?:2|dua|tiga|3)\s+periode|ganti\s+presiden|#?2019gantipresiden|#?\p{L}*gantipresiden)\b/giu,
  // Campaign hashtags: #Pilih…, #Coblos…, #Menangkan…, #…Menang, #…Presiden…/#…Gubernur… etc.
  /#(?:pilih|coblos|menangkan|dukung|lanjutkan)\p{L}*\d*|#\p{L}+(?:menang|presiden\d*|gubernur|untukindonesia|2024|2029)\b/giu,
]

const PROHIBITION_BEFORE =
  /\b(?:dilarang|larangan|tidak\s+boleh|tak\s+boleh|tidak|tak|bukan|netral(?:\s+dan)?)\s+(?:\p{L}+\s+)?$/iu
const SLOGAN_HASHTAG_EXCEPTIONS =
  /^#(?:pemilu|pilkada|pemilihan|kpu|bawaslu|pemilihdamai|pemiludamai|pilkadadamai|ayomemilih|gunakanhakpilih|jangangolput)/iu
// A person's name or a name pair is only a candidate in a text about an election; an office alone ("Ibu Wali Kota")
// is not one, since official accounts thank and quote the office holder every day.
const ELECTION_WORDS =
  /\b(?:pil(?:kada|pres|leg|gub|bup|walkot|kades)|pemilu|pemilihan|pencoblosan|coblos|tps|kpu|bawaslu|kampanye|paslon|pasangan\s+calon|calon|caleg|capres|cawapres|cagub|cabup|cawalkot|suara(?:nya)?|periode|kandidat|petahana|terpilih|menangkan|memenangkan|kemenangan)\b/iu
// "mendukung program Bapak Bupati": what is supported is the programme, not the person.
const SUPPORTED_THING =
  /\b(?:program|kebijakan|langkah|upaya|kinerja|kegiatan|gerakan|arahan|instruksi|visi|misi|inisiatif|imbauan)\b/iu
// "Pilih nomor 2 pada menu", "pilih nomor 3 untuk Kampung Pelangi" in a contest: a menu, form, queue or contest
// choice, not a ballot.
const SERVICE_CHOICE =
  /\b(?:menu|layanan|opsi|tekan|ketik|balas|antrean|antrian|formulir|soal|kuis|sesi|jadwal|aplikasi|loket|jawaban|survei|polling|kuesioner|angket|tombol|lomba|kontes|kompetisi|voting|vote|favorit|nominasi|nominator|juara|finalis|penghargaan|duta|maskot|desain|logo)\b/iu
// "Terima kasih atas dukungan kepada …", "berkat dukungan Bapak Camat": support received, not given.
const GRATITUDE_BEFORE = /\b(?:atas|berkat|terima\s+kasih(?:\s+atas)?)\s+$/iu
const TOWARDS = /\b(?:kepada|untuk|bagi|pada|terhadap)\b/iu

function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start)
  const from =
    Math.max(
      before.lastIndexOf('.'),
      before.lastIndexOf('!'),
      before.lastIndexOf('?'),
      before.lastIndexOf('\n'),
    ) + 1
  const after = text.slice(end).search(/[.!?\n]/u)
  return text.slice(from, after < 0 ? text.length : end + after)
}

const NAME_PAIR = foldedRegExp(String.raw`^${NAME}\s*[–—-]\s*${NAME}$`, 'u')
const HAS_KNOWN_CANDIDATE = foldedRegExp(String.raw`${KNOWN_CANDIDATES}${END}`, 'u')
const CAMPAIGN_PROMISE =
  /(?<![\p{L}])(?:maju\s+terus|makin\s+\p{L}+|semakin\s+\p{L}+|lebih\s+(?:baik|maju|sejahtera|hebat)|sejahtera|menang|kemenangan|wujudkan|lanjutkan|bangkit|jaya|perubahan|emas)(?![\p{L}])/iu
const ELECTORAL_SUPPORT =
  /(?<![\p{L}])(?:coblos\p{L}*|pilih\p{L}*|menang\p{L}*|memenangkan|kemenangan|percayakan|mempercayakan|amanah\p{L}*|antar\p{L}*|mengantar\p{L}*|kursi|terpilih|periode|memimpin|terbaik|lebih\s+baik|suara)(?![\p{L}])/iu
const ONLY_BALLOT = foldedRegExp(String.raw`^(?:${BALLOT})$`, 'u')
const ONLY_PARTY = foldedRegExp(String.raw`^(?:${PARTY})$`, 'u')
const STARTS_WITH_CANDIDATE_WORD = foldedRegExp(
  String.raw`^(?:(?i:${CANDIDATE_WORD})|${KNOWN_CANDIDATES}${END})`,
  'u',
)

function isPartisan(text: string, match: RegExpMatchArray & { index: number }): boolean {
  const phrase = match[0]
  if (SLOGAN_HASHTAG_EXCEPTIONS.test(phrase)) return false
  // "ASN dilarang mendukung pasangan calon" states the neutrality rule itself.
  if (PROHIBITION_BEFORE.test(text.slice(Math.max(0, match.index - 30), match.index))) return false
  const target = match.groups?.['target']
  if (target === undefined) return true
  if (/^dukungan/iu.test(phrase)) {
    if (GRATITUDE_BEFORE.test(text.slice(Math.max(0, match.index - 25), match.index))) return false
    if (!TOWARDS.test(match.groups?.['between'] ?? '')) return false
  }
  const sentence = sentenceAround(text, match.index, match.index + phrase.length)
  // Thanks go to office holders every day; thanking a party by name is taking its side.
  if (/^terima\s+kasih/iu.test(phrase)) return ONLY_PARTY.test(target)
  // "Bersama Bapak X, warga menanam pohon" reports; "Bersama X, Jawa Tengah makin sejahtera" campaigns.
  if (/^(?:bersama|di\s+tangan)/iu.test(phrase) && !CAMPAIGN_PROMISE.test(sentence)) return false
  // "Paslon 1" is never a menu or a contest entry, whatever else the sentence says ("jawaban atas …").
  if (/^(?:paslon|capres|cawapres|cagub|cawagub|cabup|cawabup|cawalkot|cawawalkot|caleg)/iu.test(target))
    return true
  if (ONLY_BALLOT.test(target)) return !SERVICE_CHOICE.test(sentence)
  if (ONLY_PARTY.test(target) || STARTS_WITH_CANDIDATE_WORD.test(target) || HAS_KNOWN_CANDIDATE.test(target))
    return true
  if (SUPPORTED_THING.test(match.groups?.['between'] ?? '')) return false
  // A person named by honorific or as a name pair: a candidate in a text about an election, or when the words of
  // support are themselves electoral ("percayakan … kepada", "antar … ke kursi bupati", "sosok terbaik untuk …").
  return (
    ELECTION_WORDS.test(text) || ELECTORAL_SUPPORT.test(phrase) || /^(?:bersama|di\s+tangan)/iu.test(phrase)
  )
}

/** Spans of first-person opinion (`opinion`) and of support for or against parties and candidates (`partisan`). */
export function findPersonalOpinion(text: string): OpinionSpan[] {
  const opinion: DetectorSpan[] = []
  for (const match of text.matchAll(FIRST_PERSON_OPINION))
    opinion.push({ start: match.index, end: match.index + match[0].length })
  const partisan: DetectorSpan[] = []
  for (const pattern of [
    SUPPORT_THEN_TARGET,
    TARGET_THEN_SUPPORT,
    ONLY_TARGET,
    WISH,
    IDENTITY_OPPOSITION,
    ...SLOGANS,
  ]) {
    for (const match of text.matchAll(pattern)) {
      if (!isPartisan(text, match)) continue
      partisan.push({ start: match.index, end: match.index + match[0].length })
    }
  }
  // The sentence-wide rules only add what the narrower patterns did not already point at.
  const narrow = [...partisan]
  for (const span of [...findWishes(text), ...findWarmSupport(text)]) {
    if (!narrow.some((other) => other.start < span.end && span.start < other.end)) partisan.push(span)
  }
  const spans: OpinionSpan[] = [
    ...mergeSpans(opinion).map((span) => ({ ...span, kind: 'opinion' as const })),
    ...mergeSpans(partisan).map((span) => ({ ...span, kind: 'partisan' as const })),
  ]
  return spans.sort((a, b) => a.start - b.start)
}
