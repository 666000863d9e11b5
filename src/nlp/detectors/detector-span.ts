/** A match inside the checked text: UTF-16 offsets, as JavaScript strings index, end exclusive. */
export interface DetectorSpan {
  start: number
  end: number
}

/** The spans in text order with overlapping or touching ones joined; sorts `spans` in place, returns new objects. */
export function mergeSpans(spans: DetectorSpan[]): DetectorSpan[] {
  spans.sort((a, b) => a.start - b.start)
  const merged: DetectorSpan[] = []
  for (const span of spans) {
    const last = merged.at(-1)
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end)
    else merged.push({ ...span })
  }
  return merged
}
