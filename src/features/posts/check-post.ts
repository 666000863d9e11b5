// The compliance check of a post as the composer shows it: the language engine's checkDraft on the base text and
// on each variant, with each variant's platform rules beside it. Pure apart from the optional hoax claims.
import { checkDraft, type Finding, type HoaxMatcher } from '../../nlp/index.ts'
import type { PostingPlatform } from '../../shared/platforms.ts'
import { validateVariant, type VariantMedia, type VariantVerdict } from '../../shared/validate-variant.ts'

/**
 * The hoax knowledge base of an instansi as a matcher, or undefined while it has none. The knowledge base is built
 * on another branch; until it is wired in (one line in the posts deps), drafts are checked without claims.
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
  // The base text has no platform of its own: its length is judged in each variant (the platform rules), so the
  // length finding of the widest platform is dropped here.
  const base = input.baseText.trim()
    ? checkDraft({ platform: 'facebook', text: input.baseText }, options).filter(
        (finding) => finding.code !== 'too_long_for_platform',
      )
    : []
  const variants = input.variants.map((variant) => ({
    key: variant.key,
    platform: variant.platform,
    findings: variant.text.trim()
      ? checkDraft({ platform: variant.platform, text: variant.text }, options)
      : [],
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
