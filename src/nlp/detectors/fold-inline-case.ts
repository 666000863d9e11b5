// Rewrites the inline case-insensitive groups `(?i:…)` of a regular-expression source into plain groups whose
// letters are spelled out as `[aA]`. V8's native regular-expression code in Node 24 (after tier-up from the
// interpreter, once a pattern has run often enough) intermittently fails to match inside such modifier groups:
// the same call gave different findings depending on what had been checked before (`--regexp-interpret-all`
// made it consistent). The spelled-out form means the same thing and does not depend on the modifier support.

/** The source with every `(?i:…)` group replaced by an equivalent group without the modifier. */
export function foldInlineCase(source: string): string {
  let out = ''
  let index = 0
  while (index < source.length) {
    const start = source.indexOf('(?i:', index)
    if (start < 0) return out + source.slice(index)
    out += source.slice(index, start) + '(?:'
    index = start + 4
    let depth = 1
    while (index < source.length && depth > 0) {
      const char = source[index]!
      if (char === '\\') {
        // An escape: \p{…}/\P{…}/\u{…} whole, otherwise the backslash and one character, copied unchanged.
        const braced = /^\\[pPu]\{[^}]*\}/u.exec(source.slice(index))
        const escape = braced ? braced[0] : source.slice(index, index + 2)
        out += escape
        index += escape.length
        continue
      }
      if (char === '[') {
        // A character class: its letters get both cases inside the same class.
        const end = source.indexOf(']', index + 1)
        const body = source.slice(index + 1, end)
        out += `[${body.replace(/(?<!\\)[a-zA-Z]/gu, (letter) => letter.toLowerCase() + letter.toUpperCase())}]`
        index = end + 1
        continue
      }
      if (char === '(') depth += 1
      if (char === ')') depth -= 1
      if (char === '(' && source.startsWith('(?i:', index)) {
        // A nested modifier group is already inside a folded one.
        out += '(?:'
        index += 4
        continue
      }
      out +=
        /[a-zA-Z]/u.test(char) && !/\(\?$/u.test(out) ? `[${char.toLowerCase()}${char.toUpperCase()}]` : char
      index += 1
    }
  }
  return out
}
