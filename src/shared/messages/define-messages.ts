// Messages are written as pairs, Bahasa Indonesia beside English, so a translation cannot go missing. Each area
// of the product has its own file in this folder (fewer merge conflicts, easier review); catalogue.ts joins them.

export interface MessagePair {
  readonly id: string
  readonly en: string
}

export function defineMessages<const T extends Record<string, MessagePair>>(messages: T): T {
  return messages
}
