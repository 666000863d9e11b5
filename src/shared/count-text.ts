// Text length as each platform counts it, the same in the composer's live counter, the server's check, the
// connectors and the language engine's length detector. X's weighted count follows X's published counting rules
// (version 3): code points in the Latin and common punctuation ranges weigh 1, every other code point 2, an emoji
// sequence 2 as a whole, and each link 23 whatever its length. Mastodon counts graphemes after its own rewrite of
// the text (mastodonCountable). Bluesky counts graphemes, TikTok UTF-16 units, YouTube's description UTF-8 bytes,
// Threads code points but an emoji as its UTF-8 bytes (a 😀 is 4, a flag 8), the others code points. A leaf module: no packages (the web bundles it).
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
const utf8 = new TextEncoder()

// Mastodon's link, after twitter-text's extractor with the scheme required (the instance's Extractor): a domain
// whose top level is a country code, a common generic one or punycode (an unknown one is no link there, so it is
// counted in full here too: never less than the instance counts), an optional port, a path that ends on a letter,
// digit, one of + - = _ # / or a balanced (…), and a query that ends on a letter, digit or one of - _ & = # /.
const MASTODON_URL_WEIGHT = 23
const GENERIC_TLDS =
  'com|org|net|edu|gov|mil|int|info|biz|name|pro|app|dev|blog|news|online|site|website|store|shop|tech|' +
  'cloud|digital|media|social|live|world|today|life|email|link|page|space|club|xyz|top|icu|asia|mobi|travel|museum'
const LABEL = String.raw`[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?`
const PATH_CHAR = String.raw`[\p{Script=Latin}\p{Script=Cyrillic}\p{M}\p{N}!*';:=+,.$/%#\[\]\-–_~&|@]`
const PATH_END = String.raw`[\p{Script=Latin}\p{Script=Cyrillic}\p{M}\p{N}+\-=_#/]`
const PARENS = String.raw`\(${PATH_CHAR}*\)`
const MASTODON_URL = new RegExp(
  String.raw`(?<![A-Za-z0-9@＠$#＃‪-‮])https?:\/\/(?:${LABEL}\.)+(?:[a-z]{2}|${GENERIC_TLDS}|xn--[a-z0-9-]+)` +
    String.raw`(?![\p{L}\p{M}\p{N}@+-])(?::\d{1,5})?` +
    String.raw`(?:\/(?:(?:${PATH_CHAR}|${PARENS})*(?:${PATH_END}|${PARENS}))?)?` +
    String.raw`(?:\?[a-z0-9!?*'@();:&=+$/%#[\]\-_.,~|]*[a-z0-9\-_&=#/])?`,
  'giu',
)
// Account::MENTION_RE: a username of letters, digits, _ (and . or - inside) after neither =, / nor a word
// character, then @ and the instance's domain.
const MASTODON_REMOTE_MENTION =
  /(?<![=/\p{L}\p{M}\p{Nd}\p{Pc}])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)@[\p{L}\p{M}\p{Nd}\p{Pc}.-]+[\p{L}\p{M}\p{Nd}\p{Pc}]+/giu

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

/**
 * What Mastodon's server counts (StatusLengthValidator): the text with every link it recognises replaced by 23
 * characters (`characters_reserved_per_url`) and every remote mention `@user@domain` by its local part `@user`,
 * measured in graphemes. A link needs its `http://` or `https://` (docs.joinmastodon.org/user/posting: a bare
 * `diskominfo.go.id` is counted letter by letter), starts after neither a letter nor a digit, and ends as
 * twitter-text's extractor ends it: not on trailing punctuation, nor on a closing bracket it did not open.
 */
export function mastodonCountable(text: string): string {
  let rewritten = ''
  let from = 0
  for (const match of text.matchAll(MASTODON_URL)) {
    rewritten += localMentions(text.slice(from, match.index)) + 'x'.repeat(MASTODON_URL_WEIGHT)
    from = match.index + match[0].length
  }
  return rewritten + localMentions(text.slice(from))
}

function localMentions(text: string): string {
  return text.replace(MASTODON_REMOTE_MENTION, (_mention, user: string) => `@${user}`)
}

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
    case 'mastodon':
      return countGraphemes(mastodonCountable(text))
    case 'code_points':
      return [...text].length
    case 'utf16_units':
      return text.length
    case 'utf8_bytes':
      return utf8.encode(text).byteLength
    case 'emoji_bytes':
      return emojiBytes(text)
  }
}
