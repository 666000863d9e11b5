// Splits a text into tokens with offsets into the original and a normalised form for each.
import { normaliseWord } from './normalise-word.ts'
import { scanTokens } from './scan-tokens.ts'
import type { Token, TokenKind } from './token.ts'

/** The normalised form of one scanned token. */
function normaliseToken(kind: TokenKind, raw: string): string {
  switch (kind) {
    case 'word':
      return normaliseWord(raw.toLowerCase())
    case 'url':
    case 'emoji':
    case 'number':
      return raw
    case 'mention':
    case 'hashtag':
      return raw.toLowerCase()
    case 'punct':
      return raw[0] ?? raw
  }
}

export function tokenise(text: string): Token[] {
  const tokens: Token[] = []
  scanTokens(text, (kind, start, end) => {
    const raw = text.slice(start, end)
    tokens.push({ text: raw, norm: normaliseToken(kind, raw), kind, start, end })
  })
  return tokens
}
