// Text length as each platform counts it, the same in the composer's live counter and in the server's check.
// X's weighted count follows X's published counting rules (version 3): code points in the Latin and common
// punctuation ranges weigh 1, every other code point 2, an emoji sequence 2 as a whole, and each link 23 whatever
// its length. Bluesky counts graphemes; Threads code points, but an emoji as its UTF-8 bytes (a 😀 is 4, a flag 8);
// the others code points. A leaf module: no packages (the web bundles it).
import type { TextCounting } from './platform-rules.ts'

const LIGHT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
]
const X_URL_WEIGHT = 23
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,:;!?)'\]]/giu
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u
const graphemes = new Intl.Segmenter('id', { granularity: 'grapheme' })

function codePointWeight(codePoint: number): number {
  return LIGHT_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to) ? 1 : 2
}

function xWeighted(text: string): number {
  let total = [...text.matchAll(URL_PATTERN)].length * X_URL_WEIGHT
  const rest = text.replace(URL_PATTERN, '')
  for (const { segment } of graphemes.segment(rest)) {
    if (EMOJI.test(segment)) {
      total += 2
      continue
    }
    for (const char of segment) total += codePointWeight(char.codePointAt(0)!)
  }
  return total
}

const utf8 = new TextEncoder()

function emojiBytes(text: string): number {
  let total = 0
  for (const { segment } of graphemes.segment(text))
    total += EMOJI.test(segment) ? utf8.encode(segment).length : [...segment].length
  return total
}

export function countGraphemes(text: string): number {
  let count = 0
  for (const _ of graphemes.segment(text)) count += 1
  return count
}

/** The length of `text` the way a platform with this counting measures it. */
export function countText(text: string, counting: TextCounting): number {
  switch (counting) {
    case 'x_weighted':
      return xWeighted(text)
    case 'graphemes':
      return countGraphemes(text)
    case 'code_points':
      return [...text].length
    case 'emoji_bytes':
      return emojiBytes(text)
  }
}
