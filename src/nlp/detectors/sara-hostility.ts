// SARA hostility without slurs (issue #10): a protected group (sara-groups.ts) with a negative generalisation
// ("orang X memang malas", "semua pedagang asal Y suka menipu"), blame ("gara-gara orang X", "akibat ulah warga
// pendatang"), or a call to exclude ("jangan terima penyewa dari suku X", "usir …", "penganut X tidak boleh tinggal
// di sini"). A respectful mention ("umat Hindu merayakan Nyepi", "festival budaya Batak") has none of these and is
// not reported. Administrative conditions ("pendatang tanpa surat pindah", "yang belum melapor") are not exclusion
// of a group.
import { mergeSpans, type DetectorSpan } from './detector-span.ts'
import { findHostileClauses } from './sara-hostile-clause.ts'
import { GROUP, PLACES_OF_WORSHIP } from './sara-groups.ts'

// What a stereotype says about a whole group: character, habits, and "the cause of trouble".
const TRAITS = [
  'menipu',
  'penipu',
  'tukang\\s+(?:tipu|palak|ribut|onar|mabuk|bohong)',
  'curang',
  'culas',
  'licik',
  'serakah',
  'rakus',
  'tamak',
  'pelit',
  'kikir',
  'malas',
  'pemalas',
  'bodoh',
  'dungu',
  'terbelakang',
  'primitif',
  'kampungan',
  'udik',
  'kasar',
  'keras(?:\\s+kepala)?',
  'kurang\\s+ajar',
  'biadab',
  'barbar',
  'jorok',
  'kotor',
  'jahat',
  'kejam',
  'beringas',
  'brutal',
  'anarkis',
  'perusuh',
  'pembuat\\s+(?:onar|masalah|rusuh|keributan)',
  'biang(?:\\s+(?:kerok|masalah|onar|rusuh|keributan|kerusuhan))?(?:nya)?',
  'sumber\\s+(?:masalah|keributan|kerusuhan|penyakit)',
  'pembawa\\s+(?:masalah|sial|penyakit|petaka)',
  '(?:bikin|membuat|cari|mencari)\\s+(?:masalah|onar|rusuh|ribut|susah|gara-gara|keributan)',
  'suka\\s+(?:ribut|berkelahi|mabuk|mencuri|menipu|berbohong|bohong|memeras|memalak|merusak|membuat\\s+onar|bikin\\s+onar|cari\\s+gara-gara|mencari\\s+gara-gara)',
  '(?:tidak|tak|nggak|gak|ga)\\s+(?:bisa|dapat)\\s+dipercaya',
  '(?:tidak|tak|nggak|gak)\\s+(?:jujur|beradab|bermoral|tahu\\s+diri|tahu\\s+malu|tahu\\s+aturan|tahu\\s+terima\\s+kasih)',
  '(?:tidak|tak|nggak|gak)\\s+mau\\s+(?:berbaur|bekerja|diatur)',
  '(?:tidak|tak|nggak|gak)\\s+(?:peduli|pedulian|mau\\s+peduli)',
  'cuek',
  'egois',
  'sombong',
  '(?:tidak|tak)\\s+(?:pantas|layak|berhak)\\s+(?:mendapat|mendapatkan|menerima|diberi|hidup|tinggal|ada|dihormati)',
  '(?:tidak|tak|susah|sulit)\\s+(?:bisa\\s+)?diatur',
  'pencuri',
  'maling',
  'perampok',
  'penjahat',
  'kriminal',
  'teroris',
  'ekstremis',
  'intoleran',
  'sesat',
  'menyesatkan',
  'pengkhianat',
  'penjajah',
  'parasit',
  'benalu',
  'lintah\\s+darat',
  'mata\\s+duitan',
  'menguasai\\s+(?:ekonomi|semua|pasar|toko|tanah|lahan|proyek)',
  'memonopoli',
  'mengincar\\s+\\p{L}+',
  'memurtadkan',
  'menjajah',
  'menghancurkan\\s+\\p{L}+',
  'merusak\\s+\\p{L}+',
  'menyusahkan',
  'merepotkan',
  'perusak',
  'berbahaya',
  'korup',
  'pemabuk',
  'pembohong',
  'munafik',
  'najis',
  'hina',
  'rendahan',
  'sampah',
  'hama',
  'binatang',
  'hewan',
  'laknat',
  'terkutuk',
  'cuma\\s+bisa\\s+(?:minta|mengeluh|merusak|bikin\\s+\\p{L}+|jual\\s+\\p{L}+|menjual\\s+\\p{L}+)',
]

