// Routing newly classified inbox items to a unit or a person (issue #9 item 2): the instansi's routing rules
// (keyword, intent, account, unit, platform) decide who owns each item. Called by ingestion inside its transaction,
// after classification and before the reply targets are set (a target may depend on the owning unit).
//
// Placeholder until the routing rules land: every item stays with its account's unit.
import type { Db } from '../../db/client.ts'
import type { InboxItemRow } from '../../db/inbox-repository.ts'

export async function routeItems(_tx: Db, _items: readonly InboxItemRow[], _now: Date): Promise<void> {}
