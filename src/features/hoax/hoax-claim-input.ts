// The checks of one hoax claim, shared by the form (the API) and each row of a CSV import, so both refuse the
// same things with the same words. Pure: the units the instansi has are passed in.
import type { HoaxClaimFields, HoaxSource } from '../../db/hoax-claims-repository.ts'
import { parseHoaxLabel } from '../../shared/hoax-labels.ts'
import type { Problem } from '../../shared/errors.ts'
import { problem } from '../app-error.ts'
import { isIsoDate } from '../calendar/add-working-days.ts'

export const HOAX_LIMITS = {
  claim: 2000,
  facts: 5000,
  sources: 20,
  sourceTitle: 300,
  sourceUrl: 2000,
  units: 200,
  variants: 20,
  variant: 2000,
  keywords: 30,
  keyword: 60,
} as const

/** A claim as typed: the label may be any spelling parseHoaxLabel reads; lists may hold blanks and repeats. */
export interface HoaxClaimDraft {
  label: string
  claim: string
  facts: string
  sources: ReadonlyArray<{ url: string; title?: string | null | undefined }>
  firstSeenOn?: string | null | undefined
  clarifiedOn?: string | null | undefined
  unitIds: readonly string[]
  variants: readonly string[]
  keywords: readonly string[]
}

export type HoaxClaimCheck =
  { ok: true; value: HoaxClaimFields } | { ok: false; errors: Record<string, Problem> }

/** Trimmed, inner runs of spaces made one, blanks and repeats (ignoring case) dropped, order kept. */
export function cleanList(values: readonly string[]): string[] {
  const seen = new Set<string>()
  const result: string[] = []
  for (const raw of values) {
    const value = raw.replace(/\s+/g, ' ').trim()
    const key = value.toLowerCase()
    if (value === '' || seen.has(key)) continue
    seen.add(key)
    result.push(value)
  }
  return result
}

export function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')
  } catch {
    return false
  }
}

export function checkHoaxClaimDraft(draft: HoaxClaimDraft, unitIds: ReadonlySet<string>): HoaxClaimCheck {
  const errors: Record<string, Problem> = {}
  const label = parseHoaxLabel(draft.label)
  if (!label) errors.label = problem('hoax.label_unknown', { value: draft.label })
  const claim = draft.claim.trim()
  if (claim === '' || claim.length > HOAX_LIMITS.claim) errors.claim = problem('hoax.claim_required')
  const facts = draft.facts.trim()
  if (facts === '' || facts.length > HOAX_LIMITS.facts) errors.facts = problem('hoax.facts_required')

  const sources: HoaxSource[] = []
  const seenUrls = new Set<string>()
  draft.sources.forEach((source, index) => {
    const url = source.url.trim()
    if (url === '' && !source.title?.trim()) return
    if (!isWebAddress(url) || url.length > HOAX_LIMITS.sourceUrl) {
      errors[`sources.${index}.url`] = problem('hoax.source_url', { value: url })
      return
    }
    const title = (source.title ?? '').replace(/\s+/g, ' ').trim()
    if (title.length > HOAX_LIMITS.sourceTitle) {
      errors[`sources.${index}.title`] = problem('hoax.text_too_long', { maximum: HOAX_LIMITS.sourceTitle })
      return
    }
    if (seenUrls.has(url)) return
    seenUrls.add(url)
    // A source without a title is shown by its address.
    sources.push({ url, title: title || url })
  })
  if (sources.length > HOAX_LIMITS.sources)
    errors.sources = problem('hoax.too_many', { maximum: HOAX_LIMITS.sources })

  const date = (field: 'firstSeenOn' | 'clarifiedOn'): string | null => {
    const value = draft[field]?.trim() ?? ''
    if (value === '') return null
    if (!isIsoDate(value)) {
      errors[field] = problem('validation.date')
      return null
    }
    return value
  }
  const firstSeenOn = date('firstSeenOn')
  const clarifiedOn = date('clarifiedOn')
  if (firstSeenOn && clarifiedOn && clarifiedOn < firstSeenOn)
    errors.clarifiedOn = problem('hoax.dates_order')

  const units = [...new Set(draft.unitIds)]
  units.forEach((id, index) => {
    if (!unitIds.has(id)) errors[`unitIds.${index}`] = problem('hoax.unit_unknown')
  })
  if (units.length > HOAX_LIMITS.units)
    errors.unitIds = problem('hoax.too_many', { maximum: HOAX_LIMITS.units })

  const list = (field: 'variants' | 'keywords', count: number, length: number): string[] => {
    const values = cleanList(draft[field])
    if (values.length > count) errors[field] = problem('hoax.too_many', { maximum: count })
    else if (values.some((value) => value.length > length))
      errors[field] = problem('hoax.text_too_long', { maximum: length })
    return values
  }
  const variants = list('variants', HOAX_LIMITS.variants, HOAX_LIMITS.variant).filter(
    // The claim itself is not a variant of itself.
    (variant) => variant.toLowerCase() !== claim.toLowerCase(),
  )
  const keywords = list('keywords', HOAX_LIMITS.keywords, HOAX_LIMITS.keyword)

  if (Object.keys(errors).length > 0 || !label) return { ok: false, errors }
  return {
    ok: true,
    value: { label, claim, facts, sources, firstSeenOn, clarifiedOn, unitIds: units, variants, keywords },
  }
}
