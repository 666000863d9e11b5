// The notices the approval flow sends (kinds in notifications/notify-users.ts), kept apart from the code that
// writes the audit log so their kinds are never mistaken for audit actions.
import type { Notice } from '../notifications/notify-users.ts'
import type { ApprovalOutcome } from './approval-rules.ts'
import type { PostUnderApproval } from './decide-approval.ts'

export function approvalRequestedNotice(
  post: Pick<PostUnderApproval, 'title' | 'authorName' | 'accountLabel' | 'scheduledAt' | 'link'>,
): Notice {
  return {
    kind: 'approval.requested',
    titleKey: 'notifications.approval_requested.title',
    bodyKey: 'notifications.approval_requested.body',
    params: {
      title: post.title,
      author: post.authorName,
      account: post.accountLabel,
      at: post.scheduledAt?.toISOString() ?? '',
    },
    link: post.link,
  }
}

/** What the author is told after a decision; null while the chain goes on (the next approvers are told). */
export function decisionNotice(
  post: Pick<PostUnderApproval, 'title' | 'link'>,
  outcome: ApprovalOutcome,
  by: string,
): Notice | null {
  const params = { title: post.title, by }
  switch (outcome.state) {
    case 'approved':
      return {
        kind: 'approval.approved',
        titleKey: 'notifications.approval_approved.title',
        bodyKey: 'notifications.approval_approved.body',
        params,
        link: post.link,
      }
    case 'rejected':
      return {
        kind: 'approval.rejected',
        titleKey: 'notifications.approval_rejected.title',
        bodyKey: 'notifications.approval_rejected.body',
        params: { ...params, comment: outcome.comment ?? '' },
        link: post.link,
      }
    case 'changes_requested':
      return {
        kind: 'approval.changes_requested',
        titleKey: 'notifications.approval_changes_requested.title',
        bodyKey: 'notifications.approval_changes_requested.body',
        params: { ...params, comment: outcome.comment ?? '' },
        link: post.link,
      }
    case 'pending':
    case 'blocked':
      return null
  }
}

export function crisisApproverNotice(by: string, owner: string): Notice {
  return {
    kind: 'approval.crisis_approver',
    titleKey: 'notifications.crisis_approver.title',
    bodyKey: 'notifications.crisis_approver.body',
    params: { by, owner },
    link: '/approval-chains',
  }
}

/** Nobody can approve the current step (no one holds its role over the unit, or its named users are gone). */
export function approvalBlockedNotice(
  post: Pick<PostUnderApproval, 'title' | 'accountLabel'>,
  step: number,
): Notice {
  return {
    kind: 'approval.blocked',
    titleKey: 'notifications.approval_blocked.title',
    bodyKey: 'notifications.approval_blocked.body',
    params: { title: post.title, account: post.accountLabel, step: step + 1 },
    link: '/approval-chains',
  }
}
