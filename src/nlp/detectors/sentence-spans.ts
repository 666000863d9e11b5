// The sentences of a text as spans (trimmed; a sentence ends at . ! ? or a line break), shared by the check's
// sentence-level readers.
import type { DetectorSpan } from './detector-span.ts'

export function sentenceSpans(text: string): DetectorSpan[] {
  const spans: DetectorSpan[] = []
  for (const match of text.matchAll(/[^.!?\n]+[.!?]*/gu)) {
    const raw = match[0]
    const leading = raw.length - raw.trimStart().length
    const trimmed = raw.trim()
    if (trimmed.length > 0)
      spans.push({ start: match.index + leading, end: match.index + leading + trimmed.length })
  }
  return spans
}
