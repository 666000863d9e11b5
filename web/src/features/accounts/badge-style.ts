// A badge in a narrow table column keeps its whole word instead of ending in "…" (Mantine cuts badge labels).
export const WHOLE_WORD_BADGE = { minWidth: 'max-content' } as const
