// The part of a connector's capabilities the shared table of platform rules decides (src/shared/platform-rules.ts):
// the text limit and how it is counted, images, video and alt text. A connector spreads these into its
// capabilities instead of restating them, so the composer, the language engine and publishing cannot disagree
// (tests/unit/platform-rules-agree.test.ts checks every registered connector).
import type { ConnectorCapabilities } from './connector.ts'
import { PLATFORM_RULES } from '../shared/platform-rules.ts'
import type { PostingPlatform } from '../shared/platforms.ts'

export type PostingCapabilities = Pick<
  ConnectorCapabilities,
  'maxTextLength' | 'textCounting' | 'maxImages' | 'video' | 'altText'
>

export function postingCapabilitiesOf(platform: PostingPlatform): PostingCapabilities {
  const rule = PLATFORM_RULES[platform]
  return {
    maxTextLength: rule.maxTextLength,
    textCounting: rule.textCounting,
    maxImages: rule.maxImages,
    video: rule.video,
    altText: rule.altTextRequired,
  }
}
