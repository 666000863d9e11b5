// SARA hostility by structure (issue #10 item 2, round two): a protected group (sara-groups.ts) and, in the same
// clause, a hostile predicate from broad classes — negative traits, crime, dirt, laziness, cheating, danger, disease,
// contempt, "seperti binatang" — or, in the same sentence, a call to avoid, watch or expel "them", blame laid on the
// group's arrival, or suspicion and exclusion named just before it ("waspadai …", "tidak ada tempat bagi …", "bukan
// untuk …"). The phrase patterns of sara-hostility.ts need a group and a trait side by side; these rules accept
// the words people put between them. A sentence that refuses the hostility (diskriminasi, hoaks, stigma, "membantah")
// or speaks of one person ("dua warga asal …", "oknum", "yang …") is about individuals or against hate, not hate.
import type { DetectorSpan } from './detector-span.ts'
import { GROUP } from './sara-groups.ts'

const START = String.raw`(?<![\p{L}\p{N}-])`
const STOP = String.raw`(?![\p{L}\p{N}])`
const alternation = (words: readonly string[]): string => words.join('|')

// What a group is barred from when the barring is exclusion: living, working, leading, owning, worship, being served.
const BARRED = String.raw`(?:tinggal|menetap|masuk|berjualan|berdagang|bekerja|mengajar|memimpin|menjabat|(?:men)?jadi|duduk|sekolah|bersekolah|melamar|mangkal|menikah|bergaul|beribadah|mendirikan|membangun|mengadakan|menggelar|memiliki|membeli|menyewa|mengontrak|ikut|dipilih|diangkat|dijadikan|diterima|dilayani|diberi|dikasih|diundang|ditampung|dibantu|dilibatkan|diajak|mendapat|mendapatkan|menerima)(?![\p{L}])`

