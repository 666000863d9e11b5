// YouTube Data API v3 and Google OAuth payloads, shaped field for field like the documented responses. Sources:
// - channels.list:       https://developers.google.com/youtube/v3/docs/channels/list  (resource: docs/channels#resource)
// - videos (insert answer, list with statistics): https://developers.google.com/youtube/v3/docs/videos#resource
// - resumable upload:    https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol
//                        (step 1: 200 OK with `Location`; step 3: 201 Created with the video resource)
// - playlistItems.list:  https://developers.google.com/youtube/v3/docs/playlistItems#resource
// - commentThreads.list: https://developers.google.com/youtube/v3/docs/commentThreads#resource
// - comments (insert answer): https://developers.google.com/youtube/v3/docs/comments#resource
// - errors:              https://developers.google.com/youtube/v3/docs/errors and docs/core_errors (the JSON
//                        error body: {error: {code, message, errors: [{message, domain, reason}], status}})
// - OAuth token answers: https://developers.google.com/identity/protocols/oauth2/web-server#exchange-authorization-code
//                        (and #offline for refresh; `invalid_grant` for a revoked or expired refresh token)

export interface FixtureComment {
  id: string
  videoId: string
  channelId: string
  authorChannelId: string
  authorDisplayName: string
  text: string
  parentId: string | null
  publishedAt: string
}

export function channelResource(channel: { id: string; title: string; customUrl: string; uploads: string }) {
  return {
    kind: 'youtube#channel',
    etag: `etag-${channel.id}`,
    id: channel.id,
    snippet: {
      title: channel.title,
      description: '',
      customUrl: channel.customUrl,
      publishedAt: '2019-03-01T02:00:00Z',
      thumbnails: { default: { url: 'https://yt3.ggpht.com/a/default.jpg', width: 88, height: 88 } },
      localized: { title: channel.title, description: '' },
      country: 'ID',
    },
    contentDetails: { relatedPlaylists: { likes: '', uploads: channel.uploads } },
  }
}

export function listResponse<T>(kind: string, items: T[], nextPageToken?: string) {
  return {
    kind,
    etag: `etag-${kind}-${items.length}`,
    ...(nextPageToken ? { nextPageToken } : {}),
    pageInfo: { totalResults: items.length, resultsPerPage: items.length },
    items,
  }
}

export function videoResource(video: {
  id: string
  channelId: string
  channelTitle: string
  title: string
  description: string
  publishedAt: string
  privacyStatus?: string
}) {
  return {
    kind: 'youtube#video',
    etag: `etag-${video.id}`,
    id: video.id,
    snippet: {
      publishedAt: video.publishedAt,
      channelId: video.channelId,
      title: video.title,
      description: video.description,
      thumbnails: {
        default: { url: `https://i.ytimg.com/vi/${video.id}/default.jpg`, width: 120, height: 90 },
      },
      channelTitle: video.channelTitle,
      categoryId: '25',
      liveBroadcastContent: 'none',
      localized: { title: video.title, description: video.description },
    },
    status: {
      uploadStatus: 'uploaded',
      privacyStatus: video.privacyStatus ?? 'public',
      license: 'youtube',
      embeddable: true,
      publicStatsViewable: true,
      madeForKids: false,
      selfDeclaredMadeForKids: false,
    },
  }
}

export function statisticsResource(id: string, stats: { views: number; likes: number; comments: number }) {
  return {
    kind: 'youtube#video',
    etag: `etag-stats-${id}`,
    id,
    statistics: {
      viewCount: String(stats.views),
      likeCount: String(stats.likes),
      favoriteCount: '0',
      commentCount: String(stats.comments),
    },
  }
}

export function playlistItemResource(item: {
  playlistId: string
  position: number
  videoId: string
  channelId: string
  channelTitle: string
  title: string
  description: string
  publishedAt: string
}) {
  return {
    kind: 'youtube#playlistItem',
    etag: `etag-pli-${item.videoId}`,
    id: `${item.playlistId}.${item.videoId}`,
    snippet: {
      publishedAt: item.publishedAt,
      channelId: item.channelId,
      title: item.title,
      description: item.description,
      thumbnails: {
        default: { url: `https://i.ytimg.com/vi/${item.videoId}/default.jpg`, width: 120, height: 90 },
      },
      channelTitle: item.channelTitle,
      videoOwnerChannelTitle: item.channelTitle,
      videoOwnerChannelId: item.channelId,
      playlistId: item.playlistId,
      position: item.position,
      resourceId: { kind: 'youtube#video', videoId: item.videoId },
    },
  }
}

export function commentResource(comment: FixtureComment) {
  return {
    kind: 'youtube#comment',
    etag: `etag-${comment.id}`,
    id: comment.id,
    snippet: {
      channelId: comment.channelId,
      ...(comment.parentId ? { parentId: comment.parentId } : { videoId: comment.videoId }),
      textDisplay: comment.text,
      textOriginal: comment.text,
      authorDisplayName: comment.authorDisplayName,
      authorProfileImageUrl: 'https://yt3.ggpht.com/a/author.jpg',
      authorChannelUrl: `http://www.youtube.com/${comment.authorDisplayName}`,
      authorChannelId: { value: comment.authorChannelId },
      canRate: true,
      viewerRating: 'none',
      likeCount: 0,
      publishedAt: comment.publishedAt,
      updatedAt: comment.publishedAt,
    },
  }
}

/**
 * A thread with at most five of its replies: "unless the number of items in the replies.comments list equals
 * the value of the snippet.totalReplyCount property, the list of replies is only a subset" (commentThreads#resource).
 */
export function commentThreadResource(top: FixtureComment, replies: FixtureComment[]) {
  return {
    kind: 'youtube#commentThread',
    etag: `etag-thread-${top.id}`,
    id: top.id,
    snippet: {
      channelId: top.channelId,
      videoId: top.videoId,
      topLevelComment: commentResource(top),
      canReply: true,
      totalReplyCount: replies.length,
      isPublic: true,
    },
    ...(replies.length > 0 ? { replies: { comments: replies.slice(0, 5).map(commentResource) } } : {}),
  }
}

/** The Data API's error body (docs/core_errors). */
export function errorBody(code: number, reason: string, message: string, domain = 'youtube.api') {
  return { error: { code, message, errors: [{ message, domain, reason }], status: statusName(code) } }
}

function statusName(code: number): string {
  const names: Record<number, string> = {
    400: 'INVALID_ARGUMENT',
    401: 'UNAUTHENTICATED',
    403: 'PERMISSION_DENIED',
    404: 'NOT_FOUND',
    429: 'RESOURCE_EXHAUSTED',
    500: 'INTERNAL',
    503: 'UNAVAILABLE',
  }
  return names[code] ?? 'UNKNOWN'
}

/** The token endpoint's answers (web-server guide, "Step 5" and "Refreshing an access token"). */
export function tokenAnswer(input: {
  accessToken: string
  refreshToken?: string
  scope: string
  refreshTokenExpiresIn?: number
}) {
  return {
    access_token: input.accessToken,
    expires_in: 3599,
    ...(input.refreshToken ? { refresh_token: input.refreshToken } : {}),
    ...(input.refreshTokenExpiresIn ? { refresh_token_expires_in: input.refreshTokenExpiresIn } : {}),
    scope: input.scope,
    token_type: 'Bearer',
  }
}

export const INVALID_GRANT = {
  error: 'invalid_grant',
  error_description: 'Token has been expired or revoked.',
}
