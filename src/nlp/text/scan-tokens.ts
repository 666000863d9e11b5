// The allocation-free scanner under `tokenise`: it reports (kind, start, end) to a visitor, so the classifier's
// hot path can hash tokens without building Token objects.
import type { TokenKind } from './token.ts'

export type TokenVisitor = (kind: TokenKind, start: number, end: number) => void

const C_OTHER = 0
const C_LETTER = 1
const C_DIGIT = 2
const C_SPACE = 3

const ascii = new Uint8Array(128)
for (let c = 0; c < 128; c++) {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) ascii[c] = C_LETTER
  else if (c >= 48 && c <= 57) ascii[c] = C_DIGIT
  else if (c === 32 || (c >= 9 && c <= 13)) ascii[c] = C_SPACE
  else ascii[c] = C_OTHER
}

const letterRe = /[\p{L}\p{M}]/u
const spaceRe = /\s/u
const pictographRe = /\p{Extended_Pictographic}/u

const C_EMOJI = 4

function classOf(code: number): number {
  if (code < 128) return ascii[code]!
  if (code >= 0xd800 && code <= 0xdbff) return C_EMOJI // astral: emoji in practice; refined by the caller
  if (code === 0xa0 || code === 0x200b) return C_SPACE
  const ch = String.fromCharCode(code)
  if (letterRe.test(ch)) return C_LETTER
  if (pictographRe.test(ch)) return C_EMOJI
  if (spaceRe.test(ch)) return C_SPACE
  return C_OTHER
}

// Text emoticons carry sentiment like emoji do.
const EMOTICONS = [
  ':-)',
  ':)',
  ':-(',
  ':(',
  ':d',
  ':-d',
  ':p',
  ':-p',
  ';)',
  ';-)',
  ":'(",
  '<3',
  ':v',
  ':3',
  ':/',
]
const emoticonAt = (text: string, i: number): number => {
  for (const e of EMOTICONS) {
    if (text.length - i < e.length) continue
    let ok = true
    for (let k = 0; k < e.length; k++) {
      if ((text.charCodeAt(i + k) | 0x20) !== (e.charCodeAt(k) | (e.charCodeAt(k) >= 65 ? 0x20 : 0))) {
        ok = false
        break
      }
    }
    if (!ok) continue
    // The emoticon must end the word: ":dia" is not ":d" + "ia".
    const next = i + e.length < text.length ? classOf(text.charCodeAt(i + e.length)) : C_SPACE
    if (next === C_LETTER || next === C_DIGIT) continue
    return e.length
  }
  return 0
}