// What is said of a whole group inside one clause: character, habits, crime, dirt, danger, disease, contempt, and
// barring ("jangan mengajar", "tidak perlu diberi", "sebaiknya tidak ditampung").
const CLAUSE_PREDICATES = [
  '(?:pe)?malas',
  'enggan\\s+(?:bekerja|berbaur|membayar|menyumbang|bergaul)',
  'jorok',
  'kotor',
  'kumuh',
  'berisik',
  'kasar',
  'pemarah',
  'pendendam',
  'licik',
  'licin',
  'curang',
  'culas',
  'serakah',
  'rakus',
  'tamak',
  'pelit',
  'kikir',
  'boros',
  '(?:terlalu\\s+)?perhitungan',
  'materialistis',
  'munafik',
  'penjilat',
  'sombong',
  'angkuh',
  'arogan',
  'egois',
  'kolot',
  'fanatik',
  'radikal',
  'lamban(?:\\s+berpikir)?',
  'bodoh',
  'dungu',
  'bebal',
  'terbelakang',
  'tertinggal',
  'primitif',
  'kampungan',
  'biadab',
  'barbar',
  'beringas',
  'brutal',
  'kejam',
  'jahat',
  'sadis',
  'liar',
  'buas',
  'menakutkan',
  'berbahaya',
  'mengerikan',
  'ancaman',
  'meresahkan',
  'mengganggu',
  'merepotkan',
  'menyusahkan',
  'merugikan',
  'mengotori',
  'menjijikkan',
  'mabuk(?:-mabukan)?',
  'pemabuk',
  'penjudi',
  'pencuri',
  'maling',
  'preman',
  'begal',
  'copet',
  'penjambret',
  'penyelundup',
  'perusuh',
  'penyembah\\s+berhala',
  'kafir',
  'syirik',
  'klenik',
  'menyesatkan',
  'berkelahi',
  'membawa\\s+(?:parang|senjata|badik|golok|celurit|clurit)',
  'membuat\\s+(?:warga\\s+|kami\\s+|kita\\s+|orang\\s+)?(?:tidak\\s+nyaman|resah|takut|gelisah|risih)',
  'mengadu\\s+domba',
  '(?:hanya\\s+)?menambah\\s+(?:angka\\s+)?(?:pengangguran|kemiskinan|kriminalitas|beban|masalah|kemacetan|kekumuhan|kejahatan)',
  'perampok',
  'penjahat',
  'kriminal',
  'penipu',
  'pembohong',
  'pengkhianat',
  'musuh',
  'musyrik',
  'sesat',
  'najis',
  'laknat',
  'terkutuk',
  'rendahan',
  'mencuri',
  'menipu',
  'memeras',
  'memalak',
  'mengemis',
  'merampok',
  'menjarah',
  'menyerobot',
  'merampas',
  'mencekik',
  'menimbun',
  'mengisap',
  'menghisap',
  'menjajah',
  'meremehkan',
  'merendahkan',
  'menghamburkan',
  'memaksakan\\s+kehendak',
  'tukang\\s+(?:serobot|tipu|palak|ribut|onar|mabuk|judi|bohong|utang|klaim|minta|peras)',
  'suka\\s+(?:main|pesta|ribut|berkelahi|mengancam|memeras|membuat|berutang|mencuri|menipu)',
  'kerja(?:nya|annya)?\\s+(?:hanya|cuma)',
  'hanya\\s+(?:memikirkan|mementingkan|untuk\\s+mengemis|bisa\\s+(?:merusak|mengeluh|meminta|menuntut))',
  'hanya\\s+(?:membawa|menyebarkan|menimbulkan)',
  '(?:membawa|menyebarkan|menularkan|menimbulkan|sumber|sarang)\\s+(?:penyakit|masalah|kriminalitas|kejahatan|perpecahan|kekacauan|keributan|narkoba|sial|wabah|maling|penjahat)',
  '(?:penyebab|biang|dalang|pembuat|provokator|otak)\\s+\\p{L}+',
  'merasa\\s+(?:paling|lebih)\\s+\\p{L}+',
  'menguasai\\s+(?:semua\\s+)?(?:tanah|lahan|ekonomi|pasar|perdagangan|jabatan|proyek|toko|kios)',
  'merebut\\s+(?:pekerjaan|lahan|tanah|jatah|rezeki|hak)',
  'diam-diam\\s+(?:menyebarkan|mengajak|memurtadkan|menguasai|membeli|merencanakan|menyusup)',
  'menyebarkan\\s+agama',
  'seperti\\s+(?:binatang|hewan|lintah|belut|tikus|babi|anjing|monyet|parasit|benalu|kecoak|hama|sampah|setan|iblis)',
  'masih\\s+(?:hidup\\s+di\\s+hutan|primitif|terbelakang)',
  'belum\\s+siap\\s+(?:hidup|maju|bersaing|memimpin|dipimpin|modern)',
  'susah\\s+diajak',
  'sulit\\s+diajak',
  'terlibat\\s+(?:pencurian|kriminal|narkoba|kejahatan|perampokan|begal|tawuran)',
  '(?:tidak|tak)\\s+(?:beradab|bermoral|berpendidikan|setia|jujur|nasionalis)',
  '(?:tidak|tak)\\s+(?:punya|memiliki)\\s+(?:sopan\\s+santun|malu|aturan|adat|etika|rasa\\s+\\p{L}+)',
  '(?:tidak|tak)\\s+tahu\\s+(?:diri|malu|aturan|berterima\\s+kasih|terima\\s+kasih)',
  '(?:tidak|tak)\\s+(?:pernah\\s+)?peduli',
  '(?:tidak|tak)\\s+(?:bisa|dapat)\\s+(?:dipercaya|diatur|diajak)',
  '(?:tidak|tak)\\s+(?:cocok|pantas|layak|berhak)',
  `(?:(?:tidak|tak)\\s+(?:perlu|usah)|jangan(?:\\s+sampai)?|dilarang|(?:tidak|tak)\\s+boleh|haram)\\s+${BARRED}`,
  'sebaiknya\\s+(?:tidak|jangan|pergi|pulang|kembali|diusir|dipulangkan)',
  'lebih\\s+baik\\s+(?:kembali|pulang|pergi|tidak)',
  'harus\\s+(?:diusir|dipulangkan|pergi|keluar|angkat\\s+kaki|dibatasi|diawasi|dijauhi|diwaspadai)',
  'silakan\\s+(?:cari|pergi|pulang|angkat)',
  'cukup\\s+(?:jadi|menjadi)\\s+(?:penonton|tamu|pembantu|buruh)',
]

