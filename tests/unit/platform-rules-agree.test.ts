// One table of platform text and media rules (src/shared/platform-rules.ts): the composer and the language engine
// read it, and every connector Warta can connect must say the same in its capabilities, or the composer would let
// through what publishing refuses (or refuse what the platform takes).
import { describe, expect, it } from 'vitest'
import { capabilitiesOf, connectablePlatforms } from '../../src/connectors/registry.ts'
import { PLATFORM_RULES } from '../../src/shared/platform-rules.ts'
import { POSTING_PLATFORMS, type PostingPlatform } from '../../src/shared/platforms.ts'

const isPosting = (platform: string): platform is PostingPlatform =>
  (POSTING_PLATFORMS as readonly string[]).includes(platform)

describe('the connectors and the shared platform rules', () => {
  it('registers connectors only for posting platforms, which all have a rule', () => {
    expect(connectablePlatforms().filter((platform) => !isPosting(platform))).toEqual([])
  })

  it.each(connectablePlatforms())('gives %s the text and media rules of the shared table', (platform) => {
    const capabilities = capabilitiesOf(platform)!
    const rule = PLATFORM_RULES[platform as PostingPlatform]
    expect({
      maxTextLength: capabilities.maxTextLength,
      textCounting: capabilities.textCounting,
      maxImages: capabilities.maxImages,
      video: capabilities.video,
      altText: capabilities.altText,
    }).toEqual({
      maxTextLength: rule.maxTextLength,
      textCounting: rule.textCounting,
      maxImages: rule.maxImages,
      video: rule.video,
      altText: rule.altTextRequired,
    })
  })
})
