// Matters outside SP4N-LAPOR!'s scope (rules.md §9, §12 E 32 [S], LAPOR! FAQ): legal cases, legislative matters,
// corruption and crimes go to the body that handles them, not into a complaint ticket — except complaints about
// the *service* of the police or prosecutors and questions about a case's status, which LAPOR! takes. Pure: a
// keyword suggestion for the officer, who decides (the referral records the decision).

export const OUT_OF_SCOPE_KINDS = ['legal_case', 'legislative', 'corruption', 'crime'] as const
export type OutOfScopeKind = (typeof OUT_OF_SCOPE_KINDS)[number]

/** Where each kind belongs (shown to the officer and in the export). */
export const OUT_OF_SCOPE_BODIES: Readonly<Record<OutOfScopeKind, string>> = {
  legal_case: 'Pengadilan / lembaga bantuan hukum',
  legislative: 'DPR / DPRD',
  corruption: 'KPK, Kejaksaan atau Inspektorat (APIP)',
  crime: 'Kepolisian',
}

const WORDS: ReadonlyArray<[OutOfScopeKind, RegExp]> = [
  [
    'corruption',
    /\b(korupsi|koruptor|suap|disuap|menyuap|gratifikasi|mark[- ]?up anggaran|penggelapan dana)\b/i,
  ],
  ['legislative', /\b(dpr|dprd|ruu|raperda|rancangan undang|revisi undang|anggota dewan|uji materi)\b/i],
  [
    'legal_case',
    /\b(gugatan|menggugat|perkara perdata|sidang|putusan pengadilan|banding|kasasi|sengketa tanah|warisan)\b/i,
  ],
  [
    'crime',
    /\b(pencurian|dicuri|maling|penipuan|ditipu|pembunuhan|penganiayaan|dianiaya|narkoba|pemerkosaan|perampokan|dirampok|begal)\b/i,
  ],
]

/** A service complaint about the police or prosecutors, or a case-status question: inside LAPOR!'s scope. */
const SERVICE_EXCEPTION =
  /\b(pelayanan|layanan|antrean|antrian|skck|sim\b|status (laporan|perkara|kasus)|perkembangan (laporan|perkara|kasus)|lambat|tidak ditanggapi)\b/i
const ENFORCER = /\b(polisi|polres|polsek|polda|kepolisian|jaksa|kejaksaan|kejari|kejati)\b/i

/** The kind of out-of-scope matter the text looks like, or null (also null for the service exception). */
export function suggestOutOfScope(text: string): OutOfScopeKind | null {
  if (ENFORCER.test(text) && SERVICE_EXCEPTION.test(text)) return null
  for (const [kind, pattern] of WORDS) if (pattern.test(text)) return kind
  return null
}
