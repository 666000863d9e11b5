// Creating, renaming, moving and archiving units (unit kerja). Each change is authorised by the policy on the
// unit's place in the tree, runs in one transaction and writes its audit entry in that transaction.
import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import {
  countActiveUnitsBelow,
  getUnit,
  insertUnit,
  isUnitCodeTaken,
  listUnits,
  moveSubtree,
  setSubtreeArchived,
  setUnitArchived,
  setUnitAttributes,
  updateUnitFields,
  type UnitRecord,
} from '../../db/units-repository.ts'
import { countActiveAccountsInSubtree } from '../../db/accounts-repository.ts'
import { isUniqueViolation } from '../../db/sql-helpers.ts'
import { normaliseUnitKind } from '../../shared/unit-kinds.ts'
import { authorize, unitScope, type Actor } from '../access/policy.ts'
import { AppError, problem } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import {
  checkUnitAttributes,
  checkUnitCode,
  checkUnitContact,
  checkUnitName,
  toUnitView,
  unitSnapshot,
  type UnitView,
} from './unit-input.ts'
import { childPath, orderAsTree, whyCannotMove } from './unit-tree.ts'

export interface UnitDeps {
  db: Db
  clock: Clock
}

/** A unit of the actor's instansi, or not_found (also for another instansi's id: ids cannot be probed). */
export async function loadUnit(db: Db, actor: Actor, id: string): Promise<UnitRecord> {
  const unit = await getUnit(db, actor.instansiId, id)
  if (!unit) throw new AppError('not_found', 'units.not_found')
  return unit
}

export async function listUnitTree(
  deps: UnitDeps,
  actor: Actor,
  options: { includeArchived?: boolean } = {},
): Promise<UnitView[]> {
  const scope = unitScope(actor, 'unit.read')
  const rows = await listUnits(deps.db, {
    instansiId: actor.instansiId,
    pathPrefixes: scope.pathPrefixes,
    includeArchived: options.includeArchived ?? false,
  })
  return orderAsTree(rows).map((unit) => toUnitView(unit))
}

export async function getUnitView(deps: UnitDeps, actor: Actor, id: string): Promise<UnitView> {
  const unit = await loadUnit(deps.db, actor, id)
  authorize(actor, 'unit.read', { instansiId: unit.instansiId, unitPath: unit.path })
  return toUnitView(unit)
}

function codeTaken(code: string): AppError {
  return new AppError('conflict', 'units.code_taken', { code }, { code: problem('units.code_taken_field') })
}

async function assertCodeFree(db: Db, instansiId: string, code: string, exceptId?: string): Promise<void> {
  if (await isUnitCodeTaken(db, instansiId, code, exceptId)) throw codeTaken(code)
}

/** Runs a unit write; a code taken by a concurrent request surfaces as the same conflict as the check above. */
async function inTransaction(db: Db, code: string, work: (tx: Db) => Promise<void>): Promise<void> {
  try {
    await db.transaction(work)
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(code)
    throw error
  }
}

export interface CreateUnitInput {
  parentId: string
  code: string
  name: string
  kind?: string | undefined
  attributes?: Record<string, string> | undefined
}

export async function createUnit(
  deps: UnitDeps,
  actor: Actor,
  input: CreateUnitInput,
  meta: ChangeMeta,
): Promise<UnitView> {
  const parent = await loadUnit(deps.db, actor, input.parentId)
  authorize(actor, 'unit.manage', { instansiId: parent.instansiId, unitPath: parent.path })
  if (parent.archivedAt) throw new AppError('precondition_failed', 'units.parent_archived')
  const code = checkUnitCode(input.code)
  const name = checkUnitName(input.name)
  const attributes = checkUnitAttributes(input.attributes ?? {})
  const id = randomUUID()
  const now = deps.clock.now()
  await inTransaction(deps.db, code, async (tx) => {
    await assertCodeFree(tx, actor.instansiId, code)
    const unit = {
      id,
      instansiId: actor.instansiId,
      parentId: parent.id,
      path: childPath(parent.path, id),
      code,
      name,
      kind: normaliseUnitKind(input.kind ?? ''),
    }
    await insertUnit(tx, unit)
    if (Object.keys(attributes).length > 0) await setUnitAttributes(tx, actor.instansiId, id, attributes, now)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'unit.create',
        objectType: 'unit',
        objectId: id,
        after: unitSnapshot({ ...unit, archivedAt: null, attributes }),
      },
      now,
    )
  })
  return toUnitView(await loadUnit(deps.db, actor, id))
}

export interface UpdateUnitInput {
  code?: string | undefined
  name?: string | undefined
  kind?: string | undefined
  contact?: string | undefined
  attributes?: Record<string, string> | undefined
}

