// The one-click clarification for an item matched to a hoax claim (issue #9 item 4): a polite Indonesian reply built
// from the claim's facts and its first source, within the platform's reply limit as the platform counts it. Pure.
// When it does not fit, the facts are shortened (at a word where one is near, with "…"); the greeting goes next;
// the link is never cut (a cut link leads nowhere), and a text that cannot fit even then is refused.
import { countText, countGraphemes } from '../../shared/count-text.ts'
import { hoaxLabelTag, type HoaxLabel } from '../../shared/hoax-labels.ts'
import type { ReplyTextRule } from '../../shared/reply-text-rules.ts'

export interface ClarificationInput {
  label: HoaxLabel
  facts: string
  /** The claim's first source; null when it has none (the reply then ends with the facts). */
  sourceUrl: string | null
  /** The citizen's name as they show it; null or empty: the greeting names nobody. */
  citizenName: string | null
}

export type ClarificationResult =
  | { ok: true; text: string; length: number; maxLength: number; shortened: boolean }
  | { ok: false; length: number; maxLength: number }

const ELLIPSIS = '…'
const segmenter = new Intl.Segmenter('id', { granularity: 'grapheme' })

function compose(input: ClarificationInput, facts: string, greeting: boolean): string {
  const name = input.citizenName?.trim()
  const lines = [
    greeting
      ? `Halo${name ? ` ${name}` : ''}, terima kasih atas perhatiannya. Informasi tersebut tidak benar ${hoaxLabelTag(input.label)}.`
      : `Informasi tersebut tidak benar ${hoaxLabelTag(input.label)}.`,
  ]
  if (facts !== '') lines.push(`Faktanya: ${facts}`)
  if (input.sourceUrl) lines.push(`Selengkapnya: ${input.sourceUrl}`)
  return lines.join('\n')
}

/** The first `graphemes` graphemes of the facts, cut back to a word when one ends in the last fifth, with "…". */
function shorten(facts: readonly string[], graphemes: number): string {
  if (graphemes >= facts.length) return facts.join('')
  if (graphemes <= 0) return ''
  let cut = facts.slice(0, graphemes).join('')
  const space = cut.lastIndexOf(' ')
  if (space > 0 && space >= cut.length * 0.8) cut = cut.slice(0, space)
  return cut.replace(/[\s,;:.-]+$/u, '') + ELLIPSIS
}

export function buildClarificationReply(input: ClarificationInput, rule: ReplyTextRule): ClarificationResult {
  const facts = input.facts.replace(/\s+/g, ' ').trim()
  const fits = (text: string) => countText(text, rule.textCounting) <= rule.maxTextLength
  const whole = compose(input, facts, true)
  if (fits(whole))
    return {
      ok: true,
      text: whole,
      length: countText(whole, rule.textCounting),
      maxLength: rule.maxTextLength,
      shortened: false,
    }
  const pieces = Array.from(segmenter.segment(facts), (s) => s.segment)
  for (const greeting of [true, false]) {
    // The longest prefix of the facts that fits (a shorter prefix never counts more: binary search).
    let low = 0
    let high = pieces.length - 1
    let best: string | null = null
    while (low <= high) {
      const middle = Math.floor((low + high) / 2)
      const text = compose(input, shorten(pieces, middle), greeting)
      if (fits(text)) {
        best = text
        low = middle + 1
      } else high = middle - 1
    }
    // A reply needs some of the facts: a greeting and a bare link alone is no clarification.
    if (best !== null && countGraphemes(best) > countGraphemes(compose(input, '', greeting)) + 1)
      return {
        ok: true,
        text: best,
        length: countText(best, rule.textCounting),
        maxLength: rule.maxTextLength,
        shortened: true,
      }
  }
  const bare = compose(input, '', false)
  return { ok: false, length: countText(bare, rule.textCounting), maxLength: rule.maxTextLength }
}
