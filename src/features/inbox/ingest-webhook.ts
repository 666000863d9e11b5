// Webhook events into the inbox (issue #9 item 1): an accepted delivery's `interaction` events become items of the
// connected account whose platform id they name, through the same idempotent store as polling (the same platform
// id arriving both ways is stored once); `interaction_edited` replaces the text (and asks for a new
// classification), `interaction_deleted` marks the item gone. Runs inside the delivery job's transaction.
import type { WebhookEvent } from '../../connectors/webhook.ts'
import type { Db } from '../../db/client.ts'
import { connectedAccountsByPlatformIds } from '../../db/inbox-ingest-repository.ts'
import { insertNewItems, markDeleted, markEdited, type IncomingItem } from '../../db/inbox-repository.ts'
import { incomingOf } from './ingest-poll.ts'

export interface WebhookIngestResult {
  /** Connected accounts the events were about. */
  matchedAccounts: number
  /** Items stored, by instansi: classified after the transaction commits. */
  toClassify: Map<string, string[]>
  /** Instansi with an item edited (unclassified again). */
  edited: Set<string>
}

export async function ingestWebhookEvents(
  tx: Db,
  platform: string,
  events: readonly WebhookEvent[],
  now: Date,
): Promise<WebhookIngestResult> {
  const platformIds = [
    ...new Set(events.map((event) => event.accountExternalId).filter((value): value is string => !!value)),
  ]
  const accounts = await connectedAccountsByPlatformIds(tx, platform, platformIds)
  const toClassify = new Map<string, string[]>()
  const edited = new Set<string>()
  const note = (instansiId: string, id: string) => {
    const ids = toClassify.get(instansiId) ?? []
    ids.push(id)
    toClassify.set(instansiId, ids)
  }
  // An account id may be connected in more than one instansi (each gets its own item).
  for (const account of accounts) {
    const mine = events.filter((event) => event.accountExternalId === account.platformAccountId)
    const incoming: IncomingItem[] = []
    for (const event of mine) if (event.kind === 'interaction') incoming.push(incomingOf(event.interaction))
    for (const row of await insertNewItems(tx, account, incoming, now)) note(account.instansiId, row.id)
    for (const event of mine) {
      if (event.kind === 'interaction_edited') {
        // The edited item is unclassified again: the run after this transaction (or the sweeper) takes it.
        if (await markEdited(tx, account.instansiId, platform, event.externalId, event.text, now))
          edited.add(account.instansiId)
      } else if (event.kind === 'interaction_deleted') {
        await markDeleted(tx, account.instansiId, platform, event.externalId, now)
      }
    }
  }
  return { matchedAccounts: accounts.length, toClassify, edited }
}
