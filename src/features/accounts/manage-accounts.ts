// The official account registry: register, change, remove and list accounts. Access follows the unit the
// account belongs to; penanggung jawab and pengelola must be users of the same instansi.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import {
  deleteAccountRow,
  findAccountByHandle,
  getAccount,
  insertAccount,
  listAccounts,
  replacePengelola,
  updateAccountFields,
  type AccountRecord,
  type PengelolaAssignment,
} from '../../db/accounts-repository.ts'
import { findInstansiUsers } from '../../db/users-repository.ts'
import { getUnit, getUnitsByIds } from '../../db/units-repository.ts'
import { isUniqueViolation } from '../../db/sql-helpers.ts'
import { authorize, unitScope, type Actor } from '../access/policy.ts'
import { AppError } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { jakartaDateOf } from '../calendar/add-working-days.ts'
import { evaluateNaming, type NamingVerdict } from '../naming/account-naming.ts'
import { checkAccountDraft, type AccountDraft, type AccountLookups } from './account-input.ts'

export interface AccountDeps {
  db: Db
  clock: Clock
}

export interface AccountView {
  id: string
  unit: { id: string; code: string; name: string }
  platform: string
  handle: string
  displayName: string | null
  url: string
  penanggungJawab: { userId: string; email: string; name: string }
  pengelola: Array<{
    userId: string
    email: string
    name: string
    suratTugasNumber: string
    suratTugasDate: string
  }>
  verificationStatus: string
  platformTwoFactor: boolean
  credentialRotatedOn: string | null
  status: string
  notes: string
  /** The naming-convention verdict, or null when the platform has no pattern. */
  naming: NamingVerdict | null
  createdAt: string
  updatedAt: string
}

export function toAccountView(account: AccountRecord, naming: NamingVerdict | undefined): AccountView {
  return {
    id: account.id,
    unit: { id: account.unitId, code: account.unitCode, name: account.unitName },
    platform: account.platform,
    handle: account.handle,
    displayName: account.displayName,
    url: account.url,
    penanggungJawab: account.penanggungJawab,
    pengelola: account.pengelola,
    verificationStatus: account.verificationStatus,
    platformTwoFactor: account.platformTwoFactor,
    credentialRotatedOn: account.credentialRotatedOn,
    status: account.status,
    notes: account.notes,
    naming: naming ?? null,
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
  }
}

/** The audit snapshot: what a person changes, with people named by id. */
export function accountSnapshot(account: AccountRecord): Record<string, unknown> {
  return {
    unitId: account.unitId,
    platform: account.platform,
    handle: account.handle,
    displayName: account.displayName,
    url: account.url,
    penanggungJawabUserId: account.penanggungJawab.userId,
    pengelola: account.pengelola.map((p) => ({
      userId: p.userId,
      suratTugasNumber: p.suratTugasNumber,
      suratTugasDate: p.suratTugasDate,
    })),
    verificationStatus: account.verificationStatus,
    platformTwoFactor: account.platformTwoFactor,
    credentialRotatedOn: account.credentialRotatedOn,
    status: account.status,
    notes: account.notes,
  }
}

const NOT_FOUND = 'Akun resmi tidak ditemukan.'

async function loadAccount(db: Db, actor: Actor, id: string): Promise<AccountRecord> {
  const account = await getAccount(db, actor.instansiId, id)
  if (!account) throw new AppError('not_found', NOT_FOUND)
  return account
}

async function lookupsFor(db: Db, instansiId: string, draft: AccountDraft): Promise<AccountLookups> {
  const unit = await getUnit(db, instansiId, draft.unitId)
  const people = await findInstansiUsers(db, instansiId, {
    ids: [draft.penanggungJawabUserId, ...draft.pengelola.map((p) => p.userId)],
  })
  const byId = new Map(people.map((user) => [user.id, user]))
  return {
    unitById: (id) =>
      unit && unit.id === id
        ? { id: unit.id, path: unit.path, archived: unit.archivedAt !== null }
        : undefined,
    userById: (id) => byId.get(id),
  }
}

