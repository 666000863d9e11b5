// The pages of the app, the action each needs and its name in the navigation. The routes (router.tsx) take their
// path and action from here, and the navigation lists only the pages the user may open.
import type { MessageKey } from '../i18n/message-key.ts'
import type { Action } from './session-types.ts'

export interface PageInfo {
  path: string
  label: MessageKey
  /** The action from `allowedActions` the page needs; null for pages every signed-in user has. */
  action: Action | null
}

export const PAGES = {
  home: { path: '/', label: 'nav.home', action: null },
  units: { path: '/units', label: 'nav.units', action: 'unit.read' },
  users: { path: '/users', label: 'nav.users', action: 'user.read' },
  accounts: { path: '/accounts', label: 'nav.accounts', action: 'account.read' },
  // The deployment's webhook deliveries and refusals: the API answers only the instansi's admins (top level).
  webhooks: { path: '/webhooks', label: 'nav.webhooks', action: 'settings.manage' },
  naming: { path: '/naming', label: 'nav.naming', action: 'naming.manage' },
  approvals: { path: '/approvals', label: 'nav.approvals', action: 'post.approve' },
  contentCalendar: { path: '/kalender-konten', label: 'nav.contentCalendar', action: 'post.read' },
  approvalChains: { path: '/approval-chains', label: 'nav.approvalChains', action: 'approval.manage' },
  calendar: { path: '/calendar', label: 'nav.calendar', action: 'calendar.read' },
  calendarDeadline: { path: '/calendar/deadline', label: 'nav.calendarDeadline', action: 'calendar.read' },
  calendarSettings: { path: '/calendar/settings', label: 'nav.calendarSettings', action: 'calendar.read' },
  calendarImport: { path: '/calendar/import', label: 'nav.calendarImport', action: 'calendar.manage' },
  attention: { path: '/attention/$item', label: 'nav.attention', action: 'account.read' },
  hoax: { path: '/hoax', label: 'nav.hoax', action: 'post.read' },
  savedReplies: { path: '/jawaban-baku', label: 'nav.savedReplies', action: 'inbox.read' },
  routingRules: { path: '/aturan-perutean', label: 'nav.routingRules', action: 'routing.manage' },
  audit: { path: '/audit', label: 'nav.audit', action: 'audit.read' },
  posts: { path: '/posts', label: 'nav.posts', action: 'post.create' },
  composer: { path: '/posts/new', label: 'nav.composer', action: 'post.create' },
  postEdit: { path: '/posts/$id', label: 'nav.composer', action: 'post.create' },
  published: { path: '/published', label: 'nav.published', action: 'post.read' },
  inboxNumbers: { path: '/inbox-numbers', label: 'nav.inboxNumbers', action: 'report.read' },
  inbox: { path: '/inbox', label: 'nav.inbox', action: 'inbox.read' },
  profile: { path: '/profile', label: 'nav.profile', action: null },
  // Everyone signed in: managers (agenda.manage) and the units with a task (post.create / post.read) see items;
  // the API answers each only what is theirs.
  agenda: { path: '/agenda', label: 'nav.agenda', action: null },
  agendaNew: { path: '/agenda/new', label: 'nav.agendaNew', action: 'agenda.manage' },
  agendaItem: { path: '/agenda/$id', label: 'nav.agendaItem', action: null },
  // SLA clocks (issue #9): PPID cases under UU KIP, SP4N-LAPOR! referrals, and the instansi's reply targets.
  ppid: { path: '/ppid', label: 'nav.ppid', action: 'ppid.manage' },
  ppidCase: { path: '/ppid/$id', label: 'nav.ppid', action: 'ppid.manage' },
  lapor: { path: '/lapor', label: 'nav.lapor', action: 'inbox.read' },
  replyTargets: { path: '/reply-targets', label: 'nav.replyTargets', action: 'settings.manage' },
} as const satisfies Record<string, PageInfo>

export type PageId = keyof typeof PAGES
export type PagePath = (typeof PAGES)[PageId]['path']

const NAVIGATION_ORDER: readonly PageId[] = [
  'home',
  'inbox',
  'posts',
  'approvals',
  'contentCalendar',
  'agenda',
  'published',
  'inboxNumbers',
  'ppid',
  'lapor',
  'units',
  'users',
  'accounts',
  'webhooks',
  'naming',
  'approvalChains',
  'calendar',
  'replyTargets',
  'hoax',
  'savedReplies',
  'routingRules',
  'audit',
  'profile',
]

export function visiblePages(
  allowedActions: readonly string[],
): { id: PageId; page: (typeof PAGES)[PageId] }[] {
  return NAVIGATION_ORDER.map((id) => ({ id, page: PAGES[id] })).filter(
    ({ page }) => page.action === null || allowedActions.includes(page.action),
  )
}
