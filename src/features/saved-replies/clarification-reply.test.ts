import { describe, expect, it } from 'vitest'
import { countText } from '../../shared/count-text.ts'
import { replyTextRule } from '../../shared/reply-text-rules.ts'
import { buildClarificationReply, type ClarificationInput } from './clarification-reply.ts'

const URL =
  'https://kominfo.semarangkota.go.id/klarifikasi/2026/12/bansos-tidak-dipungut-biaya-pendaftaran-apa-pun'

const input = (facts: string, overrides: Partial<ClarificationInput> = {}): ClarificationInput => ({
  label: 'hoaks',
  facts,
  sourceUrl: URL,
  citizenName: 'Budi',
  ...overrides,
})

describe('buildClarificationReply', () => {
  it('writes the greeting, the label, the facts and the link when they fit', () => {
    const result = buildClarificationReply(
      input('Pendaftaran bansos tidak dipungut biaya.'),
      replyTextRule('facebook'),
    )
    expect(result).toMatchObject({ ok: true, shortened: false })
    if (!result.ok) return
    expect(result.text).toBe(
      'Halo Budi, terima kasih atas perhatiannya. Informasi tersebut tidak benar [HOAKS].\n' +
        'Faktanya: Pendaftaran bansos tidak dipungut biaya.\n' +
        `Selengkapnya: ${URL}`,
    )
  })

  it("shortens the facts to X's weighted 280, keeping the whole link (23 however long)", () => {
    const facts =
      'Pendaftaran bantuan sosial tidak dipungut biaya apa pun dan dilakukan di kelurahan. '.repeat(8)
    const result = buildClarificationReply(input(facts), replyTextRule('x'))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.shortened).toBe(true)
    expect(countText(result.text, 'x_weighted')).toBeLessThanOrEqual(280)
    expect(result.length).toBe(countText(result.text, 'x_weighted'))
    expect(result.text.endsWith(`Selengkapnya: ${URL}`)).toBe(true)
    expect(result.text).toMatch(/Faktanya: Pendaftaran .*…\n/)
    // Nearly all the room is used: the URL counts 23 on X, not its 97 characters.
    expect(result.length).toBeGreaterThan(250)
  })

  it('counts X text outside Latin as 2 per character', () => {
    const facts = '这是官方的澄清内容。'.repeat(20)
    const result = buildClarificationReply(input(facts), replyTextRule('x'))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(countText(result.text, 'x_weighted')).toBeLessThanOrEqual(280)
    expect(result.length).toBeGreaterThan(260)
    expect([...result.text.matchAll(/\p{Script=Han}/gu)].length).toBeLessThan(100)
  })

  it('counts Bluesky in graphemes (an emoji family is one) and the link in full', () => {
    const facts = 'Bansos gratis 👨‍👩‍👧‍👦 tanpa pungutan di kelurahan mana pun. '.repeat(10)
    const result = buildClarificationReply(input(facts), replyTextRule('bluesky'))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(countText(result.text, 'graphemes')).toBeLessThanOrEqual(300)
    expect(result.text.length).toBeGreaterThan(300) // UTF-16 units: the emoji take more than they count
    expect(result.text).toContain(URL)
  })

  it('drops the greeting before it gives up, and refuses when even the link does not fit', () => {
    const long = `https://example.go.id/${'a'.repeat(200)}`
    const dropped = buildClarificationReply(
      input('Fakta yang cukup panjang untuk tidak muat.', { sourceUrl: long }),
      replyTextRule('bluesky'),
    )
    expect(dropped.ok).toBe(true)
    if (dropped.ok) expect(dropped.text.startsWith('Informasi tersebut tidak benar [HOAKS].')).toBe(true)
    const refused = buildClarificationReply(
      input('Fakta.', { sourceUrl: `https://example.go.id/${'a'.repeat(400)}` }),
      replyTextRule('bluesky'),
    )
    expect(refused.ok).toBe(false)
  })

  it('greets nobody by name when there is none, and ends with the facts when the claim has no source', () => {
    const result = buildClarificationReply(
      input('Tidak ada pungutan.', { citizenName: null, sourceUrl: null, label: 'disinformasi' }),
      replyTextRule('mastodon'),
    )
    expect(result.ok && result.text).toBe(
      'Halo, terima kasih atas perhatiannya. Informasi tersebut tidak benar [DISINFORMASI].\nFaktanya: Tidak ada pungutan.',
    )
  })
})