async function viewOf(db: Db, actor: Actor, id: string): Promise<AccountView> {
  const account = await loadAccount(db, actor, id)
  const naming = await evaluateNaming(db, actor.instansiId, [account])
  return toAccountView(account, naming.get(account.id))
}

export async function getAccountView(deps: AccountDeps, actor: Actor, id: string): Promise<AccountView> {
  const account = await loadAccount(deps.db, actor, id)
  authorize(actor, 'account.read', { instansiId: account.instansiId, unitPath: account.unitPath })
  const naming = await evaluateNaming(deps.db, actor.instansiId, [account])
  return toAccountView(account, naming.get(account.id))
}

function duplicateError(platform: string, handle: string): AppError {
  return new AppError('conflict', `Akun ${platform} "${handle}" sudah terdaftar di instansi ini.`, {
    handle: 'Sudah terdaftar.',
  })
}

/** A handle registered by a concurrent request surfaces as the same conflict as the check inside. */
async function raceSafe<T>(fields: { platform: string; handle: string }, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateError(fields.platform, fields.handle)
    throw error
  }
}

export interface AccountPayload {
  unitId: string
  platform: string
  handle: string
  displayName?: string | null | undefined
  url?: string | null | undefined
  penanggungJawabUserId: string
  pengelola?: PengelolaAssignment[] | undefined
  verificationStatus?: string | undefined
  platformTwoFactor?: boolean | undefined
  credentialRotatedOn?: string | null | undefined
  status?: string | undefined
  notes?: string | undefined
}

export async function createAccount(
  deps: AccountDeps,
  actor: Actor,
  payload: AccountPayload,
  meta: ChangeMeta,
): Promise<AccountView> {
  const draft: AccountDraft = { ...payload, pengelola: payload.pengelola ?? [] }
  const unit = await getUnit(deps.db, actor.instansiId, draft.unitId)
  if (!unit)
    throw new AppError('not_found', 'Unit tidak ditemukan.', {
      unitId: 'Unit tidak ditemukan di instansi ini.',
    })
  authorize(actor, 'account.manage', { instansiId: unit.instansiId, unitPath: unit.path })
  const now = deps.clock.now()
  const check = checkAccountDraft(
    draft,
    await lookupsFor(deps.db, actor.instansiId, draft),
    jakartaDateOf(now),
  )
  if (!check.ok)
    throw new AppError(
      'invalid_input',
      `Periksa isian akun: ${Object.values(check.errors).join(' ')}`,
      check.errors,
    )
  const id = await raceSafe(check.fields, () =>
    deps.db.transaction(async (tx) => {
      if (await findAccountByHandle(tx, actor.instansiId, check.fields.platform, check.fields.handle))
        throw duplicateError(check.fields.platform, check.fields.handle)
      const newId = await insertAccount(tx, actor.instansiId, check.fields, now)
      await replacePengelola(tx, actor.instansiId, newId, check.pengelola)
      await recordChange(
        tx,
        actor,
        meta,
        {
          action: 'account.create',
          objectType: 'account',
          objectId: newId,
          after: { ...check.fields, pengelola: check.pengelola },
        },
        now,
      )
      return newId
    }),
  )
  return viewOf(deps.db, actor, id)
}

export type AccountPatch = Partial<AccountPayload>

