// How a text stands to whatever claim it mentions: passing it on (hearsay, a forwarded message), asking about it,
// denying it, informing about the genuine service as its office, or telling what the scam cost the writer. The
// verifier reads these beside the claim's coverage: a text that names the claim and denies it is not a match, a
// hearsay question that half-restates it usually is.

export interface StanceCues {
  /** "katanya", "jare", "ceunah", "denger-denger", "viral", "beredar". */
  hearsay: boolean
  /** "sebarkan", "copas", "dari grup", "pesan berantai", "forward", "share". */
  forward: boolean
  /** A question mark or a question word that asks whether it is true. */
  question: boolean
  /** "hoaks", "tidak benar", "jangan percaya", "membantah", "faktanya". */
  denial: boolean
  /** An office speaking: "resmi", "kami informasikan", "melalui kanal resmi", "pendaftaran hanya melalui". */
  official: boolean
  /** The writer's own loss or act: "saya sudah transfer", "udah bayar", "kena tipu", "ibu saya ditolak". */
  firstPerson: boolean
  /** "tetap berlaku", "masih dilayani": the service goes on, the opposite of most hoaxes. */
  continuity: boolean
  /**
   * The true state of things reported as checked: "hasil uji lab", "tidak ditemukan", "memastikan", "cuma lewat
   * situs resmi", "aman dikonsumsi". A true statement about the real service, not the rumour.
   */
  factual: boolean
  /**
   * A reaction that takes the claim as given: fear or haste ("takut", "panik", "siap-siap", "buru-buru"), a cause
   * ("gara-gara", "soalnya", "makanya", "pantesan"), a writer's act ("udah borong", "sudah saya daftarkan").
   */
  reaction: boolean
  /** A practical question about the real service: when, where, how, what it needs ("kapan dibuka?", "syaratnya?"). */
  logistics: boolean
}

const HEARSAY =
  /\b(?:katanya|kabarnya|konon|denger[- ]?denger|dengar[- ]?dengar|denger2|katane|jare|jarene|jarku|cenah|ceunah|beredar|viral|rame|ramai|heboh|apa\s+(?:benar|bener|iya)|benarkah|beneran|masa\s+sih|emang\s+(?:iya|bener|benar)|kata\s+(?:orang|tetangga|temen|teman)|infonya|rumor|they\s+say|is\s+it\s+true)\b/iu
const FORWARD =
  /\b(?:sebarkan|sebarin|bagikan|share|forward|copas|copy\s*paste|dari\s+grup|grup\s+(?:wa|whatsapp|keluarga|sebelah|rt|rw|alumni)|pesan\s+berantai|broadcast|bc\s+dari|terusan|diteruskan|teruskan|viralkan|kirim\s+ke\s+\d+\s+grup|jangan\s+berhenti\s+di\s+anda)\b/iu
const QUESTION_WORD =
  /\b(?:apakah|apa\s+(?:benar|bener|betul|iya|bener)|benarkah|betulkah|bener\s+(?:ga|gak|nggak|enggak)|beneran\s+(?:ga|gak|nggak|enggak)|emang\s+(?:iya|bener|benar)|masa\s+sih|leres\s+teu|bener\s+ora|nopo\s+leres|is\s+it\s+true)\b/iu
const DENIAL =
  /\b(?:hoaks|hoax|hoaxs|hoks|hoak|disinformasi|misinformasi|kabar\s+bohong|berita\s+bohong|tidak\s+benar|gak\s+bener|ga\s+bener|nggak\s+bener|enggak\s+bener|tidak\s+terbukti|faktanya|fakta\s*:|klarifikasi|meluruskan|cek\s+fakta|dibantah|membantah|bantah|menepis|ditepis|jangan\s+(?:mudah\s+)?percaya|jangan\s+termakan|jangan\s+disebarkan|jangan\s+sebarkan|jangan\s+dishare|penipuan|modus\s+penipuan|phishing|jangan\s+klik|fake\s+news|not\s+true|palsu\s+itu|itu\s+palsu|dudu\s+tenan|ora\s+bener|lain\s+leres|teu\s+leres|bohong|(?:sudah\s+|udah\s+|telah\s+)?diklarifikasi|bukan\s+(?:gitu|begitu|begini)|(?:gak|ga|nggak|tidak|tak)\s+usah\s+percaya|belum\s+terbukti|(?:tidak|tak|gak|ga|nggak)\s+ada\s+bukti(?:nya)?|(?:cuma|hanya|sekadar)\s+isu|isu\s+(?:lama|basi)|ngawur|ngarang|mitos|keliru|penipu|scam|editan|hasil\s+editan|ngaco|salah\s+kaprah|(?:gak|ga|nggak|tidak|tak)\s+masuk\s+akal|omong\s+kosong|tidak\s+berdasar|menyesatkan|fitnah|(?:gak|ga|nggak|tidak|tak)\s+ada\s+data(?:nya)?|hasilnya\s+negatif|jangan\s+ikut(?:an)?\s+(?:sebar|nyebar|share)|dusta|kabar\s+(?:palsu|keliru)|info\s+(?:palsu|sesat|keliru)|sudah\s+dibantah|(?:tidak|tak|gak|ga|nggak)\s+ada\s+(?:kaitan|hubungan|sangkut\s*paut)(?:nya)?|(?:tidak|tak|gak|ga|nggak)\s+(?:berhubungan|berkaitan|terkait)|(?:itu|tersebut)\s+(?:tidak|tak|gak|ga|nggak|enggak)\s+(?:ada|benar|betul|nyata)|membantah|bantah|menepis|ditepis)\b/iu