const urlRe = /(?:https?:\/\/|www\.)[^\s<>"]+/iy
const emailRe = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/iy
const domainRe =
  /[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:id|com|net|org|ly|co|io|me|info|gov)(?:\/[^\s<>"]*)?(?![a-z0-9])/iy

const trimUrlEnd = (text: string, start: number, end: number): number => {
  while (end > start && '.,;:!?)]}\'"'.includes(text[end - 1]!)) end--
  return end
}

const isJoiner = (code: number): boolean =>
  code === 0x200d || code === 0xfe0f || code === 0xfe0e || code === 0x20e3
const isSkinTone = (text: string, i: number): boolean =>
  text.charCodeAt(i) === 0xd83c && text.charCodeAt(i + 1) >= 0xdffb && text.charCodeAt(i + 1) <= 0xdfff

/** Length of the emoji sequence at i (ZWJ sequences, skin tones and variation selectors stay one token), or 0. */
function emojiLength(text: string, i: number): number {
  const cp = text.codePointAt(i)!
  const width = cp > 0xffff ? 2 : 1
  if (!pictographRe.test(String.fromCodePoint(cp)) && !(cp >= 0x1f1e6 && cp <= 0x1f1ff)) return 0
  let j = i + width
  // Regional-indicator pairs are flags.
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) {
    const next = text.codePointAt(j)
    if (next !== undefined && next >= 0x1f1e6 && next <= 0x1f1ff) j += 2
    return j - i
  }
  for (;;) {
    if (j < text.length && isJoiner(text.charCodeAt(j))) {
      const wasZwj = text.charCodeAt(j) === 0x200d
      j++
      if (wasZwj && j < text.length) {
        const next = text.codePointAt(j)!
        if (pictographRe.test(String.fromCodePoint(next))) j += next > 0xffff ? 2 : 1
      }
      continue
    }
    if (j + 1 < text.length && isSkinTone(text, j)) {
      j += 2
      continue
    }
    return j - i
  }
}

export function scanTokens(text: string, visit: TokenVisitor): void {
  const n = text.length
  let i = 0
  while (i < n) {
    const code = text.charCodeAt(i)
    const cls = classOf(code)
    if (cls === C_SPACE) {
      i++
      continue
    }
    if (cls === C_LETTER || cls === C_DIGIT) {
      // Links and addresses first: they start like words.
      const lower = code | 0x20
      if (lower === 104 || lower === 119) {
        urlRe.lastIndex = i
        if (urlRe.test(text)) {
          const end = trimUrlEnd(text, i, urlRe.lastIndex)
          visit('url', i, end)
          i = end
          continue
        }
      }
      let j = i + 1
      let letters = cls === C_LETTER ? 1 : 0
      while (j < n) {
        const c = text.charCodeAt(j)
        const k = classOf(c)
        if (k === C_LETTER) letters++
        else if (k === C_DIGIT) {
          // digits continue the token (s4y4, covid19, 10rb)
        } else if ((c === 45 || c === 39 || c === 0x2019) && j + 1 < n) {
          // hyphen inside a word (anak-anak, covid-19) or an apostrophe between letters (jum'at)
          const after = classOf(text.charCodeAt(j + 1))
          if (after !== C_LETTER && !(c === 45 && after === C_DIGIT)) break
        } else if (
          (c === 46 || c === 44 || c === 58) &&
          classOf(text.charCodeAt(j - 1)) === C_DIGIT &&
          j + 1 < n &&
          classOf(text.charCodeAt(j + 1)) === C_DIGIT
        ) {
          // 1.000.000, 3,5, 12:30
        } else if (c === 64 || c === 46) {
          // maybe an e-mail address or a bare domain (kemkes.go.id, bit.ly/x)
          emailRe.lastIndex = i
          if (c === 64 && emailRe.test(text)) {
            j = emailRe.lastIndex
            letters = -1
            break
          }
          domainRe.lastIndex = i
          if (c === 46 && domainRe.test(text)) {
            j = trimUrlEnd(text, i, domainRe.lastIndex)
            letters = -1
            break
          }
          break
        } else break
        j++
      }
      if (letters < 0) visit('url', i, j)
      else visit(letters === 0 ? 'number' : 'word', i, j)
      i = j
      continue
    }
    if (code === 64 || code === 35) {
      // @mention / #hashtag
      let j = i + 1
      while (j < n) {
        const c = text.charCodeAt(j)
        const k = classOf(c)
        if (
          k === C_LETTER ||
          k === C_DIGIT ||
          c === 95 ||
          (code === 64 && c === 46 && j + 1 < n && classOf(text.charCodeAt(j + 1)) === C_LETTER)
        )
          j++
        else break
      }
      if (j > i + 1) {
        visit(code === 64 ? 'mention' : 'hashtag', i, j)
        i = j
        continue
      }
    }
    if (cls === C_EMOJI || code >= 0x2000) {
      const len = emojiLength(text, i)
      if (len > 0) {
        visit('emoji', i, i + len)
        i += len
        continue
      }
    }
    const emoticon = code === 58 || code === 59 || code === 60 ? emoticonAt(text, i) : 0
    if (emoticon > 0) {
      visit('emoji', i, i + emoticon)
      i += emoticon
      continue
    }
    // Punctuation: a run of the same mark is one token (??? and !!! carry intent and emphasis).
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1
    let j = i + width
    if (width === 1) while (j < n && text.charCodeAt(j) === code) j++
    visit('punct', i, j)
    i = j
  }
}
