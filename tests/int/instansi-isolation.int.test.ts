// Walks every API route as a fully privileged user of instansi A against instansi B's ids. Each route must either
// answer 403/404 for B's objects, or be declared here as one that names no object of another instansi. A route
// added later without a line below fails the first test, so isolation is decided for every new route on purpose.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import sharp from 'sharp'
import { buildApp } from '../../src/api/app.ts'
import { generateTotpSecret } from '../../src/features/identity/totp.ts'
import { ROLES } from '../../src/features/access/policy.ts'
import { getTestContext } from '../support/test-context.ts'
import { createTestInstansi, createTestUnit, createTestUser, type TestInstansi } from '../support/fixtures.ts'
import { loginAs, type LoginHeaders } from '../support/auth.ts'
import { insertNewItems } from '../../src/db/inbox-repository.ts'
import { insertReply } from '../../src/db/inbox-work-repository.ts'
import { createClassifiedItem } from '../support/sla-fixtures.ts'

interface ForeignIds {
  unitId: string
  childUnitId: string
  userId: string
  grantId: string
  accountId: string
  importId: string
  hoaxClaimId: string
  sessionId: string
  tokenId: string
  /** Numeric ids (audit entries, checkpoints): too short to search list bodies for, so not leak-checked. */
  auditEntryId: number
  checkpointId: number
  postId: string
  /** The post's one variant (a publication). */
  variantId: string
  mediaId: string
  agendaItemId: string
  agendaTaskId: string
  savedReplyId: string
  routingRuleId: string
  /** An inbox item of B's (stored directly: no API creates one). */
  inboxItemId: string
  inboxReplyId: string
  inboxViewId: string
  ppidCaseId: string
  /** An inbox item classified keluhan, and its LAPOR! referral. */
  complaintItemId: string
  laporReferralId: string
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
interface RouteCase {
  url: (b: ForeignIds) => string
  body?: (b: ForeignIds, a: { unitId: string; userId: string }) => unknown
}

/** Routes that address an object by id: instansi A's user must get 403 or 404 for B's ids. */
const foreignObjectRoutes: Record<string, RouteCase> = {
  'GET /api/ppid/cases/{id}': { url: (b) => `/api/ppid/cases/${b.ppidCaseId}` },
  'POST /api/ppid/cases/{id}/extend': {
    url: (b) => `/api/ppid/cases/${b.ppidCaseId}/extend`,
    body: () => ({ reason: 'Susupan' }),
  },
  'PUT /api/ppid/cases/{id}/notice': {
    url: (b) => `/api/ppid/cases/${b.ppidCaseId}/notice`,
    body: () => ({ notice: { held: true } }),
  },
  'POST /api/ppid/cases/{id}/notice/send': {
    url: (b) => `/api/ppid/cases/${b.ppidCaseId}/notice/send`,
    body: () => ({ notice: { held: false, decision: 'not_held', holderUnknown: true } }),
  },
  'POST /api/ppid/cases/{id}/objection': {
    url: (b) => `/api/ppid/cases/${b.ppidCaseId}/objection`,
    body: () => ({ grounds: ['c'] }),
  },
  'POST /api/ppid/cases/{id}/objection/answer': {
    url: (b) => `/api/ppid/cases/${b.ppidCaseId}/objection/answer`,
    body: () => ({ upholdsRefusal: false }),
  },
  'GET /api/lapor/referrals/{id}': { url: (b) => `/api/lapor/referrals/${b.laporReferralId}` },
  'POST /api/lapor/referrals/{id}/progress': {
    url: (b) => `/api/lapor/referrals/${b.laporReferralId}/progress`,
    body: () => ({ stage: 'verified' }),
  },
  'DELETE /api/me/sessions/{id}': { url: (b) => `/api/me/sessions/${b.sessionId}` },
  'DELETE /api/me/tokens/{id}': { url: (b) => `/api/me/tokens/${b.tokenId}` },
  'GET /api/users/{id}': { url: (b) => `/api/users/${b.userId}` },
  'PATCH /api/users/{id}': { url: (b) => `/api/users/${b.userId}`, body: () => ({ name: 'Diambil alih' }) },
  'POST /api/users/{id}/reset-password': { url: (b) => `/api/users/${b.userId}/reset-password` },
  'POST /api/users/{id}/reset-two-factor': { url: (b) => `/api/users/${b.userId}/reset-two-factor` },
  'PUT /api/users/{id}/training-mode': {
    url: (b) => `/api/users/${b.userId}/training-mode`,
    body: () => ({ enabled: true }),
  },
  'POST /api/users/{id}/grants': {
    url: (b) => `/api/users/${b.userId}/grants`,
    body: (b) => ({ unitId: b.unitId, role: 'admin' }),
  },
  'DELETE /api/users/{id}/grants/{grantId}': { url: (b) => `/api/users/${b.userId}/grants/${b.grantId}` },
  'GET /api/units/{id}': { url: (b) => `/api/units/${b.unitId}` },
  'PATCH /api/units/{id}': {
    url: (b) => `/api/units/${b.childUnitId}`,
    body: () => ({ name: 'Diambil alih' }),
  },
  'POST /api/units/{id}/move': {
    url: (b) => `/api/units/${b.childUnitId}/move`,
    body: (_b, a) => ({ parentId: a.unitId }),
  },
  'POST /api/units/{id}/archive': {
    url: (b) => `/api/units/${b.childUnitId}/archive`,
    body: () => ({ force: true }),
  },
  'POST /api/units/{id}/unarchive': { url: (b) => `/api/units/${b.childUnitId}/unarchive` },
  'GET /api/accounts/{id}': { url: (b) => `/api/accounts/${b.accountId}` },
  'PATCH /api/accounts/{id}': {
    url: (b) => `/api/accounts/${b.accountId}`,
    body: () => ({ notes: 'Diambil alih' }),
  },
  'DELETE /api/accounts/{id}': { url: (b) => `/api/accounts/${b.accountId}` },
  'GET /api/accounts/{id}/connection': { url: (b) => `/api/accounts/${b.accountId}/connection` },
  'POST /api/accounts/{id}/connection': {
    url: (b) => `/api/accounts/${b.accountId}/connection`,
    body: () => ({}),
  },
  'DELETE /api/accounts/{id}/connection': { url: (b) => `/api/accounts/${b.accountId}/connection` },
  'POST /api/accounts/{id}/connection/check': { url: (b) => `/api/accounts/${b.accountId}/connection/check` },
  'POST /api/accounts/{id}/oauth/start': { url: (b) => `/api/accounts/${b.accountId}/oauth/start` },
  // B's account (a pending choice is bound to its account and instansi: any choice id is not found through it).
  'GET /api/accounts/{id}/oauth/choices/{choiceId}': {
    url: (b) => `/api/accounts/${b.accountId}/oauth/choices/${b.accountId}`,
  },
  'POST /api/accounts/{id}/oauth/choices/{choiceId}': {
    url: (b) => `/api/accounts/${b.accountId}/oauth/choices/${b.accountId}`,
    body: () => ({ platformAccountId: '1001' }),
  },
  'GET /api/accounts/people': { url: (b) => `/api/accounts/people?unitId=${b.childUnitId}` },
  'GET /api/accounts/imports/{id}': { url: (b) => `/api/accounts/imports/${b.importId}` },
  'GET /api/accounts/imports/{id}/items': { url: (b) => `/api/accounts/imports/${b.importId}/items` },
  'POST /api/accounts/imports/{id}/apply': { url: (b) => `/api/accounts/imports/${b.importId}/apply` },
  'POST /api/accounts/imports/{id}/discard': { url: (b) => `/api/accounts/imports/${b.importId}/discard` },
  'GET /api/naming/test': { url: (b) => `/api/naming/test?platform=x&unitId=${b.childUnitId}&pattern=humas` },
  'GET /api/audit/{id}': { url: (b) => `/api/audit/${b.auditEntryId}` },
  'GET /api/audit/checkpoints/{id}/file': { url: (b) => `/api/audit/checkpoints/${b.checkpointId}/file` },
  'GET /api/hoax-claims/{id}': { url: (b) => `/api/hoax-claims/${b.hoaxClaimId}` },
  'PATCH /api/hoax-claims/{id}': {
    url: (b) => `/api/hoax-claims/${b.hoaxClaimId}`,
    body: () => ({ facts: 'Diambil alih' }),
  },
  'POST /api/hoax-claims/{id}/archive': { url: (b) => `/api/hoax-claims/${b.hoaxClaimId}/archive` },
  'POST /api/hoax-claims/{id}/unarchive': { url: (b) => `/api/hoax-claims/${b.hoaxClaimId}/unarchive` },
  'GET /api/posts/{id}': { url: (b) => `/api/posts/${b.postId}` },
  'PUT /api/posts/{id}': {
    url: (b) => `/api/posts/${b.postId}`,
    body: () => ({ version: 1, title: 'Diambil alih', baseText: 'Diambil alih' }),
  },
  'DELETE /api/posts/{id}': { url: (b) => `/api/posts/${b.postId}` },
  'POST /api/posts/{id}/submit': {
    url: (b) => `/api/posts/${b.postId}/submit`,
    body: () => ({ version: 1 }),
  },
  'POST /api/posts/{id}/override': {
    url: (b) => `/api/posts/${b.postId}/override`,
    body: () => ({ version: 1, reason: 'Diambil alih oleh instansi lain' }),
  },
  'GET /api/approval-chains/units/{unitId}': { url: (b) => `/api/approval-chains/units/${b.childUnitId}` },
  'PUT /api/approval-chains/units/{unitId}': {
    url: (b) => `/api/approval-chains/units/${b.childUnitId}`,
    body: () => ({
      steps: [{ kind: 'role', role: 'penanggung_jawab', mode: 'any' }],
      rescheduleRequiresApproval: true,
      crisisApproverIds: [],
    }),
  },
  'DELETE /api/approval-chains/units/{unitId}': { url: (b) => `/api/approval-chains/units/${b.childUnitId}` },
  'GET /api/approval-chains/accounts/{accountId}': {
    url: (b) => `/api/approval-chains/accounts/${b.accountId}`,
  },
  'PUT /api/approval-chains/accounts/{accountId}': {
    url: (b) => `/api/approval-chains/accounts/${b.accountId}`,
    body: () => ({
      steps: [{ kind: 'role', role: 'penanggung_jawab', mode: 'any' }],
      rescheduleRequiresApproval: true,
      crisisApproverIds: [],
    }),
  },
  'DELETE /api/approval-chains/accounts/{accountId}': {
    url: (b) => `/api/approval-chains/accounts/${b.accountId}`,
  },
  'POST /api/posts/{id}/approve': { url: (b) => `/api/posts/${b.postId}/approve`, body: () => ({}) },
  'POST /api/posts/{id}/reject': {
    url: (b) => `/api/posts/${b.postId}/reject`,
    body: () => ({ comment: 'Diambil alih' }),
  },
  'POST /api/posts/{id}/request-changes': {
    url: (b) => `/api/posts/${b.postId}/request-changes`,
    body: () => ({ comment: 'Diambil alih' }),
  },
  'GET /api/posts/{id}/decisions': { url: (b) => `/api/posts/${b.postId}/decisions` },
  'POST /api/posts/{id}/reschedule': {
    url: (b) => `/api/posts/${b.postId}/reschedule`,
    body: () => ({ version: 1, scheduledAt: null }),
  },
  'GET /api/posts/{id}/publications': { url: (b) => `/api/posts/${b.postId}/publications` },
  'POST /api/posts/{id}/cancel': { url: (b) => `/api/posts/${b.postId}/cancel` },
  'POST /api/posts/{id}/publications/{variantId}/retry': {
    url: (b) => `/api/posts/${b.postId}/publications/${b.variantId}/retry`,
  },
  'GET /api/media/{id}': { url: (b) => `/api/media/${b.mediaId}` },
  'GET /api/media/{id}/thumbnail': { url: (b) => `/api/media/${b.mediaId}/thumbnail` },
  'GET /api/agenda/{id}': { url: (b) => `/api/agenda/${b.agendaItemId}` },
  'PUT /api/agenda/{id}': {
    url: (b) => `/api/agenda/${b.agendaItemId}`,
    body: (b) => ({
      unitId: b.unitId,
      title: 'Diambil alih',
      keyMessages: ['Diambil alih'],
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
    }),
  },
  'POST /api/agenda/{id}/close': { url: (b) => `/api/agenda/${b.agendaItemId}/close` },
  'POST /api/agenda/{id}/reopen': { url: (b) => `/api/agenda/${b.agendaItemId}/reopen` },
  'POST /api/agenda/{id}/tasks': {
    url: (b) => `/api/agenda/${b.agendaItemId}/tasks`,
    body: (b) => ({ unitIds: [b.unitId] }),
  },
  'POST /api/agenda/tasks/{taskId}/start': {
    url: (b) => `/api/agenda/tasks/${b.agendaTaskId}/start`,
    body: () => ({ mode: 'adapt' }),
  },
  'GET /api/saved-replies/{id}': { url: (b) => `/api/saved-replies/${b.savedReplyId}` },
  'PATCH /api/saved-replies/{id}': {
    url: (b) => `/api/saved-replies/${b.savedReplyId}`,
    body: () => ({ body: 'Diambil alih' }),
  },
  'DELETE /api/saved-replies/{id}': { url: (b) => `/api/saved-replies/${b.savedReplyId}` },
  'POST /api/saved-replies/{id}/render': {
    url: (b) => `/api/saved-replies/${b.savedReplyId}/render`,
    body: (b) => ({ itemId: b.inboxItemId }),
  },
  'PATCH /api/routing-rules/{id}': {
    url: (b) => `/api/routing-rules/${b.routingRuleId}`,
    body: () => ({ name: 'Diambil alih' }),
  },
  'DELETE /api/routing-rules/{id}': { url: (b) => `/api/routing-rules/${b.routingRuleId}` },
  'POST /api/inbox/items/{id}/clarification': {
    url: (b) => `/api/inbox/items/${b.inboxItemId}/clarification`,
  },
  'GET /api/inbox/items/{id}': { url: (b) => `/api/inbox/items/${b.inboxItemId}` },
  'POST /api/inbox/items/{id}/presence': {
    url: (b) => `/api/inbox/items/${b.inboxItemId}/presence`,
    body: () => ({ typing: true }),
  },
  'POST /api/inbox/items/{id}/replies': {
    url: (b) => `/api/inbox/items/${b.inboxItemId}/replies`,
    body: () => ({ text: 'Diambil alih' }),
  },
  'POST /api/inbox/items/{id}/hide': { url: (b) => `/api/inbox/items/${b.inboxItemId}/hide` },
  'POST /api/inbox/items/{id}/delete': { url: (b) => `/api/inbox/items/${b.inboxItemId}/delete` },
  'POST /api/inbox/items/{id}/notes': {
    url: (b) => `/api/inbox/items/${b.inboxItemId}/notes`,
    body: () => ({ text: 'Diambil alih' }),
  },
  'POST /api/inbox/items/{id}/assign': {
    url: (b) => `/api/inbox/items/${b.inboxItemId}/assign`,
    body: (_b, a) => ({ userId: a.userId }),
  },
  'POST /api/inbox/items/{id}/close': { url: (b) => `/api/inbox/items/${b.inboxItemId}/close` },
  'POST /api/inbox/items/{id}/reopen': { url: (b) => `/api/inbox/items/${b.inboxItemId}/reopen` },
  'GET /api/inbox/items/{id}/hoax-feedback': {
    url: (b) => `/api/inbox/items/${b.inboxItemId}/hoax-feedback`,
  },
  'PUT /api/inbox/items/{id}/hoax-feedback': {
    url: (b) => `/api/inbox/items/${b.inboxItemId}/hoax-feedback`,
    body: (b) => ({ verdict: 'other_claim', claimId: b.hoaxClaimId }),
  },
  'POST /api/inbox/items/{id}/hoax-feedback/variant': {
    url: (b) => `/api/inbox/items/${b.inboxItemId}/hoax-feedback/variant`,
    body: () => ({ text: 'Diambil alih' }),
  },
  'POST /api/inbox/replies/{id}/approve': { url: (b) => `/api/inbox/replies/${b.inboxReplyId}/approve` },
  'POST /api/inbox/replies/{id}/reject': { url: (b) => `/api/inbox/replies/${b.inboxReplyId}/reject` },
  'POST /api/inbox/replies/{id}/retry': {
    url: (b) => `/api/inbox/replies/${b.inboxReplyId}/retry`,
    body: () => ({ checked: true }),
  },
  'DELETE /api/inbox/views/{id}': { url: (b) => `/api/inbox/views/${b.inboxViewId}` },
}

/** Routes without an id in the path whose body can name another instansi's objects. */
const foreignReferenceRoutes: Record<string, RouteCase> = {
  'POST /api/ppid/cases': {
    url: () => '/api/ppid/cases',
    body: (b) => ({ unitId: b.childUnitId, requesterName: 'Susup', requestText: 'Susupan' }),
  },
  'POST /api/lapor/referrals': {
    url: () => '/api/lapor/referrals',
    body: (b) => ({ inboxItemId: b.complaintItemId, outOfScope: null }),
  },
  'POST /api/units': {
    url: () => '/api/units',
    body: (b) => ({ parentId: b.unitId, code: 'SUSUP', name: 'Unit Susupan' }),
  },
  'POST /api/users': {
    url: () => '/api/users',
    body: (b) => ({
      email: `susup-${Date.now()}@uji.go.id`,
      name: 'Susup',
      grants: [{ unitId: b.unitId, role: 'admin' }],
    }),
  },
  'POST /api/hoax-claims': {
    url: () => '/api/hoax-claims',
    body: (b) => ({ label: 'hoaks', claim: 'Klaim susupan', facts: 'Fakta susupan', unitIds: [b.unitId] }),
  },
  'POST /api/accounts': {
    url: () => '/api/accounts',
    body: (b, a) => ({
      unitId: b.unitId,
      platform: 'instagram',
      handle: 'susupan',
      penanggungJawabUserId: a.userId,
    }),
  },
  'POST /api/agenda': {
    url: () => '/api/agenda',
    body: (b, a) => ({
      unitId: a.unitId,
      title: 'Susupan',
      keyMessages: ['Susupan'],
      mediaIds: [b.mediaId],
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
      targets: { unitIds: [b.childUnitId], accountIds: [b.accountId] },
    }),
  },
  'POST /api/routing-rules': {
    url: () => '/api/routing-rules',
    body: (b) => ({
      name: 'Susupan',
      conditions: { unitIds: [b.childUnitId] },
      action: { kind: 'assign_unit', unitId: b.childUnitId },
    }),
  },
  'POST /api/routing-rules/preview': {
    url: () => '/api/routing-rules/preview',
    body: (b) => ({
      rule: { conditions: { hoaxMatched: true }, action: { kind: 'add_label', label: 'x' } },
      sample: { text: 'Susupan', accountId: b.accountId },
    }),
  },
  'POST /api/saved-replies': {
    url: () => '/api/saved-replies',
    body: (b) => ({ unitId: b.childUnitId, title: 'Susupan', body: 'Susupan' }),
  },
  'POST /api/posts': {
    url: () => '/api/posts',
    body: (b) => ({
      unitId: b.childUnitId,
      title: 'Susupan',
      baseText: 'Susupan',
      targets: [b.accountId],
      variants: [{ accountId: b.accountId, media: [{ mediaId: b.mediaId, altText: 'x' }] }],
    }),
  },
  'POST /api/inbox/bulk': {
    url: () => '/api/inbox/bulk',
    body: (b) => ({ action: 'close', ids: [b.inboxItemId] }),
  },
}

/**
 * Routes that name no object of any instansi by id (the caller's own data, sign-in, setup, or the calendar keyed
 * by date): covered by the list and no-side-effect checks below.
 */
const ownDataRoutes = new Set([
  'GET /api/sandbox/settings',
  'PUT /api/sandbox/settings',
  'GET /api/auth/options',
  'POST /api/auth/login',
  'POST /api/auth/password-reset/request',
  'POST /api/auth/password-reset',
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'POST /api/auth/two-factor',
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
  // Public: the state (issued to the user who started, hashed, once) names the account; a caller names nothing.
  'GET /api/oauth/callback',
  // Public, the platform's signature is the proof; a delivery belongs to no instansi until processed.
  'GET /api/webhooks/{platform}',
  'POST /api/webhooks/{platform}',
  // The deployment's refused deliveries per platform and reason: no instansi's data.
  'GET /api/webhook-rejections',
  'PATCH /api/me',
  'POST /api/me/password',
  'GET /api/me/two-factor',
  'POST /api/me/two-factor/enrol',
  'POST /api/me/two-factor/confirm',
  'POST /api/me/two-factor/recovery-codes',
  'POST /api/me/two-factor/disable',
  'GET /api/me/sessions',
  'GET /api/me/tokens',
  'POST /api/me/tokens',
  'GET /api/users',
  'GET /api/setup',
  'POST /api/setup',
  // Only into an empty deployment: refused here like POST /api/setup.
  'POST /api/setup/demo',
  'GET /api/units',
  'GET /api/accounts/meta',
  'GET /api/accounts',
  'GET /api/accounts/export.csv',
  'GET /api/accounts/import-template.csv',
  // A CSV names units and people by code and e-mail, looked up within the caller's own instansi.
  'POST /api/accounts/imports',
  'GET /api/accounts/imports',
  'GET /api/naming/patterns',
  'PUT /api/naming/patterns',
  'GET /api/naming/report',
  'GET /api/calendar',
  'GET /api/calendar/deadline',
  'POST /api/calendar/days',
  'PATCH /api/calendar/days/{date}',
  'DELETE /api/calendar/days/{date}',
  'POST /api/calendar/days/{date}/reset',
  'PUT /api/calendar/settings',
  'POST /api/calendar/import',
  'GET /api/home/attention',
  'GET /api/home/attention/{item}',
  'PUT /api/home/attention/settings',
  'GET /api/audit',
  'GET /api/audit/export.csv',
  'GET /api/audit/filters',
  'GET /api/audit/checkpoints',
  'POST /api/audit/checkpoints',
  'GET /api/hoax-claims/meta',
  'GET /api/hoax-claims',
  'GET /api/hoax-claims/export.csv',
  'GET /api/hoax-claims/import-template.csv',
  // A CSV names units by code and claims by id or words, looked up within the caller's own instansi.
  'POST /api/hoax-claims/import',
  // The deployment's public signing key: the same for every instansi, and public by design.
  'GET /api/audit/signing-key',
  'GET /api/posts/targets',
  'GET /api/posts',
  // The content calendar: a unit or account id of another instansi finds nothing (filtered on instansi_id).
  'GET /api/posts/calendar',
  // The check reads only the text it is sent.
  'POST /api/posts/check',
  'POST /api/media',
  'GET /api/approval-chains',
  'GET /api/notifications',
  // Marks read only the caller's own notifications (filtered on recipient and instansi).
  'POST /api/notifications/read',
  // The queue lists only the caller's own instansi's posts in review (filtered on instansi_id).
  'GET /api/approvals/queue',
  // Lists only agenda items of the caller's own instansi (filtered on instansi_id).
  'GET /api/agenda',
  // The registry lists only the caller's own instansi's variants; a foreign unitId is not found.
  'GET /api/published',
  'GET /api/published.csv',
  // Aggregates over the caller's own instansi's inbox items (filtered on instansi_id); a foreign unitId is not found.
  'GET /api/inbox-numbers',
  'GET /api/inbox-numbers.csv',
  'GET /api/saved-replies/meta',
  // Lists only the caller's own instansi's saved replies; a foreign unitId or itemId finds nothing.
  'GET /api/saved-replies',
  'GET /api/routing-rules',
  // Names only the caller's own rules: a list with any other id is refused as not the list, and nothing moves.
  'PUT /api/routing-rules/order',
  // The inbox lists, counts and streams only the caller's instansi's items in their units; a foreign unitId is
  // not found. Saved views are the caller's own.
  'GET /api/inbox/items',
  'GET /api/inbox/counts',
  'GET /api/inbox/events',
  'GET /api/inbox/views',
  'POST /api/inbox/views',
  // PPID cases and LAPOR! referrals: lists and the export are filtered on instansi_id and the caller's units.
  'GET /api/ppid/cases',
  'GET /api/ppid/requests',
  'GET /api/lapor/referrals',
  'GET /api/lapor/complaints',
  'GET /api/lapor/referrals/export.csv',
  // The caller's own instansi's reply targets (a setting keyed by instansi).
  'GET /api/reply-targets',
  'PUT /api/reply-targets',
])

/** List endpoints whose answers must contain none of B's ids. */
const listUrls = [
  '/api/units?includeArchived=true',
  '/api/users',
  '/api/accounts?limit=500',
  '/api/accounts/export.csv',
  '/api/accounts/imports',
  '/api/naming/report',
  '/api/audit?limit=500',
  '/api/audit/export.csv',
  '/api/audit/filters',
  '/api/audit/checkpoints',
  '/api/me/sessions',
  '/api/me/tokens',
  '/api/calendar?year=2026',
  '/api/hoax-claims',
  '/api/hoax-claims/export.csv',
  '/api/home/attention',
  '/api/home/attention/naming',
  '/api/home/attention/platform_two_factor',
  '/api/home/attention/surat_tugas',
  '/api/home/attention/credential_rotation',
  '/api/posts?mine=false',
  '/api/posts?mine=true',
  '/api/posts/targets',
  `/api/posts/calendar?from=${new Date(Date.now() - 30 * 86_400_000).toISOString()}&to=${new Date(Date.now() + 30 * 86_400_000).toISOString()}`,
  '/api/approvals/queue',
  '/api/approval-chains',
  '/api/notifications',
  '/api/agenda',
  '/api/published?limit=200',
  '/api/published.csv',
  '/api/inbox-numbers',
  '/api/inbox-numbers.csv',
  '/api/saved-replies',
  '/api/routing-rules',
  '/api/inbox/items?status=new,open,answered,closed&limit=200',
  '/api/inbox/counts',
  '/api/inbox/views',
  '/api/ppid/cases',
  '/api/ppid/requests',
  '/api/lapor/referrals',
  '/api/lapor/complaints',
  '/api/lapor/referrals/export.csv',
]

/** What B's own admin sees; must be identical before and after A's walk. */
const snapshotUrls = [
  '/api/units?includeArchived=true',
  '/api/users',
  '/api/accounts?limit=500',
  '/api/accounts/imports',
  '/api/naming/patterns',
  '/api/calendar?year=2026',
  '/api/hoax-claims',
  '/api/me/tokens',
  '/api/posts?mine=true',
  '/api/agenda',
  '/api/saved-replies',
  '/api/routing-rules',
  '/api/inbox/items?status=new,open,answered,closed&limit=200',
  '/api/inbox/views',
  '/api/ppid/cases',
  '/api/lapor/referrals',
  '/api/reply-targets',
]

let app: FastifyInstance
let a: { owner: TestInstansi; session: LoginHeaders; userId: string }
let b: { owner: TestInstansi; session: LoginHeaders; ids: ForeignIds }

async function privilegedUser(
  app: FastifyInstance,
  owner: TestInstansi,
): Promise<{ session: LoginHeaders; userId: string }> {
  const { db } = await getTestContext()
  const secret = generateTotpSecret()
  const user = await createTestUser(
    db,
    owner,
    ROLES.map((role) => ({ unitId: owner.rootUnit.id, role })),
    { totpSecret: secret },
  )
  return { session: await loginAs(app, { ...user, totpSecret: secret }), userId: user.id }
}

async function snapshot(): Promise<string[]> {
  const bodies: string[] = []
  for (const url of snapshotUrls) {
    const response = await app.inject({ method: 'GET', url, headers: b.session.headers })
    expect(response.statusCode, url).toBe(200)
    bodies.push(response.body)
  }
  return bodies
}

beforeAll(async () => {
  const ctx = await getTestContext()
  app = await buildApp(ctx)
  await app.ready()

  const ownerA = await createTestInstansi(ctx.db, 'Instansi A')
  const privilegedA = await privilegedUser(app, ownerA)
  a = { owner: ownerA, ...privilegedA }

  const ownerB = await createTestInstansi(ctx.db, 'Instansi B')
  const privilegedB = await privilegedUser(app, ownerB)
  const child = await createTestUnit(ctx.db, ownerB, ownerB.rootUnit)
  const member = await createTestUser(ctx.db, ownerB, [{ unitId: child.id, role: 'pengelola' }])
  const memberView = await app.inject({
    method: 'GET',
    url: `/api/users/${member.id}`,
    headers: privilegedB.session.headers,
  })
  const grantId = memberView.json<{ grants: { id: string }[] }>().grants[0]!.id
  const account = await app.inject({
    method: 'POST',
    url: '/api/accounts',
    headers: privilegedB.session.headers,
    payload: {
      unitId: child.id,
      platform: 'instagram',
      handle: 'humas_b_resmi',
      penanggungJawabUserId: privilegedB.userId,
    },
  })
  expect(account.statusCode, account.body).toBe(200)
  const upload = await app.inject({
    method: 'POST',
    url: '/api/accounts/imports',
    headers: privilegedB.session.headers,
    payload: {
      csv: `platform,nama_akun,kode_unit,penanggung_jawab_email\nx,humas_b_impor,${child.code},nobody@b.go.id\n`,
    },
  })
  expect(upload.statusCode, upload.body).toBe(200)
  const hoaxClaim = await app.inject({
    method: 'POST',
    url: '/api/hoax-claims',
    headers: privilegedB.session.headers,
    payload: { label: 'hoaks', claim: 'Klaim milik B', facts: 'Fakta milik B', unitIds: [child.id] },
  })
  expect(hoaxClaim.statusCode, hoaxClaim.body).toBe(200)
  const token = await app.inject({
    method: 'POST',
    url: '/api/me/tokens',
    headers: privilegedB.session.headers,
    payload: { name: 'otomasi B' },
  })
  expect(token.statusCode, token.body).toBe(200)
  const sessions = await app.inject({
    method: 'GET',
    url: '/api/me/sessions',
    headers: privilegedB.session.headers,
  })
  const checkpoint = await app.inject({
    method: 'POST',
    url: '/api/audit/checkpoints',
    headers: privilegedB.session.headers,
  })
  expect(checkpoint.statusCode, checkpoint.body).toBe(200)
  const entries = await app.inject({
    method: 'GET',
    url: '/api/audit?limit=1',
    headers: privilegedB.session.headers,
  })
  const image = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#0a6' } })
    .png()
    .toBuffer()
  const media = await app.inject({
    method: 'POST',
    url: '/api/media?name=b.png',
    headers: { ...privilegedB.session.headers, 'content-type': 'image/png' },
    payload: image,
  })
  expect(media.statusCode, media.body).toBe(200)
  const post = await app.inject({
    method: 'POST',
    url: '/api/posts',
    headers: privilegedB.session.headers,
    payload: {
      unitId: child.id,
      title: 'Unggahan B',
      baseText: 'Teks B',
      targets: [account.json<{ id: string }>().id],
    },
  })
  expect(post.statusCode, post.body).toBe(200)
  const agenda = await app.inject({
    method: 'POST',
    url: '/api/agenda',
    headers: privilegedB.session.headers,
    payload: {
      unitId: ownerB.rootUnit.id,
      title: 'Agenda B',
      keyMessages: ['Pesan B'],
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
      targets: { unitIds: [child.id] },
    },
  })
  expect(agenda.statusCode, agenda.body).toBe(200)
  const savedReply = await app.inject({
    method: 'POST',
    url: '/api/saved-replies',
    headers: privilegedB.session.headers,
    payload: { unitId: child.id, title: 'Jawaban B', body: 'Halo {nama}' },
  })
  expect(savedReply.statusCode, savedReply.body).toBe(200)
  const routingRule = await app.inject({
    method: 'POST',
    url: '/api/routing-rules',
    headers: privilegedB.session.headers,
    payload: {
      name: 'Aturan B',
      conditions: { hoaxMatched: true },
      action: { kind: 'add_label', label: 'b' },
    },
  })
  expect(routingRule.statusCode, routingRule.body).toBe(200)
  const [inboxItem] = await insertNewItems(
    ctx.db,
    {
      instansiId: ownerB.id,
      accountId: account.json<{ id: string }>().id,
      platform: 'instagram',
      unitId: child.id,
      unitPath: child.path,
    },
    [
      {
        externalId: 'ig-komentar-b',
        kind: 'comment',
        authorExternalId: 'warga-b',
        authorHandle: 'warga_b',
        authorName: null,
        body: 'Komentar untuk B',
        createdAt: new Date(),
        url: null,
        parentExternalId: null,
        rootExternalId: null,
      },
    ],
    new Date(),
  )
  const inboxReply = await insertReply(
    ctx.db,
    {
      instansiId: ownerB.id,
      itemId: inboxItem!.id,
      threadId: inboxItem!.threadId,
      authorUserId: member.id,
      body: 'Balasan B menunggu persetujuan',
      status: 'pending',
    },
    new Date(),
  )
  const inboxView = await app.inject({
    method: 'POST',
    url: '/api/inbox/views',
    headers: privilegedB.session.headers,
    payload: { name: 'Tampilan B', query: 'assigned=me' },
  })
  expect(inboxView.statusCode, inboxView.body).toBe(200)
  const ppidCase = await app.inject({
    method: 'POST',
    url: '/api/ppid/cases',
    headers: privilegedB.session.headers,
    payload: { unitId: child.id, requesterName: 'Warga B', requestText: 'Permohonan B' },
  })
  expect(ppidCase.statusCode, ppidCase.body).toBe(200)
  const complaint = await createClassifiedItem(
    ctx.db,
    {
      owner: ownerB,
      accountId: account.json<{ id: string }>().id,
    },
    { unit: child, receivedAt: new Date() },
  )
  const referral = await app.inject({
    method: 'POST',
    url: '/api/lapor/referrals',
    headers: privilegedB.session.headers,
    payload: { inboxItemId: complaint.id, outOfScope: null },
  })
  expect(referral.statusCode, referral.body).toBe(200)
  b = {
    owner: ownerB,
    session: privilegedB.session,
    ids: {
      unitId: ownerB.rootUnit.id,
      childUnitId: child.id,
      userId: member.id,
      grantId,
      accountId: account.json<{ id: string }>().id,
      importId: upload.json<{ id: string }>().id,
      hoaxClaimId: hoaxClaim.json<{ id: string }>().id,
      sessionId: sessions.json<{ items: { id: string }[] }>().items[0]!.id,
      tokenId: token.json<{ apiToken: { id: string } }>().apiToken.id,
      auditEntryId: entries.json<{ items: { id: number }[] }>().items[0]!.id,
      checkpointId: checkpoint.json<{ checkpoint: { id: number } }>().checkpoint.id,
      postId: post.json<{ id: string }>().id,
      variantId: post.json<{ variants: { id: string }[] }>().variants[0]!.id,
      mediaId: media.json<{ id: string }>().id,
      agendaItemId: agenda.json<{ id: string }>().id,
      agendaTaskId: agenda.json<{ rows: { taskId: string }[] }>().rows[0]!.taskId,
      savedReplyId: savedReply.json<{ id: string }>().id,
      routingRuleId: routingRule.json<{ id: string }>().id,
      inboxItemId: inboxItem!.id,
      inboxReplyId: inboxReply.id,
      inboxViewId: inboxView.json<{ id: string }>().id,
      ppidCaseId: ppidCase.json<{ id: string }>().id,
      complaintItemId: complaint.id,
      laporReferralId: referral.json<{ id: string }>().id,
    },
  }
})

afterAll(async () => {
  await app?.close()
})

describe('isolation between instansi', () => {
  it('classifies every API route', () => {
    const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> }
    const routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    )
    expect(routes.length).toBeGreaterThan(40)
    const unclassified = routes.filter(
      (route) =>
        !(route in foreignObjectRoutes) && !(route in foreignReferenceRoutes) && !ownDataRoutes.has(route),
    )
    expect(unclassified, 'add each new route to one of the tables in this test').toEqual([])
  })

