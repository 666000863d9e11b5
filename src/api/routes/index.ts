// Every API resource. One folder per resource under routes/, each exporting a registration function.
// Add a line here when you add a resource.
import type { AppContext } from '../../context.ts'
import type { ApiInstance } from '../zod-type-provider.ts'
import { registerAuthRoutes } from './auth/auth-routes.ts'
import { registerMeRoutes } from './me/me-routes.ts'
import { registerSetupRoutes } from './setup/setup-routes.ts'
import { registerUsersRoutes } from './users/users-routes.ts'
import { registerUnitsRoutes } from './units/units-routes.ts'
import { registerAccountsRoutes } from './accounts/accounts-routes.ts'
import { registerConnectionsRoutes } from './connections/connections-routes.ts'
import { registerSandboxRoutes } from './sandbox/sandbox-routes.ts'
import { registerNamingRoutes } from './naming/naming-routes.ts'
import { registerCalendarRoutes } from './calendar/calendar-routes.ts'
import { registerAuditRoutes } from './audit/audit-routes.ts'
import { registerHomeRoutes } from './home/home-routes.ts'
import { registerHoaxClaimsRoutes } from './hoax-claims/hoax-claims-routes.ts'
import { createHoaxMatcherProvider } from '../../features/hoax/hoax-matcher-provider.ts'
import { registerPostsRoutes } from './posts/posts-routes.ts'
import { registerMediaRoutes } from './media/media-routes.ts'
import { registerApprovalChainsRoutes } from './approval-chains/approval-chains-routes.ts'
import { registerNotificationsRoutes } from './notifications/notifications-routes.ts'
import { registerApprovalsRoutes } from './approvals/approvals-routes.ts'
import { registerPublicationsRoutes } from './publications/publications-routes.ts'
import { registerAgendaRoutes } from './agenda/agenda-routes.ts'
import { registerPublishedRoutes } from './published/published-routes.ts'
import { registerInboxNumbersRoutes } from './inbox-numbers/inbox-numbers-routes.ts'
import { registerOAuthRoutes } from './oauth/oauth-routes.ts'
import { registerWebhooksRoutes } from './webhooks/webhooks-routes.ts'
import { registerSavedRepliesRoutes } from './saved-replies/saved-replies-routes.ts'
import { registerRoutingRulesRoutes } from './routing-rules/routing-rules-routes.ts'
import { registerInboxRoutes, type InboxEventTiming } from './inbox/inbox-routes.ts'
import { registerHoaxFeedbackRoutes } from './inbox/hoax-feedback-routes.ts'
import { registerPpidRoutes } from './ppid/ppid-routes.ts'
import { registerLaporRoutes } from './lapor/lapor-routes.ts'
import { registerReplyTargetsRoutes } from './reply-targets/reply-targets-routes.ts'
import type { DefinitionOverrides } from '../../connectors/registry.ts'

/** Tests only: fake platform definitions and the HTTP their fake platform answers on (production passes none). */
export interface PlatformOverrides {
  connectors?: DefinitionOverrides
  fetch?: typeof globalThis.fetch
  /** How often the inbox's live stream looks for changes and how long it lives (tests make it quick). */
  inboxEvents?: InboxEventTiming
}

export async function registerApiRoutes(
  app: ApiInstance,
  context: AppContext,
  platforms: PlatformOverrides = {},
): Promise<void> {
  registerAuthRoutes(app, context)
  registerMeRoutes(app, context)
  registerUsersRoutes(app, context)
  registerSetupRoutes(app, context)
  registerUnitsRoutes(app, context)
  registerAccountsRoutes(app, context)
  registerConnectionsRoutes(app, context, platforms)
  registerSandboxRoutes(app, context)
  registerNamingRoutes(app, context)
  registerCalendarRoutes(app, context)
  registerAuditRoutes(app, context)
  registerHomeRoutes(app, context)
  registerHoaxClaimsRoutes(app, context)
  // The composer's and the submission's checks use the instansi's hoax knowledge base.
  const claims = createHoaxMatcherProvider(context.db)
  registerPostsRoutes(app, context, { claims })
  registerMediaRoutes(app, context)
  registerApprovalChainsRoutes(app, context)
  registerNotificationsRoutes(app, context)
  registerApprovalsRoutes(app, context, { claims })
  registerPublicationsRoutes(app, context)
  registerAgendaRoutes(app, context)
  registerPublishedRoutes(app, context)
  registerInboxNumbersRoutes(app, context)
  registerOAuthRoutes(app, context, platforms)
  registerWebhooksRoutes(app, context, platforms)
  registerSavedRepliesRoutes(app, context)
  // The rule preview reads a sample text as ingestion would, with the instansi's hoax knowledge base.
  registerRoutingRulesRoutes(app, context, { claims })
  registerInboxRoutes(app, context, {
    ...(platforms.connectors ? { connectors: platforms.connectors } : {}),
    ...(platforms.inboxEvents ? { events: platforms.inboxEvents } : {}),
  })
  registerHoaxFeedbackRoutes(app, context)
  registerPpidRoutes(app, context)
  registerLaporRoutes(app, context)
  registerReplyTargetsRoutes(app, context)
}
