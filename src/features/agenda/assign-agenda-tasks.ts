// Fan-out: an agenda item's amplification tasks for the units (a list, or whole subtrees) and accounts its manager
// chooses, one task per unit or account, each within the manager's agenda.manage scope. A unit or account that
// already has a task is skipped, so handing out again adds only the new ones. The pengelola of each new task's
// unit (or account) are notified in the same transaction.
import { randomUUID } from 'node:crypto'
import { listAccounts } from '../../db/accounts-repository.ts'
import { insertAgendaTasks, lockAgendaItem, type AgendaItemRow } from '../../db/agenda-items-repository.ts'
import type { Db } from '../../db/client.ts'
import { activeUsersHoldingRoleOver } from '../../db/role-grants-repository.ts'
import { getUnitsByIds, listUnits } from '../../db/units-repository.ts'
import { POSTING_PLATFORMS } from '../../shared/platforms.ts'
import type { Actor } from '../access/policy.ts'
import { AppError, problem, type Problem } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { notifyUsers } from '../notifications/notify-users.ts'
import { agendaTaskNotice } from './agenda-notices.ts'
import type { AgendaBoardView, AgendaDeps } from './manage-agenda.ts'
import { getAgendaBoard, loadItem, mayManageAgenda, requireAgendaManager } from './manage-agenda.ts'

export interface AgendaTargets {
  /** Each of these units gets a task. */
  unitIds: string[]
  /** Each of these units and every active unit below it gets a task. */
  subtreeUnitIds: string[]
  /** Each of these accounts gets a task of its own (worked by its unit). */
  accountIds: string[]
}

export interface AssignResult {
  added: number
  skipped: number
}

interface PlannedTask {
  unitId: string
  unitPath: string
  unitName: string
  accountId: string | null
  accountHandle: string | null
  pengelolaIds: string[]
}

async function planTasks(tx: Db, actor: Actor, targets: AgendaTargets): Promise<PlannedTask[]> {
  const problems: Record<string, Problem> = {}
  const named = [...new Set([...targets.unitIds, ...targets.subtreeUnitIds])]
  const units = new Map((await getUnitsByIds(tx, actor.instansiId, named)).map((unit) => [unit.id, unit]))
  // An id that is not this instansi's is answered as not found (ids cannot be probed across instansi).
  if (named.some((id) => !units.has(id))) throw new AppError('not_found', 'common.not_found')
  const allowed = (unit: { path: string; archivedAt: Date | null }) =>
    !unit.archivedAt && mayManageAgenda(actor, unit.path)
  targets.unitIds.forEach((id, index) => {
    if (!allowed(units.get(id)!)) problems[`targets.unitIds.${index}`] = problem('agenda.target_not_allowed')
  })
  targets.subtreeUnitIds.forEach((id, index) => {
    if (!allowed(units.get(id)!))
      problems[`targets.subtreeUnitIds.${index}`] = problem('agenda.target_not_allowed')
  })
  const accountIds = [...new Set(targets.accountIds)]
  const { items: accounts } = await listAccounts(
    tx,
    { instansiId: actor.instansiId, pathPrefixes: ['/'], ids: accountIds },
    undefined,
  )
  const byId = new Map(accounts.map((account) => [account.id, account]))
  if (accountIds.some((id) => !byId.has(id))) throw new AppError('not_found', 'common.not_found')
  targets.accountIds.forEach((id, index) => {
    const account = byId.get(id)!
    const usable =
      account.status === 'active' &&
      (POSTING_PLATFORMS as readonly string[]).includes(account.platform) &&
      mayManageAgenda(actor, account.unitPath)
    if (!usable) problems[`targets.accountIds.${index}`] = problem('agenda.target_not_allowed')
  })
  if (Object.keys(problems).length > 0)
    throw new AppError('invalid_input', 'agenda.invalid', { count: Object.keys(problems).length }, problems)

  const unitTargets = new Map(targets.unitIds.map((id) => [id, units.get(id)!]))
  for (const id of targets.subtreeUnitIds) {
    for (const unit of await listUnits(tx, {
      instansiId: actor.instansiId,
      pathPrefixes: [units.get(id)!.path],
    }))
      unitTargets.set(unit.id, { ...unit })
  }
  const planned: PlannedTask[] = []
  for (const unit of unitTargets.values()) {
    planned.push({
      unitId: unit.id,
      unitPath: unit.path,
      unitName: unit.name,
      accountId: null,
      accountHandle: null,
      pengelolaIds: [],
    })
  }
  for (const account of accounts) {
    planned.push({
      unitId: account.unitId,
      unitPath: account.unitPath,
      unitName: account.unitName,
      accountId: account.id,
      accountHandle: account.handleDisplay ?? account.handle,
      pengelolaIds: account.pengelola.map((person) => person.userId),
    })
  }
  return planned
}

