// The template language of saved replies (jawaban baku): plain text with {variables} filled from the inbox item
// being answered. Shared with the web app, so the form can name an unknown variable as it is typed, exactly as
// the server refuses it at save time. A leaf module: no imports, no packages.
//
// Syntax: `{name}` where name is letters, digits and `_` is a variable and must be one of SAVED_REPLY_VARIABLES;
// `{{` and `}}` write a literal brace; any other brace is plain text. At render time a variable without a value
// becomes a visible placeholder `[[name]]` the operator must fill in before sending, never an empty string.

export const SAVED_REPLY_VARIABLES = ['nama', 'nomor_tiket', 'unit', 'kontak_unit', 'akun'] as const
export type SavedReplyVariable = (typeof SAVED_REPLY_VARIABLES)[number]

export type SavedReplyContext = Partial<Record<SavedReplyVariable, string | null | undefined>>

export type TemplatePart = { text: string } | { variable: string }

const TOKEN = /\{\{|\}\}|\{([A-Za-z0-9_]+)\}/g

export function isSavedReplyVariable(name: string): name is SavedReplyVariable {
  return (SAVED_REPLY_VARIABLES as readonly string[]).includes(name)
}

/** The template split into text and variable parts (variables as written, known or not). */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = []
  let text = ''
  let from = 0
  for (const match of template.matchAll(TOKEN)) {
    text += template.slice(from, match.index)
    from = match.index + match[0].length
    if (match[0] === '{{') text += '{'
    else if (match[0] === '}}') text += '}'
    else {
      if (text !== '') parts.push({ text })
      text = ''
      parts.push({ variable: match[1]! })
    }
  }
  text += template.slice(from)
  if (text !== '') parts.push({ text })
  return parts
}

/** The variables a template uses that Warta cannot fill, each once, in order of appearance (empty: all known). */
export function unknownVariables(template: string): string[] {
  const unknown: string[] = []
  for (const part of parseTemplate(template))
    if ('variable' in part && !isSavedReplyVariable(part.variable) && !unknown.includes(part.variable))
      unknown.push(part.variable)
  return unknown
}

/** The known variables a template uses, each once, in order of appearance. */
export function usedVariables(template: string): SavedReplyVariable[] {
  const used: SavedReplyVariable[] = []
  for (const part of parseTemplate(template))
    if ('variable' in part && isSavedReplyVariable(part.variable) && !used.includes(part.variable))
      used.push(part.variable)
  return used
}

/** What stands in the text for a variable without a value: visible, and found by hasPlaceholders before sending. */
export function placeholderFor(variable: string): string {
  return `[[${variable}]]`
}

const PLACEHOLDER = /\[\[[A-Za-z0-9_]+\]\]/

/** Whether a text still holds a placeholder the operator has to fill (the reply box refuses to send it). */
export function hasPlaceholders(text: string): boolean {
  return PLACEHOLDER.test(text)
}

export interface RenderedReply {
  text: string
  /** The variables left as placeholders (no value, or a variable Warta does not know), each once. */
  unresolved: string[]
}

/**
 * Fills a saved reply's variables from the item's context. A missing, blank or unknown variable is left as its
 * placeholder and listed in `unresolved`; nothing is ever silently left out.
 */
export function renderSavedReply(template: string, context: SavedReplyContext): RenderedReply {
  let text = ''
  const unresolved: string[] = []
  for (const part of parseTemplate(template)) {
    if ('text' in part) {
      text += part.text
      continue
    }
    const value = isSavedReplyVariable(part.variable) ? context[part.variable]?.trim() : undefined
    if (value) {
      text += value
      continue
    }
    text += placeholderFor(part.variable)
    if (!unresolved.includes(part.variable)) unresolved.push(part.variable)
  }
  return { text, unresolved }
}
