// One token of a text. `start`/`end` are UTF-16 offsets into the ORIGINAL text, so callers can point at spans.
export type TokenKind = 'word' | 'number' | 'url' | 'mention' | 'hashtag' | 'emoji' | 'punct'

export interface Token {
  text: string
  /** Normalised form: standard Indonesian for words (may be two words, e.g. `tidak ada`), lower-cased otherwise. */
  norm: string
  kind: TokenKind
  start: number
  end: number
}
