import { describe, it, expect } from 'vitest'
import { checkDraft } from './check.ts'
import type { ClassifyText } from './check.ts'
import { createHoaxMatcher } from './hoax/create-hoax-matcher.ts'
import type { Classification } from './types.ts'

const calm: Classification = {
  sentiment: { label: 'netral', score: 0.9 },
  abusive: { label: false, score: 0.01 },
  hate_speech: { label: false, score: 0.01, target: 'none', category: 'none' },
  intent: { label: 'lainnya', score: 0.9 },
}
const noClassifier = { classify: null }
const fakeClassifier =
  (overrides: Partial<Classification>): ClassifyText =>
  () => ({ ...calm, ...overrides })

const codes = (text: string, platform: Parameters<typeof checkDraft>[0]['platform'] = 'facebook'): string[] =>
  checkDraft({ platform, text }, noClassifier).map((f) => f.code)

describe('checkDraft', () => {
  it('blocks the rules.md personal-data examples and points at the numbers', () => {
    const text = 'NIK saya 3171011708450001'
    expect(checkDraft({ platform: 'x', text }, noClassifier)).toEqual([
      expect.objectContaining({ code: 'pii_nik', severity: 'block', start: 9, end: 25 }),
    ])
    const phone = checkDraft({ platform: 'x', text: 'hubungi saya di 0812-3456-7890' }, noClassifier)
    expect(phone).toEqual([
      expect.objectContaining({ code: 'pii_phone', severity: 'block', start: 16, end: 30 }),
    ])
  })

  it('writes every message in Bahasa Indonesia saying what to change', () => {
    const findings = checkDraft(
      { platform: 'x', text: 'Menurut saya, kirim ke budi@gmail.com!!!' },
      noClassifier,
    )
    expect(findings.map((f) => f.code)).toEqual(['personal_opinion', 'pii_email_private', 'informal_tone'])
    for (const f of findings) expect(f.message).toMatch(/Hindari|Ganti|Kurangi|Hapus/)
  })

  it('reports an NIK-form NPWP once, as an NPWP', () => {
    expect(codes('NPWP 3171011708450001')).toEqual(['pii_npwp'])
  })

  it('finds nothing in a clean official post or on decoy numbers', () => {
    expect(
      codes('Pelayanan perekaman KTP-el dibuka Senin. Info: humas@semarangkota.go.id, call center 112.'),
    ).toEqual([])
    expect(codes('ID transaksi 3171011708450001 dan kartu kredit 4111 1111 1111 1111')).toEqual([])
  })

  it('blocks a text over the platform limit with a whole-text span', () => {
    const text = 'Kerja bakti Minggu pagi. '.repeat(12)
    expect(checkDraft({ platform: 'x', text }, noClassifier)).toEqual([
      expect.objectContaining({
        code: 'too_long_for_platform',
        severity: 'block',
        start: 0,
        end: text.length,
      }),
    ])
    expect(codes(text, 'bluesky')).toEqual([])
  })

  it('warns about first-person opinion and informal tone rather than blocking', () => {
    const findings = checkDraft(
      { platform: 'instagram', text: 'Gue kasih tau, menurut saya jalannya sudah bagus' },
      noClassifier,
    )
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['informal_tone', 'warn'],
      ['personal_opinion', 'warn'],
    ])
  })

  it('blocks partisan support by an official account, as netralitas ASN requires, and says why', () => {
    const text =
      'Mari bersama-sama memberikan dukungan kepada pasangan calon nomor urut 2 demi kemajuan daerah.'
    const findings = checkDraft({ platform: 'facebook', text }, noClassifier)
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['personal_opinion', 'block']])
    expect(findings[0]!.message).toContain('netralitas ASN')
    expect(codes('Cek lokasi TPS Anda dan bawa KTP-el saat mencoblos pada 27 November.')).toEqual([])
  })

  it('points abusive and SARA findings at the offending words', () => {
    const text = 'Dasar goblok, usir semua orang Cina'
    const findings = checkDraft({ platform: 'x', text }, noClassifier)
    expect(findings.map((f) => [f.code, text.slice(f.start, f.end)])).toEqual([
      ['abusive_language', 'goblok'],
      ['sara_hate', 'usir semua orang Cina'],
    ])
  })

  it('uses a confident classifier verdict when no lexicon word is found, and ignores an unsure one', () => {
    const text = 'Kalian memang tidak becus mengurus kota ini'
    const sure = fakeClassifier({ abusive: { label: true, score: 0.97 } })
    const unsure = fakeClassifier({ abusive: { label: true, score: 0.6 } })
    expect(
      checkDraft({ platform: 'x', text }, { classify: sure }).map((f) => [f.code, f.start, f.end]),
    ).toEqual([['abusive_language', 0, text.length]])
    expect(checkDraft({ platform: 'x', text }, { classify: unsure })).toEqual([])
  })

  it('keeps a classifier hate verdict to texts that name a group', () => {
    const hate = fakeClassifier({
      hate_speech: { label: true, score: 0.95, target: 'kelompok', category: 'agama' },
    })
    const aboutGroup = 'Penganut Ahmadiyah lagi-lagi mengadakan acara di kampung ini'
    const findings = checkDraft({ platform: 'x', text: aboutGroup }, { classify: hate })
    expect(findings.map((f) => [f.code, aboutGroup.slice(f.start, f.end)])).toEqual([
      ['sara_hate', 'Ahmadiyah'],
    ])
    expect(
      checkDraft({ platform: 'x', text: 'Kinerja kepala dinas buruk sekali' }, { classify: hate }),
    ).toEqual([])
  })

  it('blocks a draft restating a known hoax but not one that debunks it', () => {
    const claims = createHoaxMatcher([
      { id: 'H1', claim: '[HOAKS] Vaksin COVID-19 Mengandung Microchip untuk Melacak Warga' },
      { id: 'H2', claim: '[HOAKS] Tarif Listrik PLN Naik 50 Persen Mulai Januari' },
    ])
    const spread = 'Info penting. Vaksin covid mengandung microchip untuk melacak warga. Mohon disebarkan.'
    const findings = checkDraft({ platform: 'x', text: spread }, { classify: null, claims })
    expect(findings.map((f) => [f.code, f.severity, spread.slice(f.start, f.end)])).toEqual([
      ['hoax_claim', 'block', 'Vaksin covid mengandung microchip untuk melacak warga.'],
    ])
    // The finding names the claim in its own words, never by its id.
    expect(findings[0]!.message).toContain(
      '«[HOAKS] Vaksin COVID-19 Mengandung Microchip untuk Melacak Warga»',
    )
    expect(findings[0]!.message).not.toContain('H1')
    const debunk = '[HOAKS] Vaksin mengandung microchip. Faktanya, vaksin tidak mengandung microchip.'
    expect(checkDraft({ platform: 'x', text: debunk }, { classify: null, claims })).toEqual([])
  })

  it('does not flag a draft that denies a hoax without the word "hoaks" or informs about the genuine service', () => {
    const claims = createHoaxMatcher([
      { id: 'H09', claim: '[HOAKS] Pendaftaran CPNS 2024 Dipungut Biaya Rp5 Juta oleh BKN' },
      { id: 'H13', claim: '[HOAKS] KTP Elektronik Lama Tidak Berlaku Lagi dan Wajib Diganti KTP Digital' },
      { id: 'H28', claim: '[HOAKS] BPJS Kesehatan Dibubarkan dan Diganti Asuransi Swasta' },
    ])
    for (const text of [
      'Kami informasikan pendaftaran CPNS 2024 tidak dipungut biaya, hanya melalui sscasn.bkn.go.id.',
      'KTP-el tetap berlaku seumur hidup; KTP digital hanya pelengkap.',
      'BPJS Kesehatan tetap menyelenggarakan JKN. Cek status kepesertaan Anda melalui aplikasi Mobile JKN.',
    ])
      expect(checkDraft({ platform: 'x', text }, { classify: null, claims }), text).toEqual([])
    const spread = 'Sebarkan: pendaftaran CPNS 2024 dipungut biaya 5jt oleh BKN!'
    expect(
      checkDraft({ platform: 'x', text: spread }, { classify: null, claims }).map((f) => f.code),
    ).toEqual(['hoax_claim'])
  })

  it('does not block a draft that denies a hoax or informs about the genuine service', () => {
    const claims = createHoaxMatcher([
      { id: 'H11', claim: '[HOAKS] Tarif Listrik PLN Naik 50 Persen Mulai Januari' },
      { id: 'H32', claim: '[HOAKS] Jalan Tol Trans Jawa Digratiskan Selama Libur Lebaran' },
    ])
    const check = (text: string): string[] =>
      checkDraft({ platform: 'x', text }, { classify: null, claims }).map((f) => f.code)
    expect(check('Mulai Januari tarif listrik PLN naik 50 persen, warga diminta berhemat.')).toEqual([
      'hoax_claim',
    ])
    expect(check('Tarif listrik PLN triwulan I tidak naik 50 persen mulai Januari.')).toEqual([])
    expect(
      check(
        'Jalan tol Trans Jawa tetap berbayar selama libur Lebaran; diskon berlaku pada tanggal tertentu.',
      ),
    ).toEqual([])
  })

  it('blocks SARA hostility, a classification marking inside a sentence and an NPWP in a thank-you post', () => {
    expect(codes('Orang Batak pasti kasar, jangan heran kalau terminal ribut.')).toEqual(['sara_hate'])
    expect(codes('Mohon perhatian, dokumen ini bersifat rahasia dan hanya untuk internal dinas.')).toEqual([
      'classified_marker',
    ])
    expect(codes('Terima kasih kepada Bapak Suwarno, NPWP 07.412.853.6-511.000, atas kepatuhannya.')).toEqual(
      ['pii_npwp'],
    )
    expect(codes('Selamat merayakan Hari Raya Waisak bagi umat Buddha.')).toEqual([])
  })
})
