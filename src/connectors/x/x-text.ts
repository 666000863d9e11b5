// X's weighted length (platforms.md §3.3 item 9; the twitter-text v3 configuration published at
// github.com/twitter/twitter-text `config/v3.json`): the text is NFC-normalised, each code point in the light
// ranges weighs 1 and every other weighs 2, an emoji (one grapheme, however many code points) weighs 2, and any
// URL weighs 23 whatever its length. The limit is 280.
const LIGHT_RANGES: readonly [number, number][] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
]
const URL_WEIGHT = 23
const URL_PATTERN =
  /\bhttps?:\/\/[^\s]+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|id|go\.id|co|io|gov)\b(?:\/[^\s]*)?/giu
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u
const segmenter = new Intl.Segmenter('id', { granularity: 'grapheme' })

export const X_MAX_WEIGHTED_LENGTH = 280

function codePointWeight(codePoint: number): number {
  return LIGHT_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to) ? 1 : 2
}

function plainWeight(text: string): number {
  let weight = 0
  for (const { segment } of segmenter.segment(text)) {
    if (EMOJI.test(segment)) weight += 2
    else for (const char of segment) weight += codePointWeight(char.codePointAt(0)!)
  }
  return weight
}

/** The URLs X would shorten to t.co in the text. */
export function urlsIn(text: string): string[] {
  return text.normalize('NFC').match(URL_PATTERN) ?? []
}

/** The length X counts for a post's text. */
export function xWeightedLength(text: string): number {
  const normal = text.normalize('NFC')
  let weight = 0
  let last = 0
  for (const match of normal.matchAll(URL_PATTERN)) {
    weight += plainWeight(normal.slice(last, match.index)) + URL_WEIGHT
    last = match.index + match[0].length
  }
  return weight + plainWeight(normal.slice(last))
}
