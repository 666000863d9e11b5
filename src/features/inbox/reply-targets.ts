// The reply-target clock of newly classified inbox items (issue #9 item 3): the instansi's own first-reply target
// per intent and priority, counted on its working hours and the working-day calendar, sets `sla_due_at`. Called by
// ingestion inside its transaction, after classification and routing.
//
// Placeholder until the SLA clocks land: no target is set.
import type { Db } from '../../db/client.ts'
import type { InboxItemRow } from '../../db/inbox-repository.ts'

export async function applyReplyTargets(_tx: Db, _items: readonly InboxItemRow[], _now: Date): Promise<void> {}