export async function updateAccount(
  deps: AccountDeps,
  actor: Actor,
  id: string,
  patch: AccountPatch,
  meta: ChangeMeta,
): Promise<AccountView> {
  const before = await loadAccount(deps.db, actor, id)
  authorize(actor, 'account.manage', { instansiId: before.instansiId, unitPath: before.unitPath })
  const current = accountSnapshot(before) as unknown as AccountDraft
  const draft: AccountDraft = {
    ...current,
    ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
    pengelola: patch.pengelola ?? current.pengelola,
  }
  if (draft.unitId !== before.unitId) {
    const target = await getUnit(deps.db, actor.instansiId, draft.unitId)
    if (!target)
      throw new AppError('not_found', 'Unit tujuan tidak ditemukan.', {
        unitId: 'Unit tidak ditemukan di instansi ini.',
      })
    authorize(actor, 'account.manage', { instansiId: target.instansiId, unitPath: target.path })
  }
  const now = deps.clock.now()
  const lookups = await lookupsFor(deps.db, actor.instansiId, draft)
  // An account may stay on a unit archived after it was registered (e.g. to be marked dormant); only moving to an
  // archived unit is refused.
  const unitById: AccountLookups['unitById'] = (unitId) => {
    const unit = lookups.unitById(unitId)
    return unit && unitId === before.unitId ? { ...unit, archived: false } : unit
  }
  const check = checkAccountDraft(draft, { ...lookups, unitById }, jakartaDateOf(now))
  if (!check.ok)
    throw new AppError(
      'invalid_input',
      `Periksa isian akun: ${Object.values(check.errors).join(' ')}`,
      check.errors,
    )
  await raceSafe(check.fields, () =>
    deps.db.transaction(async (tx) => {
      const clash = await findAccountByHandle(
        tx,
        actor.instansiId,
        check.fields.platform,
        check.fields.handle,
      )
      if (clash && clash.id !== id) throw duplicateError(check.fields.platform, check.fields.handle)
      await updateAccountFields(tx, actor.instansiId, id, check.fields, now)
      await replacePengelola(tx, actor.instansiId, id, check.pengelola)
      await recordChange(
        tx,
        actor,
        meta,
        {
          action: 'account.update',
          objectType: 'account',
          objectId: id,
          before: accountSnapshot(before),
          after: { ...check.fields, pengelola: check.pengelola },
        },
        now,
      )
    }),
  )
  return viewOf(deps.db, actor, id)
}

export async function deleteAccount(
  deps: AccountDeps,
  actor: Actor,
  id: string,
  meta: ChangeMeta,
): Promise<void> {
  const before = await loadAccount(deps.db, actor, id)
  authorize(actor, 'account.manage', { instansiId: before.instansiId, unitPath: before.unitPath })
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await deleteAccountRow(tx, actor.instansiId, id)
    await recordChange(
      tx,
      actor,
      meta,
      { action: 'account.delete', objectType: 'account', objectId: id, before: accountSnapshot(before) },
      now,
    )
  })
}

export interface AccountListFilter {
  unitId?: string | undefined
  platform?: string | undefined
  status?: string | undefined
  query?: string | undefined
  breaksNaming?: boolean | undefined
  limit: number
  offset: number
}

export async function listAccountViews(
  deps: AccountDeps,
  actor: Actor,
  filter: AccountListFilter,
): Promise<{ items: AccountView[]; total: number }> {
  const scope = unitScope(actor, 'account.read')
  let unitPath: string | undefined
  if (filter.unitId) {
    const [unit] = await getUnitsByIds(deps.db, actor.instansiId, [filter.unitId])
    if (!unit) throw new AppError('not_found', 'Unit tidak ditemukan.')
    unitPath = unit.path
  }
  const base = {
    instansiId: actor.instansiId,
    pathPrefixes: scope.pathPrefixes,
    unitPath,
    platform: filter.platform,
    status: filter.status,
    query: filter.query,
  }
  if (filter.breaksNaming === undefined) {
    const page = await listAccounts(deps.db, base, { limit: filter.limit, offset: filter.offset })
    const naming = await evaluateNaming(deps.db, actor.instansiId, page.items)
    return {
      items: page.items.map((account) => toAccountView(account, naming.get(account.id))),
      total: page.total,
    }
  }
  // The naming verdict is computed, not stored (patterns and unit attributes change it), so this filter checks
  // every account in scope and pages the result.
  const all = await listAccounts(deps.db, base, undefined)
  const naming = await evaluateNaming(deps.db, actor.instansiId, all.items)
  const matching = all.items.filter((account) => {
    const verdict = naming.get(account.id)
    const breaks = verdict !== undefined && !verdict.compliant
    return breaks === filter.breaksNaming
  })
  return {
    items: matching
      .slice(filter.offset, filter.offset + filter.limit)
      .map((account) => toAccountView(account, naming.get(account.id))),
    total: matching.length,
  }
}
