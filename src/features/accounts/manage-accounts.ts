// The official account registry: register, change, remove and list accounts. Access follows the unit the
// account belongs to; the penanggung jawab and each pengelola must be active users of the same instansi holding
// the role the duty needs on the account's unit or above (features/access/eligibility.ts), which the people query
// offers and the checks enforce.
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
} from '../../db/accounts-repository.ts'
import { activeUsersHoldingRoleOver, grantsOfUsers } from '../../db/role-grants-repository.ts'
import { findInstansiUsers } from '../../db/users-repository.ts'
import { getUnit, getUnitsByIds } from '../../db/units-repository.ts'
import { isUniqueViolation } from '../../db/sql-helpers.ts'
import { PLATFORM_LABELS, isPlatform } from '../../shared/platforms.ts'
import { ACCOUNT_DUTY_ROLES, type AccountDuty } from '../access/eligibility.ts'
import { maySeePeopleOfUnit } from '../access/people-visibility.ts'
import { authorize, unitScope, type Actor } from '../access/policy.ts'
import { AppError, problem } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { jakartaDateOf } from '../calendar/add-working-days.ts'
import { evaluateNaming, type NamingVerdict } from '../naming/account-naming.ts'
import {
  checkAccountDraft,
  type AccountDraft,
  type AccountLookups,
  type CurrentAssignments,
  type FieldErrors,
  type PengelolaDraft,
  type UserLookup,
} from './account-input.ts'

export interface AccountDeps {
  db: Db
  clock: Clock
}

