// The typed route tree (code-based): one route per page, each page's code loaded only when it is opened. The
// root route decides between first-run setup, sign-in, the steps the API demands first, and the signed-in shell.
import type { QueryClient } from '@tanstack/react-query'
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  type RouterHistory,
} from '@tanstack/react-router'
import { validateContentCalendarSearch } from '../features/content-calendar/content-calendar-search.ts'
import { validateInboxSearch } from '../features/inbox/inbox-search.ts'
import { NotFoundPage } from './not-found-page.tsx'
import { PAGES, type PageId } from './pages.ts'
import { RootLayout } from './root-layout.tsx'
import type { Action } from './session-types.ts'
import { isOAuthOutcome, type OAuthOutcome } from '../features/accounts/oauth-outcome.ts'

export interface RouterContext {
  queryClient: QueryClient
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
})

const staticData = (id: PageId) => ({ action: PAGES[id].action })

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.home.path,
  staticData: staticData('home'),
  component: lazyRouteComponent(() => import('../features/home/home-page.tsx'), 'HomePage'),
})
const unitsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.units.path,
  staticData: staticData('units'),
  component: lazyRouteComponent(() => import('../features/units/units-page.tsx'), 'UnitsPage'),
})
const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.users.path,
  staticData: staticData('users'),
  component: lazyRouteComponent(() => import('../features/users/users-page.tsx'), 'UsersPage'),
})
const accountsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.accounts.path,
  staticData: staticData('accounts'),
  // Back from a platform's OAuth page (api /oauth/callback): the account whose connection to open, and the outcome.
  // With oauth=choose_page, the pending choice of a login that manages several Pages.
  validateSearch: (
    search: Record<string, unknown>,
  ): { connection?: string; oauth?: OAuthOutcome; choice?: string } => {
    const result: { connection?: string; oauth?: OAuthOutcome; choice?: string } = {}
    if (typeof search.connection === 'string' && /^[0-9a-f-]{36}$/.test(search.connection))
      result.connection = search.connection
    if (isOAuthOutcome(search.oauth)) result.oauth = search.oauth
    if (typeof search.choice === 'string' && /^[0-9a-f-]{36}$/.test(search.choice))
      result.choice = search.choice
    return result
  },
  component: lazyRouteComponent(() => import('../features/accounts/accounts-page.tsx'), 'AccountsPage'),
})
const webhooksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.webhooks.path,
  staticData: staticData('webhooks'),
  component: lazyRouteComponent(() => import('../features/webhooks/webhooks-page.tsx'), 'WebhooksPage'),
})
const namingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.naming.path,
  staticData: staticData('naming'),
  component: lazyRouteComponent(() => import('../features/naming/naming-page.tsx'), 'NamingPage'),
})
const approvalsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.approvals.path,
  staticData: staticData('approvals'),
  component: lazyRouteComponent(
    () => import('../features/approvals/approval-queue-page.tsx'),
    'ApprovalQueuePage',
  ),
})
const approvalChainsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.approvalChains.path,
  staticData: staticData('approvalChains'),
  component: lazyRouteComponent(
    () => import('../features/approval-chains/approval-chains-page.tsx'),
    'ApprovalChainsPage',
  ),
})
const contentCalendarRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.contentCalendar.path,
  staticData: staticData('contentCalendar'),
  validateSearch: validateContentCalendarSearch,
  component: lazyRouteComponent(
    () => import('../features/content-calendar/content-calendar-page.tsx'),
    'ContentCalendarPage',
  ),
})
const calendarRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.calendar.path,
  staticData: staticData('calendar'),
  component: lazyRouteComponent(() => import('../features/calendar/calendar-page.tsx'), 'CalendarPage'),
})
const calendarDeadlineRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.calendarDeadline.path,
  staticData: staticData('calendarDeadline'),
  component: lazyRouteComponent(() => import('../features/calendar/deadline-page.tsx'), 'DeadlinePage'),
})
const calendarSettingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.calendarSettings.path,
  staticData: staticData('calendarSettings'),
  component: lazyRouteComponent(
    () => import('../features/calendar/calendar-settings-page.tsx'),
    'CalendarSettingsPage',
  ),
})
const calendarImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.calendarImport.path,
  staticData: staticData('calendarImport'),
  validateSearch: (search: Record<string, unknown>): { year?: number } => {
    const year = Number(search.year)
    return Number.isInteger(year) && year >= 2000 && year <= 2100 ? { year } : {}
  },
  component: lazyRouteComponent(
    () => import('../features/calendar/calendar-import-page.tsx'),
    'CalendarImportPage',
  ),
})
const attentionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.attention.path,
  staticData: staticData('attention'),
  component: lazyRouteComponent(() => import('../features/home/attention-page.tsx'), 'AttentionPage'),
})
const hoaxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.hoax.path,
  staticData: staticData('hoax'),
  component: lazyRouteComponent(() => import('../features/hoax/hoax-page.tsx'), 'HoaxPage'),
})
const savedRepliesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.savedReplies.path,
  staticData: staticData('savedReplies'),
  component: lazyRouteComponent(
    () => import('../features/saved-replies/saved-replies-page.tsx'),
    'SavedRepliesPage',
  ),
})
const routingRulesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.routingRules.path,
  staticData: staticData('routingRules'),
  component: lazyRouteComponent(
    () => import('../features/routing/routing-rules-page.tsx'),
    'RoutingRulesPage',
  ),
})
const publishedRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.published.path,
  staticData: staticData('published'),
  component: lazyRouteComponent(() => import('../features/published/published-page.tsx'), 'PublishedPage'),
})
const inboxNumbersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.inboxNumbers.path,
  staticData: staticData('inboxNumbers'),
  component: lazyRouteComponent(
    () => import('../features/inbox-numbers/inbox-numbers-page.tsx'),
    'InboxNumbersPage',
  ),
})
const inboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.inbox.path,
  staticData: staticData('inbox'),
  validateSearch: validateInboxSearch,
  component: lazyRouteComponent(() => import('../features/inbox/inbox-page.tsx'), 'InboxPage'),
})
const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.audit.path,
  staticData: staticData('audit'),
  component: lazyRouteComponent(() => import('../features/audit/audit-page.tsx'), 'AuditPage'),
})
const postsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.posts.path,
  staticData: staticData('posts'),
  component: lazyRouteComponent(() => import('../features/posts/drafts-page.tsx'), 'DraftsPage'),
})
const composerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.composer.path,
  staticData: staticData('composer'),
  component: lazyRouteComponent(() => import('../features/posts/composer-page.tsx'), 'ComposerPage'),
})
const postEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.postEdit.path,
  staticData: staticData('postEdit'),
  component: lazyRouteComponent(() => import('../features/posts/composer-page.tsx'), 'ComposerPage'),
})
const profileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.profile.path,
  staticData: staticData('profile'),
  component: lazyRouteComponent(() => import('../features/profile/profile-page.tsx'), 'ProfilePage'),
})

const agendaRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.agenda.path,
  staticData: staticData('agenda'),
  component: lazyRouteComponent(() => import('../features/agenda/agenda-list-page.tsx'), 'AgendaListPage'),
})
const agendaNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.agendaNew.path,
  staticData: staticData('agendaNew'),
  component: lazyRouteComponent(
    () => import('../features/agenda/agenda-create-page.tsx'),
    'AgendaCreatePage',
  ),
})
const agendaItemRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.agendaItem.path,
  staticData: staticData('agendaItem'),
  component: lazyRouteComponent(() => import('../features/agenda/agenda-item-page.tsx'), 'AgendaItemPage'),
})

const ppidRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.ppid.path,
  staticData: staticData('ppid'),
  component: lazyRouteComponent(() => import('../features/ppid/ppid-list-page.tsx'), 'PpidListPage'),
})
const ppidCaseRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.ppidCase.path,
  staticData: staticData('ppidCase'),
  component: lazyRouteComponent(() => import('../features/ppid/ppid-case-page.tsx'), 'PpidCasePage'),
})
const laporRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.lapor.path,
  staticData: staticData('lapor'),
  component: lazyRouteComponent(() => import('../features/lapor/lapor-page.tsx'), 'LaporPage'),
})
const replyTargetsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PAGES.replyTargets.path,
  staticData: staticData('replyTargets'),
  component: lazyRouteComponent(
    () => import('../features/reply-targets/reply-targets-page.tsx'),
    'ReplyTargetsPage',
  ),
})

export const routeTree = rootRoute.addChildren([
  homeRoute,
  unitsRoute,
  usersRoute,
  accountsRoute,
  webhooksRoute,
  namingRoute,
  approvalsRoute,
  contentCalendarRoute,
  approvalChainsRoute,
  calendarRoute,
  calendarDeadlineRoute,
  calendarSettingsRoute,
  calendarImportRoute,
  attentionRoute,
  hoaxRoute,
  savedRepliesRoute,
  routingRulesRoute,
  postsRoute,
  composerRoute,
  postEditRoute,
  publishedRoute,
  inboxNumbersRoute,
  inboxRoute,
  auditRoute,
  profileRoute,
  agendaRoute,
  agendaNewRoute,
  agendaItemRoute,
  ppidRoute,
  ppidCaseRoute,
  laporRoute,
  replyTargetsRoute,
])

export function createAppRouter(queryClient: QueryClient, history?: RouterHistory) {
  return createRouter({
    routeTree,
    context: { queryClient },
    ...(history ? { history } : {}),
    defaultPreload: 'intent',
    defaultPendingMs: 300,
    scrollRestoration: false,
  })
}

export type AppRouter = ReturnType<typeof createAppRouter>

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter
  }
  interface StaticDataRouteOption {
    /** The action the page needs (see pages.ts); the root layout refuses the page without it. */
    action?: Action | null
  }
}