// Said in a later clause of the same sentence, about "them" or as an order: avoid, watch, expel.
const SENTENCE_PREDICATES = [
  '(?:jauhi|hindari|boikot|usir|pulangkan|batasi|awasi|waspadai)(?:lah)?(?:\\s+saja)?(?:\\s+(?:\\p{L}+\\s+)?mereka)?(?=\\s*(?:[.,!?;]|$|(?:dari|sebelum|segera)(?![\\p{L}])))',
  '(?:jangan|haram|dilarang|(?:tidak|tak)\\s+boleh)\\s+(?:mau\\s+)?(?:\\p{L}+\\s+){1,2}?(?:dengan\\s+|kepada\\s+)?mereka',
  '(?:hati-hati|waspada(?:lah)?|awas)[^.!?;]{0,40}?(?<![\\p{L}])mereka',
  'jaga\\s+(?:dompet|barang|tas|anak|rumah|harta)',
  '(?:harus|perlu)\\s+(?:selalu\\s+)?(?:waspada|berhati-hati)(?=\\s*(?:[.!?]|$))',
  'pantas\\s+(?:saja|dijauhi|diusir|dibenci|miskin|tertinggal)',
  '(?:tidak|tak)\\s+(?:pantas|layak)\\s+(?:dihormati|dihargai|diterima|dilayani|tinggal|hidup|dipercaya|dibantu)',
  'mereka\\s+(?:\\p{L}+\\s+)?(?:' + CLAUSE_PREDICATES.slice(0, 40).join('|') + ')',
  '(?:sama-sama|semuanya)\\s+(?:' + CLAUSE_PREDICATES.join('|') + ')',
]

// Named just before the group: suspicion, exclusion, blame on its arrival, and a culprit named after the crime.
const BEFORE_GROUP = [
  '(?:waspadai|awasi|waspadalah\\s+(?:terhadap|dengan)|hati-hati(?:lah)?\\s+(?:\\p{L}+\\s+){0,2}?(?:dengan|terhadap))',
  '(?:tidak\\s+ada\\s+tempat|bukan\\s+(?:tempat\\s+)?untuk|tolak\\s+kedatangan|(?:kami|kita)\\s+tidak\\s+(?:butuh|perlu|sudi|mau\\s+menerima))(?:\\s+(?:bagi|untuk|kepada))?',
  '(?:jangan|tidak\\s+usah|tidak\\s+perlu)\\s+(?:diberikan|dikasih|diberi|disalurkan)(?:\\s+\\p{L}+)?\\s+(?:kepada|untuk|bagi)',
  '(?:jangan|tidak\\s+usah)\\s+(?:kasih|beri|berikan|sewakan|kontrakkan|jual)\\s+(?:\\p{L}+\\s+)?(?:kepada|untuk|ke)',
  '(?:berawal\\s+dari|sejak|akibat|karena)\\s+(?:kedatangan|masuknya|banyaknya|adanya)',
  'lebih\\s+baik[^.!?;\\n]{0,40}?daripada(?:\\s+di\\p{L}+)?',
  `menolak(?:\\s+(?:kehadiran|keberadaan|kedatangan))?(?=\\s+[^.!?;\\n]{0,40}?(?:\\s${BARRED}|\\s*[.!?;]|$))`,
]
const BLAME_AFTER_CRIME = String.raw`(?:dalang|biang\s+\p{L}+|penyebab|pelaku|provokator|otak)(?:nya)?\s+[^.!?;,]{0,40}?\s(?:ya|adalah|pasti|tentu|jelas|tidak\s+lain)\s+`

const CLAUSE_RULE = new RegExp(
  String.raw`${START}(?<group>${GROUP})${STOP}(?<between>[^.!?;:,\n]{0,70}?)${START}(?:${alternation(CLAUSE_PREDICATES)})${STOP}`,
  'giu',
)
const SENTENCE_RULE = new RegExp(
  String.raw`${START}(?<group>${GROUP})${STOP}[^.!?;\n]{0,120}?,[^.!?;\n]{0,60}?${START}(?:${alternation(SENTENCE_PREDICATES)})`,
  'giu',
)
const BEFORE_RULE = new RegExp(
  String.raw`${START}(?:${alternation(BEFORE_GROUP)})\s+(?:(?:banyak|para|semua|orang-orang)\s+)?(?<group>${GROUP})${STOP}`,
  'giu',
)
const BLAME_RULE = new RegExp(String.raw`${START}${BLAME_AFTER_CRIME}(?<group>${GROUP})${STOP}`, 'giu')
// "Sejak banyak perantau X datang, …": the arrival named as the start of the trouble.
const ARRIVAL_RULE = new RegExp(
  String.raw`${START}(?:sejak|setelah|semenjak)\s+(?:banyak\s+|ada\s+)?(?<group>${GROUP})\s+(?:datang|masuk|tinggal|pindah|berdatangan)${STOP}`,
  'giu',
)
const TROUBLE =
  /(?<![\p{L}])(?:masalah|pencurian|curi|kriminal\p{L}*|kejahatan|rawan|kumuh|kotor|macet|ribut|rusuh|resah|meningkat|miskin|tidak\s+aman|sampah|penyakit|tawuran|maling)(?![\p{L}])/iu