/** The people a task is for: the account's named pengelola, else everyone whose pengelola role covers the unit. */
async function recipientsOf(tx: Db, instansiId: string, task: PlannedTask): Promise<string[]> {
  if (task.pengelolaIds.length > 0) return task.pengelolaIds
  const holders = await activeUsersHoldingRoleOver(tx, instansiId, task.unitPath, ['pengelola'])
  return holders.map((holder) => holder.userId)
}

/** Adds the tasks inside the caller's transaction (the item is created and handed out in one go). */
export async function assignTasksInTransaction(
  tx: Db,
  deps: AgendaDeps,
  actor: Actor,
  item: AgendaItemRow,
  targets: AgendaTargets,
  meta: ChangeMeta,
  now: Date,
): Promise<AssignResult> {
  const planned = await planTasks(tx, actor, targets)
  if (planned.length === 0) return { added: 0, skipped: 0 }
  const rows = planned.map((task) => ({
    id: randomUUID(),
    instansiId: actor.instansiId,
    agendaItemId: item.id,
    unitId: task.unitId,
    accountId: task.accountId,
    createdBy: actor.userId || null,
    now,
  }))
  const addedIds = new Set(await insertAgendaTasks(tx, rows))
  const added = planned.filter((_task, index) => addedIds.has(rows[index]!.id))
  if (added.length > 0) {
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'agenda_item.assign',
        objectType: 'agenda_item',
        objectId: item.id,
        after: {
          title: item.title,
          units: added.filter((task) => !task.accountId).map((task) => task.unitName),
          accounts: added.flatMap((task) => (task.accountHandle ? [task.accountHandle] : [])),
        },
      },
      now,
    )
  }
  for (const task of added) {
    await notifyUsers(
      tx,
      actor.instansiId,
      await recipientsOf(tx, actor.instansiId, task),
      agendaTaskNotice(item, actor.label, task.accountHandle ?? task.unitName),
      { mailEnabled: deps.mailEnabled ?? false, now },
    )
  }
  return { added: added.length, skipped: planned.length - added.length }
}

/** Hands out more tasks for an open item. */
export async function assignAgendaTasks(
  deps: AgendaDeps,
  actor: Actor,
  id: string,
  targets: AgendaTargets,
  meta: ChangeMeta,
): Promise<AgendaBoardView & { assigned: AssignResult }> {
  const record = await loadItem(deps.db, actor, id)
  requireAgendaManager(actor, record)
  const now = deps.clock.now()
  const assigned = await deps.db.transaction(async (tx) => {
    const item = await lockAgendaItem(tx, actor.instansiId, id)
    if (!item) throw new AppError('not_found', 'agenda.not_found')
    if (item.status !== 'open') throw new AppError('conflict', 'agenda.closed')
    return assignTasksInTransaction(tx, deps, actor, item, targets, meta, now)
  })
  return { ...(await getAgendaBoard(deps, actor, id)), assigned }
}
