// rules.md §12 E 32: matters outside SP4N scope are recognised and routed to the right body.
import { describe, expect, it } from 'vitest'
import { OUT_OF_SCOPE_BODIES, suggestOutOfScope } from './lapor-scope.ts'

describe('suggestOutOfScope (rule 32)', () => {
  it('flags a legal case, a legislative matter, a corruption report and a crime', () => {
    expect(suggestOutOfScope('Saya mau menggugat tetangga soal sengketa tanah warisan')).toBe('legal_case')
    expect(suggestOutOfScope('Tolong DPRD tolak raperda parkir ini')).toBe('legislative')
    expect(suggestOutOfScope('Kepala dinas terima suap proyek jalan')).toBe('corruption')
    expect(suggestOutOfScope('Motor saya dicuri di depan pasar')).toBe('crime')
    expect(OUT_OF_SCOPE_BODIES.crime).toBe('Kepolisian')
  })

  it('keeps ordinary complaints and service complaints about the police in scope', () => {
    expect(suggestOutOfScope('Jalan di depan kelurahan rusak parah, kapan diperbaiki?')).toBeNull()
    expect(suggestOutOfScope('Pelayanan SKCK di Polres lambat sekali, antrean tiga jam')).toBeNull()
    expect(suggestOutOfScope('Bagaimana status laporan pencurian saya di Polsek?')).toBeNull()
  })
})