export async function updateUnit(
  deps: UnitDeps,
  actor: Actor,
  id: string,
  input: UpdateUnitInput,
  meta: ChangeMeta,
): Promise<UnitView> {
  const before = await loadUnit(deps.db, actor, id)
  authorize(actor, 'unit.manage', { instansiId: before.instansiId, unitPath: before.path })
  const patch = {
    code: input.code === undefined ? undefined : checkUnitCode(input.code),
    name: input.name === undefined ? undefined : checkUnitName(input.name),
    kind: input.kind === undefined ? undefined : normaliseUnitKind(input.kind),
    contact: input.contact === undefined ? undefined : checkUnitContact(input.contact),
  }
  const attributes = input.attributes === undefined ? undefined : checkUnitAttributes(input.attributes)
  const now = deps.clock.now()
  await inTransaction(deps.db, patch.code ?? before.code, async (tx) => {
    if (patch.code !== undefined && patch.code !== before.code)
      await assertCodeFree(tx, actor.instansiId, patch.code, id)
    await updateUnitFields(tx, actor.instansiId, id, patch, now)
    if (attributes !== undefined) await setUnitAttributes(tx, actor.instansiId, id, attributes, now)
    const after = {
      ...before,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      attributes: attributes ?? before.attributes,
    }
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'unit.update',
        objectType: 'unit',
        objectId: id,
        before: unitSnapshot(before),
        after: unitSnapshot(after),
      },
      now,
    )
  })
  return toUnitView(await loadUnit(deps.db, actor, id))
}

export async function moveUnit(
  deps: UnitDeps,
  actor: Actor,
  id: string,
  newParentId: string,
  meta: ChangeMeta,
): Promise<UnitView> {
  const unit = await loadUnit(deps.db, actor, id)
  const newParent = await loadUnit(deps.db, actor, newParentId)
  authorize(actor, 'unit.manage', { instansiId: unit.instansiId, unitPath: unit.path })
  authorize(actor, 'unit.manage', { instansiId: newParent.instansiId, unitPath: newParent.path })
  const refusal = whyCannotMove(unit, newParent)
  if (refusal) throw new AppError('invalid_input', refusal, undefined, { parentId: problem(refusal) })
  if (newParent.archivedAt) throw new AppError('precondition_failed', 'units.target_archived')
  if (unit.parentId === newParent.id) return toUnitView(unit)
  const newPath = childPath(newParent.path, unit.id)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    // Re-read inside the transaction: a concurrent move may have changed the paths since the checks above.
    const current = await getUnit(tx, actor.instansiId, id)
    const target = await getUnit(tx, actor.instansiId, newParentId)
    if (!current || !target || current.path !== unit.path || target.path !== newParent.path) {
      throw new AppError('conflict', 'units.tree_changed')
    }
    const moved = await moveSubtree(
      tx,
      actor.instansiId,
      id,
      { oldPath: unit.path, newPath, newParentId: newParent.id },
      now,
    )
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'unit.move',
        objectType: 'unit',
        objectId: id,
        before: { parentId: unit.parentId, path: unit.path },
        after: { parentId: newParent.id, path: newPath, unitsMoved: moved },
      },
      now,
    )
  })
  return toUnitView(await loadUnit(deps.db, actor, id))
}

export async function archiveUnit(
  deps: UnitDeps,
  actor: Actor,
  id: string,
  options: { force?: boolean },
  meta: ChangeMeta,
): Promise<UnitView> {
  const unit = await loadUnit(deps.db, actor, id)
  authorize(actor, 'unit.manage', { instansiId: unit.instansiId, unitPath: unit.path })
  if (unit.parentId === null) throw new AppError('invalid_input', 'units.root_cannot_archive')
  if (unit.archivedAt) return toUnitView(unit)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const active = {
      units: await countActiveUnitsBelow(tx, actor.instansiId, unit.path),
      accounts: await countActiveAccountsInSubtree(tx, actor.instansiId, unit.path),
    }
    if (!options.force && (active.units > 0 || active.accounts > 0)) {
      throw new AppError('precondition_failed', 'units.still_active_below', active, {
        force: problem('units.needs_confirmation'),
      })
    }
    const archived = await setSubtreeArchived(tx, actor.instansiId, unit.path, now, now)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'unit.archive',
        objectType: 'unit',
        objectId: id,
        before: { archivedAt: null },
        after: {
          archivedAt: now,
          force: options.force ?? false,
          unitsArchived: archived,
          activeAccounts: active.accounts,
        },
      },
      now,
    )
  })
  return toUnitView(await loadUnit(deps.db, actor, id))
}

export async function unarchiveUnit(
  deps: UnitDeps,
  actor: Actor,
  id: string,
  meta: ChangeMeta,
): Promise<UnitView> {
  const unit = await loadUnit(deps.db, actor, id)
  authorize(actor, 'unit.manage', { instansiId: unit.instansiId, unitPath: unit.path })
  if (!unit.archivedAt) return toUnitView(unit)
  if (unit.parentId) {
    const parent = await loadUnit(deps.db, actor, unit.parentId)
    if (parent.archivedAt)
      throw new AppError('precondition_failed', 'units.parent_also_archived', { name: parent.name })
  }
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await setUnitArchived(tx, actor.instansiId, id, null, now)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'unit.unarchive',
        objectType: 'unit',
        objectId: id,
        before: { archivedAt: unit.archivedAt },
        after: { archivedAt: null },
      },
      now,
    )
  })
  return toUnitView(await loadUnit(deps.db, actor, id))
}