// Words between the group and what is said of it that keep it a statement about the whole group.
const FILLERS = [
  'itu',
  'ini',
  'memang',
  'emang',
  'pasti',
  'sudah\\s+pasti',
  'selalu',
  'semua',
  'semuanya',
  'rata-rata',
  'kebanyakan',
  'umumnya',
  'pada\\s+umumnya',
  'biasanya',
  'cenderung',
  'terkenal',
  'dikenal',
  'identik\\s+dengan',
  'adalah',
  'merupakan',
  'tuh',
  'mah',
  'sih',
  'kan',
  'ya',
  'cuma',
  'hanya',
  'dari\\s+dulu',
  'sejak\\s+dulu',
  'sudah',
  'sering',
  'seringkali',
  'gemar',
  'hobi',
  'doyan',
  'sangat',
  'terlalu',
  'paling',
  'juga',
  'lah',
  'nih',
  'kok',
  'dasarnya',
  'sifatnya',
  'wataknya',
  'kelakuannya',
  'mereka',
  'yang',
  '(?:kalau|kalo|jika|bila|soal|urusan)\\s+\\p{L}+',
  'sedang',
  'diam-diam',
  'akan',
  'ingin',
  'mau',
  'berniat',
]

const LOCATIVE = String.raw`(?:[\s,]+(?:yang\s+(?:ada|tinggal|berjualan|bekerja)\s+)?di\s+(?:sini|sana|(?:\p{L}+\s+){0,2}?(?:ini|itu|sini|kita|tersebut|kami|sebelah)))?`
const STOP = String.raw`(?![\p{L}\p{N}])`
const START = String.raw`(?<![\p{L}\p{N}])`
const alternation = (words: readonly string[]): string => words.join('|')

const GENERALISATION = new RegExp(
  String.raw`${START}${GROUP}${STOP}${LOCATIVE}(?:[\s,]+(?:${alternation(FILLERS)}))*[\s,]+(?:${alternation(TRAITS)})${STOP}`,
  'giu',
)

// "Biang keroknya ya orang X", "dalangnya pasti kaum Y": the blame comes first.
const BLAME_FIRST = new RegExp(
  String.raw`${START}(?:biang\s+(?:kerok|masalah|onar|rusuh|keributan)|dalang|sumber\s+masalah)(?:nya)?(?:[\s,]+(?:itu|ya|pasti|memang|adalah|tuh|sih|tentu|jelas|semua))*[\s,]+${GROUP}${STOP}`,
  'giu',
)

// "Pasti pelakunya orang dari luar pulau", "pencurinya selalu warga X": a culprit presumed by origin or faith.
const PRESUMED_CULPRIT = new RegExp(
  String.raw`${START}(?:(?:pasti|selalu|biasanya|pokoknya)\s+(?:pelaku|penipu|pencuri|maling|perusuh|provokator)(?:nya)?|(?:pelaku|penipu|pencuri|maling|perusuh|provokator)(?:nya)?\s+(?:pasti|selalu|biasanya|pokoknya))(?:[\s,]+(?:ya|adalah|itu|tuh|lah))*[\s,]+${GROUP}${STOP}`,
  'giu',
)
// "gara-gara orang X", "akibat ulah warga pendatang asal Y", "gara-gara anak muda suku Z".
const BLAME = new RegExp(
  String.raw`${START}(?:gara-gara|gegara|(?:karena|akibat|oleh)\s+ulah|ulah|salahnya|(?:ini\s+)?salah)\s+(?:[\p{L}-]+\s+){0,2}?${GROUP}${STOP}`,
  'giu',
)
// "Yang bikin kampung ini rawan maling ya para perantau dari X": the trouble, then the group as its cause.
const TROUBLE_THEN_GROUP = new RegExp(
  String.raw`${START}yang\s+(?:bikin|membuat|menyebabkan|merusak|mengotori|mengacaukan)\s+[^.!?\n]{0,50}?\s(?:ya|adalah|pasti|tentu|jelas|tuh|itu)\s+${GROUP}${STOP}`,
  'giu',
)

