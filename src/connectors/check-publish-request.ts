// What every connector checks before sending a post: the capabilities decide (platforms.md §7), so a request
// the platform would refuse for good is `rejected` here with a reason a person can act on, not sent to fail there.
import { countText as countShared } from '../shared/count-text.ts'
import { ConnectorError, type ConnectorCapabilities, type PublishRequest } from './connector.ts'

const graphemes = new Intl.Segmenter('id', { granularity: 'grapheme' })

/** The length of a text as a platform counts it (X's weighted count is the X connector's own). */
export function countText(capabilities: ConnectorCapabilities, text: string): number {
  switch (capabilities.textCounting) {
    case 'graphemes':
      return [...graphemes.segment(text)].length
    case 'emoji_bytes':
      return countShared(text, 'emoji_bytes')
    case 'code_points':
    case 'x_weighted':
      return [...text].length
  }
}

export function checkPublishRequest(
  platformLabel: string,
  capabilities: ConnectorCapabilities,
  request: PublishRequest,
): void {
  const length = countText(capabilities, request.text)
  if (length > capabilities.maxTextLength)
    throw new ConnectorError('rejected', `text of ${length} over ${capabilities.maxTextLength}`, {
      reason: {
        key: 'connectors.text_too_long',
        params: { platform: platformLabel, length, maximum: capabilities.maxTextLength },
      },
    })
  if (request.text.trim() === '' && request.media.length === 0)
    throw new ConnectorError('rejected', 'empty post', { reason: { key: 'connectors.text_empty' } })
  const images = request.media.filter((item) => item.kind === 'image')
  if (request.media.some((item) => item.kind === 'video') && !capabilities.video)
    throw new ConnectorError('rejected', 'video not supported', {
      reason: { key: 'connectors.video_unsupported', params: { platform: platformLabel } },
    })
  if (images.length > capabilities.maxImages)
    throw new ConnectorError('rejected', `${images.length} images over ${capabilities.maxImages}`, {
      reason: {
        key: 'connectors.too_many_images',
        params: { platform: platformLabel, maximum: capabilities.maxImages },
      },
    })
  if (capabilities.altText && images.some((item) => item.altText.trim() === ''))
    throw new ConnectorError('rejected', 'image without alt text', {
      reason: { key: 'connectors.alt_text_required' },
    })
}

/** Throws `rejected` for an action the platform cannot do (the UI should not have offered it). */
export function requireCapability(platformLabel: string, allowed: boolean, action: string): void {
  if (!allowed)
    throw new ConnectorError('rejected', `${action} is not supported`, {
      reason: { key: 'connectors.capability_missing', params: { platform: platformLabel, action } },
    })
}