export interface AccountView {
  id: string
  unit: { id: string; code: string; name: string }
  platform: string
  /** The handle as it was typed (casing kept). */
  handle: string
  /** The form the registry compares: lower case (E.164 for WhatsApp). */
  normalisedHandle: string
  displayName: string | null
  url: string
  /** E-mail addresses only for callers who may read users over the account's unit (maySeePeopleOfUnit). */
  penanggungJawab: { userId: string; email: string | null; name: string }
  pengelola: Array<{
    userId: string
    email: string | null
    name: string
    suratTugasNumber: string | null
    suratTugasDate: string | null
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

export function toAccountView(
  actor: Actor,
  account: AccountRecord,
  naming: NamingVerdict | undefined,
): AccountView {
  const showEmail = maySeePeopleOfUnit(actor, account.unitPath)
  return {
    id: account.id,
    unit: { id: account.unitId, code: account.unitCode, name: account.unitName },
    platform: account.platform,
    handle: account.handleDisplay ?? account.handle,
    normalisedHandle: account.handle,
    displayName: account.displayName,
    url: account.url,
    penanggungJawab: { ...account.penanggungJawab, email: showEmail ? account.penanggungJawab.email : null },
    pengelola: account.pengelola.map((p) => ({ ...p, email: showEmail ? p.email : null })),
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
    handleDisplay: account.handleDisplay,
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

/** What the account names now, for a change: an assignment kept as it is is not re-checked for its role. */
export function currentAssignments(account: AccountRecord): CurrentAssignments {
  return {
    penanggungJawabUserId: account.penanggungJawab.userId,
    pengelolaUserIds: account.pengelola.map((p) => p.userId),
  }
}

async function loadAccount(db: Db, actor: Actor, id: string): Promise<AccountRecord> {
  const account = await getAccount(db, actor.instansiId, id)
  if (!account) throw new AppError('not_found', 'accounts.not_found')
  return account
}

/** Users of the instansi by id, with their live grants (for the penanggung jawab and pengelola rule). */
export async function userLookupsById(
  db: Db,
  instansiId: string,
  ids: readonly string[],
): Promise<Map<string, UserLookup>> {
  const wanted = [...new Set(ids.filter(Boolean))]
  const people = await findInstansiUsers(db, instansiId, { ids: wanted })
  return withGrants(db, instansiId, people)
}

export async function withGrants(
  db: Db,
  instansiId: string,
  people: ReadonlyArray<{ id: string; name: string; disabled: boolean }>,
): Promise<Map<string, UserLookup>> {
  const grants = await grantsOfUsers(
    db,
    instansiId,
    people.map((person) => person.id),
  )
  return new Map(
    people.map((person) => [
      person.id,
      {
        id: person.id,
        name: person.name,
        disabled: person.disabled,
        grants: grants.filter((grant) => grant.userId === person.id),
      },
    ]),
  )
}

async function lookupsFor(db: Db, instansiId: string, draft: AccountDraft): Promise<AccountLookups> {
  const unit = draft.unitId ? await getUnit(db, instansiId, draft.unitId) : undefined
  const byId = await userLookupsById(db, instansiId, [
    draft.penanggungJawabUserId ?? '',
    ...draft.pengelola.map((p) => p.userId),
  ])
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
  return toAccountView(actor, account, naming.get(account.id))
}

export async function getAccountView(deps: AccountDeps, actor: Actor, id: string): Promise<AccountView> {
  const account = await loadAccount(deps.db, actor, id)
  authorize(actor, 'account.read', { instansiId: account.instansiId, unitPath: account.unitPath })
  const naming = await evaluateNaming(deps.db, actor.instansiId, [account])
  return toAccountView(actor, account, naming.get(account.id))
}

export function duplicateError(platform: string, handle: string): AppError {
  return new AppError(
    'conflict',
    'accounts.duplicate',
    { platform: isPlatform(platform) ? PLATFORM_LABELS[platform] : platform, handle },
    { handle: problem('accounts.duplicate_field') },
  )
}

function invalidAccount(errors: FieldErrors): AppError {
  return new AppError('invalid_input', 'accounts.invalid', { count: Object.keys(errors).length }, errors)
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

/** What the API takes; every field may be missing, so that one answer names every problem. */
export interface AccountPayload {
  unitId?: string | undefined
  platform?: string | undefined
  handle?: string | undefined
  displayName?: string | null | undefined
  url?: string | null | undefined
  penanggungJawabUserId?: string | undefined
  pengelola?: PengelolaDraft[] | undefined
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
  if (draft.unitId) {
    const unit = await getUnit(deps.db, actor.instansiId, draft.unitId)
    if (!unit)
      throw new AppError('not_found', 'accounts.unit_not_found', undefined, {
        unitId: problem('accounts.unit_not_found'),
      })
    authorize(actor, 'account.manage', { instansiId: unit.instansiId, unitPath: unit.path })
  } else if (unitScope(actor, 'account.manage').pathPrefixes.length === 0) {
    const action = 'account.manage'
    throw new AppError('forbidden', 'common.forbidden_action', { action })
  }
  const now = deps.clock.now()
  const check = checkAccountDraft(
    draft,
    await lookupsFor(deps.db, actor.instansiId, draft),
    jakartaDateOf(now),
  )
  if (!check.ok) throw invalidAccount(check.errors)
  const id = await raceSafe(check.fields, () =>
    deps.db.transaction(async (tx) => {
      if (await findAccountByHandle(tx, actor.instansiId, check.fields.platform, check.fields.handle))
        throw duplicateError(check.fields.platform, check.fields.handleDisplay ?? check.fields.handle)
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

export type AccountPatch = AccountPayload

export async function updateAccount(
  deps: AccountDeps,
  actor: Actor,
  id: string,
  patch: AccountPatch,
  meta: ChangeMeta,
): Promise<AccountView> {
  const before = await loadAccount(deps.db, actor, id)
  authorize(actor, 'account.manage', { instansiId: before.instansiId, unitPath: before.unitPath })
  const current: AccountDraft = {
    unitId: before.unitId,
    platform: before.platform,
    handle: before.handleDisplay ?? before.handle,
    displayName: before.displayName,
    url: before.url,
    penanggungJawabUserId: before.penanggungJawab.userId,
    pengelola: before.pengelola,
    verificationStatus: before.verificationStatus,
    platformTwoFactor: before.platformTwoFactor,
    credentialRotatedOn: before.credentialRotatedOn,
    status: before.status,
    notes: before.notes,
  }
  const changed = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined))
  const draft: AccountDraft = {
    ...current,
    ...changed,
    // A new platform or handle without a new address: the stored address named the old account.
    ...((patch.platform !== undefined || patch.handle !== undefined) && patch.url === undefined
      ? { url: null }
      : {}),
    pengelola: patch.pengelola ?? current.pengelola,
  }
  if (draft.unitId && draft.unitId !== before.unitId) {
    const target = await getUnit(deps.db, actor.instansiId, draft.unitId)
    if (!target)
      throw new AppError('not_found', 'accounts.unit_not_found', undefined, {
        unitId: problem('accounts.unit_not_found'),
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
  // Moving the account to another unit re-checks every assignment against the new unit.
  const kept = draft.unitId === before.unitId ? currentAssignments(before) : undefined
  const check = checkAccountDraft(draft, { ...lookups, unitById }, jakartaDateOf(now), kept)
  if (!check.ok) throw invalidAccount(check.errors)
  await raceSafe(check.fields, () =>
    deps.db.transaction(async (tx) => {
      const clash = await findAccountByHandle(
        tx,
        actor.instansiId,
        check.fields.platform,
        check.fields.handle,
      )
      if (clash && clash.id !== id)
        throw duplicateError(check.fields.platform, check.fields.handleDisplay ?? check.fields.handle)
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

export interface AccountPerson {
  userId: string
  name: string
  /** Shown only to callers who may read users (user.read). */
  email: string | null
}

export interface AccountPeople {
  penanggungJawab: AccountPerson[]
  pengelola: AccountPerson[]
}

/**
 * The people an account of this unit may name: active users holding the roles each duty needs
 * (ACCOUNT_DUTY_ROLES: `penanggung_jawab` for the penanggung jawab; `pengelola` or `penanggung_jawab` for a
 * pengelola) on the unit or a unit above it. For the pickers of the account form; the
 * same rule is enforced when the account is saved.
 */
export async function accountPeople(deps: AccountDeps, actor: Actor, unitId: string): Promise<AccountPeople> {
  const unit = await getUnit(deps.db, actor.instansiId, unitId)
  if (!unit) throw new AppError('not_found', 'accounts.unit_not_found')
  authorize(actor, 'account.manage', { instansiId: unit.instansiId, unitPath: unit.path })
  const rows = await activeUsersHoldingRoleOver(deps.db, actor.instansiId, unit.path, [
    ...new Set([...ACCOUNT_DUTY_ROLES.penanggung_jawab, ...ACCOUNT_DUTY_ROLES.pengelola]),
  ])
  const showEmail = maySeePeopleOfUnit(actor, unit.path)
  const person = (row: (typeof rows)[number]): AccountPerson => ({
    userId: row.userId,
    name: row.name,
    email: showEmail ? row.email : null,
  })
  // One person per list even when several of their roles qualify (a penanggung jawab may also be pengelola).
  const holdersOf = (duty: AccountDuty) => [
    ...new Map(
      rows
        .filter((row) => (ACCOUNT_DUTY_ROLES[duty] as readonly string[]).includes(row.role))
        .map((row) => [row.userId, row]),
    ).values(),
  ]
  return {
    penanggungJawab: holdersOf('penanggung_jawab').map(person),
    pengelola: holdersOf('pengelola').map(person),
  }
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
    if (!unit) throw new AppError('not_found', 'accounts.unit_not_found')
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
      items: page.items.map((account) => toAccountView(actor, account, naming.get(account.id))),
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
      .map((account) => toAccountView(actor, account, naming.get(account.id))),
    total: matching.length,
  }
}
