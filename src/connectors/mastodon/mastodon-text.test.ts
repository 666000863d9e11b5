import { describe, expect, it } from 'vitest'
import { contentHtml, accountJson } from './fixtures/entities.ts'
import { comparable, plainText, withoutLeadingMention } from './mastodon-text.ts'

describe('Mastodon text', () => {
  it('reads the text back out of the HTML Mastodon renders: paragraphs, breaks, hidden link parts, entities', () => {
    const html = contentHtml(
      'Jadwal & lokasi:\nBalai Kota <lantai 2>\n\nInfo: https://pemda.example.go.id/berita/2026/12/layanan-akhir-pekan',
    )
    expect(html).toContain('<span class="invisible">https://</span>')
    expect(plainText(html)).toBe(
      'Jadwal & lokasi:\nBalai Kota <lantai 2>\n\nInfo: https://pemda.example.go.id/berita/2026/12/layanan-akhir-pekan',
    )
    expect(plainText('<p>&#39;kutip&#x27; &quot;ganda&quot;&nbsp;ok</p>')).toBe(`'kutip' "ganda" ok`)
  })

  it('drops only the leading mentions of the account itself', () => {
    const me = accountJson('1', 'humas', 'Humas')
    const text = plainText(contentHtml('Terima kasih @warga', [me]))
    expect(text).toBe('@humas Terima kasih @warga')
    expect(withoutLeadingMention(text, 'humas')).toBe('Terima kasih @warga')
    expect(withoutLeadingMention('@humas@social.example @humas halo', 'humas')).toBe('halo')
    expect(withoutLeadingMention('@humasku halo', 'humas')).toBe('@humasku halo')
  })

  it('compares sent text with the rendered one regardless of mention domains and spacing', () => {
    expect(comparable('cc  @sari@mastodon.social\nterima kasih')).toBe(comparable('cc @sari terima kasih'))
  })
})
