// The abusive rule after the model (issue #10, item 3): the licence-clean abusive model learns crude words only from
// the in-domain rows, so a crude word it never saw ("kontol, lampu merah rusak sebulan") slipped through. A text
// with a word that is an insult whatever the context, or an animal or spirit word aimed at someone ("dasar babi",
// "anjing lu"), is abusive. Works on the normalised words the classifier already has; measured in
// docs/nlp/evaluation.md.
import { AIMED_AFTER_WORDS, AIMED_BEFORE_WORDS, ANIMAL_INSULTS, CRUDE } from './abusive-words.ts'

const CRUDE_WORDS = new Set([...CRUDE, 'tahi'])
const ANIMALS = new Set(ANIMAL_INSULTS)
const BEFORE = new Set(AIMED_BEFORE_WORDS)
const AFTER = new Set([...AIMED_AFTER_WORDS, '!'])

export function hasCrudeWord(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    if (CRUDE_WORDS.has(w)) {
      // "tahi lalat" is a mole.
      if (w === 'tahi' && words[i + 1] === 'lalat') continue
      return true
    }
    if (ANIMALS.has(w) && (BEFORE.has(words[i - 1] ?? '') || AFTER.has(words[i + 1] ?? ''))) return true
  }
  return false
}