const AFFIRM =
  /\b(?:bukan\s+(?:hoaks|hoax|hoks)|beneran\s+(?:ini|kok)|asli\s+ini|nyata\s+terjadi|sudah\s+terbukti)\b/iu
const OFFICIAL =
  /\b(?:resmi|kami\s+(?:informasikan|sampaikan|umumkan|imbau|himbau|tegaskan|pastikan)|diinformasikan|disampaikan\s+bahwa|pengumuman|melalui\s+(?:kanal|laman|situs|akun)\s+resmi|hanya\s+(?:melalui|lewat|di)|satu-satunya|tidak\s+(?:dipungut|pernah\s+(?:meminta|memungut))|tetap\s+(?:berlaku|disalurkan|dilayani|ada|aman|normal)|sesuai\s+(?:jadwal|ketentuan|aturan)|call\s*center|hotline|informasi\s+lebih\s+lanjut|silakan\s+(?:datang|kunjungi|hubungi|cek))\b/iu
const FIRST_PERSON =
  /\b(?:(?:saya|aku|gue|gw|sy|ku|kami|kami\s+sekeluarga|keluarga\s+saya|(?:ibu|bapak|ayah|ortu|istri|suami|anak|tetangga|adik|kakak|sepupu|keponakan|teman|temen|nenek|kakek)\s+(?:saya|aku|gw|gue|kami)|anak\s+tetangga)\s+(?:\S+\s+){0,2}(?:transfer|bayar|setor|kirim|kena|ketipu|tertipu|ditipu|rugi|kehilangan|ditolak|diminta|dimintai|disuruh|udah\s+daftar|sudah\s+daftar|klik|isi|kasih|meninggal|dicoret|mengungsi|ngungsi|borong|tukar|beli|berhenti|hampir|tidak\s+kebagian|gak\s+kebagian|dibajak|jadi)|kena\s+tipu|ketipu|tertipu|uang\s+(?:saya|ku|gw)\s+(?:hilang|raib|ludes))\b/iu
const CONTINUITY =
  /\b(?:tetap|masih)\s+(?:berlaku|bebas|ada|dilayani|disalurkan|aman|normal|lima|sama|seperti|jalan|berjalan|buka|gratis)\b/iu

const REACTION =
  /\b(?:takut|ketakutan|panik|khawatir|was-was|waswas|cemas|ngeri|serem|siap-siap|siap2|buru-buru|buru2|mumpung|terpaksa|gara-gara|gara2|soalnya|makanya|pantesan|pantes|percuma|rugi|sedih|kecewa|(?:udah|sudah|telah|terlanjur|keburu)\s+(?:\S+\s+)?(?:borong|beli|jual|obral|ngungsi|mengungsi|pindah|ngangkut|angkut|siapin|siapkan|nyetok|stok|isi|klik|transfer|bayar|daftar|daftarkan|setor|kirim|tukar|nukar|batal|berhenti|nolak|menolak))\b/iu

const LOGISTICS =
  /\b(?:kapan|jadwal(?:nya)?|syarat(?:nya)?|persyaratan(?:nya)?|(?:gimana|bagaimana|gmn)\s+cara(?:nya)?|caranya|di\s*mana|dmn|lokasi(?:nya)?|jam\s+berapa|berapa\s+lama|bawa\s+apa|dokumen\s+apa|cek\s+(?:status|penerima)|apa\s+saja|apa\s+aja)\b/iu

const FACTUAL =
  /\b(?:hasil\s+(?:uji|pemeriksaan|penelitian|cek|pengecekan)|(?:sudah|telah|udah)\s+(?:dicek|diperiksa|diuji|diteliti)|uji\s+(?:lab|laboratorium|klinis)|diuji|teruji|tidak\s+(?:ditemukan|menemukan|terbukti|ada\s+(?:laporan|kasus|bukti|rencana|kebijakan))|memastikan|menegaskan|menyatakan|dipastikan|ditegaskan|(?:hanya|cuma|cukup)\s+(?:lewat|via|melalui|di|pakai)|aman\s+(?:dikonsumsi|digunakan|dipakai|untuk)|terbukti\s+aman|direkomendasikan|sesuai\s+(?:prosedur|standar)|tidak\s+(?:bisa|dapat|mungkin)\s+(?:memicu|menyebabkan|membuat|bikin)|bukan\s+(?:pengganti|penyebab))\b/iu

export function detectStanceCues(text: string): StanceCues {
  const question = /\?/u.test(text) || QUESTION_WORD.test(text)
  return {
    hearsay: HEARSAY.test(text),
    forward: FORWARD.test(text),
    question,
    denial: DENIAL.test(text) && !AFFIRM.test(text),
    official: OFFICIAL.test(text),
    firstPerson: FIRST_PERSON.test(text),
    continuity: CONTINUITY.test(text),
    factual: FACTUAL.test(text),
    reaction: REACTION.test(text),
    logistics: question && LOGISTICS.test(text),
  }
}
