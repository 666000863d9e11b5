// The registry as CSV: the export of the accounts a person may see, and the empty template to fill in. Both use
// the import's columns (account-csv.ts), so an exported file imports back unchanged.
import { listAccounts } from '../../db/accounts-repository.ts'
import { getUnit } from '../../db/units-repository.ts'
import { maySeePeopleOfUnit } from '../access/people-visibility.ts'
import { unitScope, type Actor } from '../access/policy.ts'
import { AppError } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { accountCsvColumns, accountCsvRecord, formatCsv } from './account-csv.ts'
import type { AccountDeps, AccountListFilter } from './manage-accounts.ts'

export async function exportAccountsCsv(
  deps: AccountDeps,
  actor: Actor,
  filter: Omit<AccountListFilter, 'limit' | 'offset' | 'breaksNaming'>,
  meta: ChangeMeta,
): Promise<string> {
  const scope = unitScope(actor, 'account.read')
  let unitPath: string | undefined
  if (filter.unitId) {
    const unit = await getUnit(deps.db, actor.instansiId, filter.unitId)
    if (!unit) throw new AppError('not_found', 'accounts.unit_not_found')
    unitPath = unit.path
  }
  const { items } = await listAccounts(
    deps.db,
    {
      instansiId: actor.instansiId,
      pathPrefixes: scope.pathPrefixes,
      unitPath,
      platform: filter.platform,
      status: filter.status,
      query: filter.query,
    },
    undefined,
  )
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'account.export',
        objectType: 'account',
        objectId: null,
        after: { count: items.length, filter },
      },
      now,
    )
  })
  const slots = Math.max(1, ...items.map((account) => account.pengelola.length))
  return formatCsv(
    accountCsvColumns(slots),
    items.map((account) => accountCsvRecord(account, maySeePeopleOfUnit(actor, account.unitPath))),
  )
}

/** The header row to fill in, with two groups of pengelola columns (add pengelola_3_… for a third). */
export function accountCsvTemplate(): string {
  return formatCsv(accountCsvColumns(2), [])
}
