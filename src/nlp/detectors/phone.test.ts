import { describe, it, expect } from 'vitest'
import { findPrivatePhones, normalisePhone } from './phone.ts'

describe('normalisePhone', () => {
  it('normalises every mobile vector of rules.md to the same E.164 number', () => {
    for (const input of ['081234567890', '6281234567890', '0812-3456-7890', '+62 812 3456 7890']) {
      expect(normalisePhone(input), input).toEqual({ e164: '+6281234567890', kind: 'mobile' })
    }
  })

  it('reads a Jakarta landline as a fixed line', () => {
    expect(normalisePhone('021-3456789')).toEqual({ e164: '+62213456789', kind: 'fixed_line' })
  })

  it('rejects the too-short and too-long vectors', () => {
    expect(normalisePhone('08123')).toBeNull()
    expect(normalisePhone('0812345678901234')).toBeNull()
  })
})

describe('findPrivatePhones', () => {
  it('finds the mobile number in the rules.md sentence with its exact offsets', () => {
    const text = 'hubungi saya di 0812-3456-7890'
    expect(findPrivatePhones(text)).toEqual([{ start: 16, end: 30 }])
  })

  it('finds international, bare and WhatsApp-link forms', () => {
    expect(findPrivatePhones('WA +62 812 3456 7890 ya')).toEqual([{ start: 3, end: 20 }])
    expect(findPrivatePhones('kontak 6281234567890')).toHaveLength(1)
    expect(findPrivatePhones('https://wa.me/6281234567890')).toHaveLength(1)
  })

  it('does not report official lines', () => {
    const official = [
      'Call center 1500-123 atau 1-500-400',
      'Kantor kami (021) 3456789 dan 021-3456789',
      'Darurat hubungi 112, polisi 110, pemadam 113',
      'Bebas pulsa 0800-1-888-888',
      'Halo Kemenkes 1500567',
    ]
    for (const text of official) expect(findPrivatePhones(text), text).toEqual([])
  })

  it('does not report invalid or longer digit runs', () => {
    expect(findPrivatePhones('nomor 08123 saja')).toEqual([])
    expect(findPrivatePhones('0812345678901234')).toEqual([])
    expect(findPrivatePhones('NIK 6271011708450001')).toEqual([])
  })
})

describe('findPrivatePhones on service lines', () => {
  it('exempts an agency WhatsApp line named as a service but not a person behind it', () => {
    expect(findPrivatePhones('Layanan pengaduan WhatsApp resmi Dukcapil: 0811-2345-6789')).toEqual([])
    expect(findPrivatePhones('Call center via WA 0811 2345 6789')).toEqual([])
    expect(findPrivatePhones('Layanan pengaduan: hubungi Pak Budi 0812-3456-7890')).toHaveLength(1)
  })
})

describe('findPrivatePhones with a bracketed country code', () => {
  it('finds (+62) 812-3456-7890', () => {
    expect(findPrivatePhones('HP (+62) 812-3456-7890')).toEqual([{ start: 3, end: 22 }])
  })
})