// A sentence that refuses the hostility or reports on victims is not hostile.
export const REFUSAL =
  /(?<![\p{L}])(?:diskriminasi\p{L}*|kebencian|ujaran|hoaks|hoax|kabar\s+bohong|isu|stigma\p{L}*|menyudutkan|provokasi|fitnah|intoleran\p{L}*|rasis\p{L}*|membantah|bantah|tidak\s+benar|terpancing|menilai|mengaitkan|tanpa\s+membedakan|hak\s+yang\s+sama|setara|korban|menyasar|menyayangkan|perundungan|persekusi|menolak\s+segala)(?![\p{L}])/iu
// A report on people arrested or questioned is about individuals.
const REPORTING =
  /(?<![\p{L}])(?:diamankan|ditangkap|ditahan|tersangka|diperiksa|dimintai\s+keterangan|menurut\s+polisi|kata\s+polisi)(?![\p{L}])/iu
const CONDITION =
  /^[^.!?;\n]*?(?<![\p{L}])(?:tanpa|sebelum|kecuali|saat|ketika|selama|yang\s+belum|apabila|jika\s+belum)(?![\p{L}])/iu
// One person or a counted few, not the group: "dua warga asal …", "oknum …", "seorang …".
const INDIVIDUALS_BEFORE =
  /(?<![\p{L}])(?:\d+|seorang|sebuah|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|beberapa|oknum|salah\s+satu|tersangka|pelaku)\s+$/iu

function sentenceOf(text: string, index: number): { start: number; end: number } {
  const before = text.slice(0, index)
  let start = 0
  for (const match of before.matchAll(/[.!?;\n]/gu)) start = match.index + 1
  const after = text.slice(index).search(/[.!?;\n]/u)
  return { start, end: after < 0 ? text.length : index + after }
}

/** Spans where a protected group is named with a hostile predicate, a call to avoid or expel it, or blame. */
export function findHostileClauses(text: string): DetectorSpan[] {
  const spans: DetectorSpan[] = []
  for (const rule of [CLAUSE_RULE, SENTENCE_RULE, BEFORE_RULE, BLAME_RULE, ARRIVAL_RULE]) {
    for (const match of text.matchAll(rule)) {
      const groupText = match.groups?.['group'] ?? ''
      const groupStart = match.index + match[0].indexOf(groupText)
      const sentence = sentenceOf(text, match.index)
      const sentenceText = text.slice(sentence.start, sentence.end)
      if (REFUSAL.test(sentenceText) || REPORTING.test(sentenceText)) continue
      // "… tidak boleh masuk tanpa izin", "… dilarang berjualan saat car free day": a rule with a condition.
      if (CONDITION.test(text.slice(match.index + match[0].length, sentence.end))) continue
      if (INDIVIDUALS_BEFORE.test(text.slice(sentence.start, groupStart))) continue
      // "nelayan asal Madura yang hilang": a relative clause picks out some people, it does not judge the group.
      if (rule === CLAUSE_RULE && /^\s*(?:yang|\S+\s+yang)\s/iu.test(match.groups?.['between'] ?? ''))
        continue
      if (rule === ARRIVAL_RULE && !TROUBLE.test(sentenceText)) continue
      if (
        rule === BEFORE_RULE &&
        /^(?:berawal|sejak|akibat|karena)/iu.test(match[0]) &&
        !TROUBLE.test(sentenceText)
      )
        continue
      spans.push({ start: match.index, end: match.index + match[0].length })
    }
  }
  return spans
}