// "jangan terima penyewa kos dari suku X", "usir …", "tolak pendirian gereja", "boikot toko orang X".
const EXCLUDE_VERB = String.raw`(?:usir(?:lah)?|tolak(?:lah)?|larang(?:lah)?|singkirkan|enyahkan|pulangkan|bubarkan|boikot|jangan\s+(?:mau\s+)?(?:terima|diterima|beri|diberi|kasih|sewakan|jual|layani|pilih|angkat|rekrut|pekerjakan|libatkan|izinkan|biarkan|percaya|percayai|berteman|belanja|berbelanja|beli|dipimpin)|tidak\s+(?:usah\s+)?(?:menerima|melayani))`
const EXCLUSION = new RegExp(
  String.raw`${START}${EXCLUDE_VERB}(?:\s+(?:saja|semua|para))*(?:[\s,]+[\p{L}-]+){0,4}?[\s,]+(?:${GROUP}|${PLACES_OF_WORSHIP})${STOP}`,
  'giu',
)
// "Tolak diskriminasi terhadap warga Tionghoa", "jangan percaya hoaks tentang umat X": what is refused is the
// hostility or the rumour, not the group.
const REFUSES_HOSTILITY =
  /\b(?:diskriminasi|kebencian|intoleransi|intoleran|ujaran|perundungan|kekerasan|persekusi|rasisme|rasis|stigma|hoaks|hoax|isu|kabar|berita|provokasi|fitnah|politik\s+identitas)\b/iu

// "Penganut X tidak boleh tinggal di desa ini", "pendatang harus pergi", "orang kafir haram jadi pemimpin".
const BARRED_ACTION = String.raw`(?:tinggal|menetap|masuk|berjualan|berdagang|bekerja|beribadah|memimpin|dipilih|diterima|dilayani|mendirikan|membangun|ada\s+di|(?:jadi|menjadi)\s+(?:pemimpin|pejabat|lurah|kepala|bupati|gubernur|wali\s*kota|presiden|guru|pegawai|pns|asn|anggota|ketua))`
const GROUP_BARRED = new RegExp(
  String.raw`${START}${GROUP}${STOP}${LOCATIVE}(?:[\s,]+(?:itu|ini|mereka|semua|semuanya|sebaiknya|lebih\s+baik))*[\s,]+(?:(?:tidak|tak|nggak|gak)\s+(?:diterima|dilayani|diizinkan|diperbolehkan|boleh\s+masuk)|(?:(?:tidak|tak|nggak|gak)\s+(?:boleh|usah|pantas|layak|berhak)|(?:jangan|haram|dilarang)(?:\s+(?:boleh|pantas|layak))?)\s+${BARRED_ACTION}|(?:harus|wajib|sebaiknya|mending|lebih\s+baik)\s+(?:pergi|keluar|pulang|pindah|diusir|dibubarkan|angkat\s+kaki|minggat)|(?:usir|bubarkan|enyahkan)(?:\s+saja)?)${STOP}`,
  'giu',
)

// An administrative condition after the group turns a call to exclude into a rule about paperwork.
const ADMINISTRATIVE_CONDITION =
  /^[\s,]*(?:tanpa|yang\s+(?:belum|tidak|tak)\s+(?:memiliki|punya|membawa|melapor|lapor|terdaftar|mendaftar|berizin)|sebelum\s+(?:melapor|lapor|terdaftar|mendaftar))/iu

/** Spans of a negative generalisation about, blame on, or call to exclude a protected group. */
export function findSaraHostility(text: string): DetectorSpan[] {
  const spans: DetectorSpan[] = []
  for (const pattern of [
    GENERALISATION,
    BLAME_FIRST,
    PRESUMED_CULPRIT,
    BLAME,
    TROUBLE_THEN_GROUP,
    EXCLUSION,
    GROUP_BARRED,
  ]) {
    for (const match of text.matchAll(pattern)) {
      const end = match.index + match[0].length
      if (
        (pattern === EXCLUSION || pattern === GROUP_BARRED) &&
        ADMINISTRATIVE_CONDITION.test(text.slice(end))
      )
        continue
      if (pattern === EXCLUSION && REFUSES_HOSTILITY.test(match[0])) continue
      // "Umat X tidak dilayani?" asks (usually to deny it), it does not call for it.
      if ((pattern === EXCLUSION || pattern === GROUP_BARRED) && /^\s*\?/u.test(text.slice(end))) continue
      spans.push({ start: match.index, end })
    }
  }
  spans.push(...findHostileClauses(text))
  return mergeSpans(spans)
}
