// Every message the server may send to a person, in both languages. The API answers a message key with its
// parameters (and the text in the caller's language); the web app renders the key in the language on screen.
// Add an area file beside this one and spread it below. What only the terminal says (the `warta` command, start-up,
// configuration errors) is in terminal-catalogue.ts, so the web app does not download it.
import { accessMessages } from './access-messages.ts'
import { accountsMessages } from './accounts-messages.ts'
import { agendaMessages } from './agenda-messages.ts'
import { approvalsMessages } from './approvals-messages.ts'
import { auditMessages } from './audit-messages.ts'
import { authMessages } from './auth-messages.ts'
import { blueskyMessages } from './bluesky-messages.ts'
import { calendarMessages } from './calendar-messages.ts'
import { commonMessages } from './common-messages.ts'
import { connectionsMessages } from './connections-messages.ts'
import { demoMessages } from './demo-messages.ts'
import type { MessagePair } from './define-messages.ts'
import { homeMessages } from './home-messages.ts'
import { hoaxMessages } from './hoax-messages.ts'
import { hoaxFeedbackMessages } from './hoax-feedback-messages.ts'
import { inboxNumbersMessages } from './inbox-numbers-messages.ts'
import { inboxWorkMessages } from './inbox-work-messages.ts'
import { metaMessages } from './meta-messages.ts'
import { mastodonMessages } from './mastodon-messages.ts'
import { namingMessages } from './naming-messages.ts'
import { postsMessages } from './posts-messages.ts'
import { publishingMessages } from './publishing-messages.ts'
import { repliesMessages } from './replies-messages.ts'
import { setupMessages } from './setup-messages.ts'
import { slaMessages } from './sla-messages.ts'
import { tiktokMessages } from './tiktok-messages.ts'
import { telegramMessages } from './telegram-messages.ts'
import { unitsMessages } from './units-messages.ts'
import { usersMessages } from './users-messages.ts'
import { youtubeMessages } from './youtube-messages.ts'
import { xMessages } from './x-messages.ts'

export const MESSAGES = {
  ...commonMessages,
  ...authMessages,
  ...auditMessages,
  ...usersMessages,
  ...unitsMessages,
  ...setupMessages,
  ...accountsMessages,
  ...accessMessages,
  ...calendarMessages,
  ...homeMessages,
  ...inboxWorkMessages,
  ...namingMessages,
  ...blueskyMessages,
  ...telegramMessages,
  ...metaMessages,
  ...mastodonMessages,
  ...connectionsMessages,
  ...hoaxMessages,
  ...hoaxFeedbackMessages,
  ...postsMessages,
  ...approvalsMessages,
  ...publishingMessages,
  ...agendaMessages,
  ...demoMessages,
  ...youtubeMessages,
  ...tiktokMessages,
  ...xMessages,
  ...inboxNumbersMessages,
  ...repliesMessages,
  ...slaMessages,
} as const satisfies Record<string, MessagePair>

export type MessageKey = keyof typeof MESSAGES

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(MESSAGES, value)
}
