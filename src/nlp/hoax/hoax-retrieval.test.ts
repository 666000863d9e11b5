import { describe, expect, it } from 'vitest'
import { createHoaxRetrieval } from './hoax-retrieval.ts'

const retrieval = createHoaxRetrieval([
  { id: 'H05', texts: ['[HOAKS] Pencairan BLT BBM Rp600 Ribu Lewat Link Pendaftaran Online'] },
  { id: 'H09', texts: ['[HOAKS] Pendaftaran CPNS 2024 Dipungut Biaya Rp5 Juta oleh BKN'] },
  { id: 'H24', texts: ['[DISINFORMASI] SIM Berlaku Seumur Hidup Mulai Tahun Ini'] },
])
const ids = (text: string): string[] => retrieval.retrieve(text).map((hit) => hit.claimId)

describe('createHoaxRetrieval', () => {
  it('offers no claim for a comment that names none of their subjects', () => {
    expect(ids('Terima kasih pak, pelayanannya cepat sekali')).toEqual([])
    expect(ids('jalan di depan rumah saya rusak parah min')).toEqual([])
  })

  it('offers a claim through an acronym, a typo or an amount in other words', () => {
    expect(ids('Bantuan Langsung Tunai BBM cair lewat link')).toEqual(['H05'])
    expect(ids('calon PNS harus bayar ke badan kepegawaian negara')).toEqual(['H09'])
    expect(ids('pendaftarn cpns bayar 5jt')).toEqual(['H09'])
    expect(ids('Surat Izin Mengemudi seumur hidup?')).toEqual(['H24'])
  })

  it('needs two of a claim’s subjects: one shared word is a topic, not a claim', () => {
    expect(ids('perpanjang SIM di mana ya')).toEqual([])
  })

  it('offers a claim whose staff keyword is in the text, however it is written', () => {
    const withKeyword = createHoaxRetrieval([
      {
        id: 'K1',
        texts: ['[HOAKS] Kuota Internet Gratis lewat Pesan WhatsApp'],
        keywords: ['kuotagratis.id'],
      },
    ])
    expect(withKeyword.retrieve('buka KuotaGratis.id katanya').map((hit) => hit.keywordHit)).toEqual([true])
  })
})
