// The national labels of a hoax claim (the format Komdigi and the provinces' cek-fakta pages use: "[HOAKS] …"),
// and a claim's statuses. Shared with the web app, which shows the label in its bracketed form.

export const HOAX_LABELS = ['hoaks', 'disinformasi', 'misinformasi'] as const
export type HoaxLabel = (typeof HOAX_LABELS)[number]

export const HOAX_CLAIM_STATUSES = ['active', 'archived'] as const
export type HoaxClaimStatus = (typeof HOAX_CLAIM_STATUSES)[number]

/** The label as written in a post or a spreadsheet: [HOAKS], [DISINFORMASI], [MISINFORMASI]. */
export function hoaxLabelTag(label: HoaxLabel): string {
  return `[${label.toUpperCase()}]`
}

// What people type for each label: the bracketed tag, the bare word in either case, and the English words.
const LABEL_WORDS: Readonly<Record<string, HoaxLabel>> = {
  hoaks: 'hoaks',
  hoax: 'hoaks',
  hoaxes: 'hoaks',
  disinformasi: 'disinformasi',
  disinformation: 'disinformasi',
  misinformasi: 'misinformasi',
  misinformation: 'misinformasi',
}

/** The label a cell or a field names ("[HOAKS]", "Hoaks", " [ disinformasi ] ", "misinformation"); undefined if none. */
export function parseHoaxLabel(text: string): HoaxLabel | undefined {
  const word = text
    .trim()
    .replace(/^\[\s*/, '')
    .replace(/\s*\]$/, '')
    .trim()
    .toLowerCase()
  return LABEL_WORDS[word]
}
