// Colloquial Indonesian → lower-cased standard Indonesian, one space between tokens. Negators and question words
// are kept (as `tidak`, `bagaimana`…); URLs, @mentions, #hashtags and emoji stay as tokens because they carry meaning.
import { tokenise } from './tokenise.ts'

export function normalise(text: string): string {
  const parts: string[] = []
  for (const token of tokenise(text)) if (token.norm !== '') parts.push(token.norm)
  return parts.join(' ')
}
