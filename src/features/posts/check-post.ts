// The compliance check of a post as the composer shows it: the language engine's checkDraft on the base text and
// on each variant, with each variant's platform rules beside it. Pure apart from the optional hoax claims.
import { checkDraft, type Finding, type HoaxMatcher } from '../../nlp/index.ts'
import type { PostingPlatform } from '../../shared/platforms.ts'
import { validateVariant, type VariantMedia, type VariantVerdict } from '../../shared/validate-variant.ts'

/**
 * The hoax knowledge base of an instansi as a matcher, or undefined while it has none (the API passes
 * features/hoax/hoax-matcher-provider.ts; tests may pass their own claims or none).
 */
export type ClaimsProvider = (instansiId: string) => Promise<HoaxMatcher | undefined>

export const noClaims: ClaimsProvider = () => Promise.resolve(undefined)

export interface CheckInput {
  baseText: string
  variants: ReadonlyArray<{
    key: string
    platform: PostingPlatform
    text: string
    media: readonly VariantMedia[]
  }>
}

export interface VariantCheck {
  key: string
  platform: PostingPlatform
  findings: Finding[]
  validation: VariantVerdict
}

export interface PostCheck {
  base: Finding[]
  variants: VariantCheck[]
  /** Blocking findings anywhere (base or variants). */
  blocking: number
  warnings: number
}

export function checkPostContent(input: CheckInput, claims: HoaxMatcher | undefined): PostCheck {
  const options = claims ? { claims } : {}
  // Each distinct text is checked once: variants start as copies of the base text, and the composer sends them
  // all on every pause in typing. The length is judged by the platform rules (validateVariant, the counter the
  // composer shows), so checkDraft's own length finding is dropped rather than reported twice.
  const cache = new Map<string, Finding[]>()
  const findingsOf = (text: string): Finding[] => {
    if (!text.trim()) return []
    let found = cache.get(text)
    if (!found) {
      found = checkDraft({ platform: 'facebook', text }, options).filter(
        (finding) => finding.code !== 'too_long_for_platform',
      )
      cache.set(text, found)
    }
    return found
  }
  const base = findingsOf(input.baseText)
  const variants = input.variants.map((variant) => ({
    key: variant.key,
    platform: variant.platform,
    findings: findingsOf(variant.text),
    validation: validateVariant(variant),
  }))
  const all = [...base, ...variants.flatMap((variant) => variant.findings)]
  return {
    base,
    variants,
    blocking: all.filter((finding) => finding.severity === 'block').length,
    warnings: all.filter((finding) => finding.severity === 'warn').length,
  }
}