  it("refuses every route that addresses instansi B's objects, and changes nothing of B's", async () => {
    const before = await snapshot()
    const answers: string[] = []
    for (const [route, spec] of Object.entries({ ...foreignObjectRoutes, ...foreignReferenceRoutes })) {
      const method = route.split(' ')[0] as Method
      const response = await app.inject({
        method,
        url: spec.url(b.ids),
        headers: a.session.headers,
        ...(spec.body
          ? { payload: spec.body(b.ids, { unitId: a.owner.rootUnit.id, userId: a.userId }) as object }
          : {}),
      })
      if (![403, 404].includes(response.statusCode))
        answers.push(`${route} → ${response.statusCode} ${response.body.slice(0, 200)}`)
    }
    expect(answers).toEqual([])
    expect(await snapshot()).toEqual(before)
  })

  it('refuses the same routes to an API token of instansi A', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: a.session.headers,
      payload: { name: 'otomasi A' },
    })
    expect(created.statusCode, created.body).toBe(200)
    const authorization = `Bearer ${created.json<{ token: string }>().token}`
    const answers: string[] = []
    for (const [route, spec] of Object.entries(foreignObjectRoutes)) {
      const method = route.split(' ')[0] as Method
      const response = await app.inject({
        method,
        url: spec.url(b.ids),
        headers: { authorization },
        ...(spec.body
          ? { payload: spec.body(b.ids, { unitId: a.owner.rootUnit.id, userId: a.userId }) as object }
          : {}),
      })
      if (![403, 404].includes(response.statusCode)) answers.push(`${route} → ${response.statusCode}`)
    }
    expect(answers).toEqual([])
  })

  it("lists none of instansi B's ids in any list or export", async () => {
    const leaks: string[] = []
    for (const url of listUrls) {
      const response = await app.inject({ method: 'GET', url, headers: a.session.headers })
      expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBe(200)
      for (const [name, id] of Object.entries(b.ids))
        if (typeof id === 'string' && response.body.includes(id)) leaks.push(`${url} contains B's ${name}`)
      if (response.body.includes(b.owner.id)) leaks.push(`${url} contains B's instansi id`)
    }
    expect(leaks).toEqual([])
  })
})
