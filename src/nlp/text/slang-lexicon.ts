// Loads the curated lexicons committed in src/nlp/lexicons (see its README for provenance). Read once per process.
import { readFileSync } from 'node:fs'

const lexiconDir = new URL('../lexicons/', import.meta.url)

function loadSlang(): Map<string, string> {
  const map = new Map<string, string>()
  for (const line of readFileSync(new URL('slang-id.tsv', lexiconDir), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const tab = line.indexOf('\t')
    const tab2 = line.indexOf('\t', tab + 1)
    map.set(line.slice(0, tab), line.slice(tab + 1, tab2 < 0 ? undefined : tab2))
  }
  return map
}

function loadVocab(): Set<string> {
  return new Set(readFileSync(new URL('vocab-id.txt', lexiconDir), 'utf8').split('\n').filter(Boolean))
}

/** Colloquial / alay form → standard form (one or more words). */
export const slangLexicon: ReadonlyMap<string, string> = loadSlang()
/** Known standard words: the test for whether squeezing or de-leeting produced a real word. */
export const standardVocab: ReadonlySet<string> = loadVocab()

function loadEmoji(): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const line of readFileSync(new URL('emoji-id.tsv', lexiconDir), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const [emoji, description] = line.split('\t')
    if (emoji !== undefined && description !== undefined) map.set(emoji, description.split(' '))
  }
  return map
}

/** Emoji (without variation selectors) → words of its Indonesian description. */
export const emojiDescriptions: ReadonlyMap<string, readonly string[]> = loadEmoji()
