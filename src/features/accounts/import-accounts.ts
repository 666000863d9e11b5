// CSV import of the account registry as a background job (finding 4.6: one 38,000-row import used to hold the
// embedded database for 14 s, reach 1.6 GB and write one 23 MB audit entry).
//
// The upload only checks the header row and stores the file; the `import-accounts` job then works through it in
// batches, each batch one short transaction (claim the import row → re-check it is still due → act → move
// processed_rows on), so other requests are served between batches and a job delivered twice, or restarted
// after a crash, continues where the last committed batch ended. An import is first checked (mode `preview`:
// what would be created, updated, unchanged, and every problem, nothing saved), then applied when the person
// confirms (mode `apply`: every row checked again, since the registry may have changed meanwhile). Rows are
// matched on platform + handle, so importing the same file twice changes nothing the second time. The audit log
// gets one entry per account created or changed and one summary entry per import, each small.
import { randomUUID } from 'node:crypto'
import { setImmediate as yieldToOthers } from 'node:timers/promises'
import type { Db } from '../../db/client.ts'
import {
  discardPendingImportsOf,
  getAccountImport,
  getAccountImportCsv,
  insertAccountImport,
  insertAccountImportItems,
  deleteAccountImportItems,
  listAccountImportItems,
  listAccountImportsOf,
  lockAccountImport,
  updateAccountImport,
  type AccountImportItemRow,
  type AccountImportRow,
  type NewAccountImportItem,
} from '../../db/account-imports-repository.ts'
import {
  insertAccounts,
  listAccounts,
  replacePengelolaOfMany,
  updateAccountFields,
  type AccountRecord,
  type PengelolaAssignment,
} from '../../db/accounts-repository.ts'
import { grantsOfUsers } from '../../db/role-grants-repository.ts'
import { findInstansiUsers, findUserById } from '../../db/users-repository.ts'
import { listUnits } from '../../db/units-repository.ts'
import { isUniqueViolation } from '../../db/sql-helpers.ts'
import type { Problem } from '../../shared/errors.ts'
import { can, unitScope, type Actor } from '../access/policy.ts'
import { AppError, problem } from '../app-error.ts'
import { canonicalJson } from '../audit/audit-hash.ts'
import { recordChange, recordChanges, type ChangeMeta, type ChangeRecord } from '../audit/record-change.ts'
import { jakartaDateOf } from '../calendar/add-working-days.ts'
import { actorFrom } from '../identity/load-actor.ts'
import { enqueue } from '../jobs/enqueue.ts'
import { claimAndRecheck } from '../jobs/claim-and-recheck.ts'
import {
  checkAccountCsvHeader,
  checkAccountCsvRow,
  csvRowKey,
  emailsOfRow,
  parseAccountCsvInSteps,
  type CsvHeader,
  type CsvLookups,
  type CsvRow,
  type CsvRowError,
} from './account-csv.ts'
import type { AccountCheck, UserLookup } from './account-input.ts'
import { accountSnapshot, currentAssignments, withGrants, type AccountDeps } from './manage-accounts.ts'

/**
 * Rows per batch: each batch is one transaction. On PGlite a transaction's statements resolve without the event
 * loop turning, so a whole batch runs as one block for every other request (bench/account-import.bench.ts): 100
 * rows keep that block near a tenth of a second; the steps inside a batch also yield, so requests that need no
 * database (/healthz, the web app's files) get through while it runs.
 */
export const IMPORT_BATCH_ROWS = 100

export type ImportMode = 'preview' | 'apply'

export interface AccountImportView {
  id: string
  mode: ImportMode
  status: AccountImportRow['status']
  /** Data rows of the file (the header not counted); 0 until the job has read the file. */
  totalRows: number
  processedRows: number
  /** In a preview: what applying would do; once applied: what was done. */
  created: number
  updated: number
  unchanged: number
  /** Rows with at least one problem (not saved). */
  rejected: number
  failure: Problem | null
  createdAt: string
  finishedAt: string | null
}

function toView(row: AccountImportRow): AccountImportView {
  return {
    id: row.id,
    mode: row.mode,
    status: row.status,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    created: row.createdCount,
    updated: row.updatedCount,
    unchanged: row.unchangedCount,
    rejected: row.rejectedCount,
    failure: row.failure ? (row.failure as Problem) : null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  }
}

function requireImportRight(actor: Actor): void {
  if (unitScope(actor, 'account.manage').pathPrefixes.length === 0)
    throw new AppError('forbidden', 'accounts.import_forbidden')
}

/** Only the person who uploaded a file sees its import: its preview lists accounts of the units they manage. */
async function loadOwnImport(db: Db, actor: Actor, id: string): Promise<AccountImportRow> {
  const row = await getAccountImport(db, actor.instansiId, id)
  if (!row || row.requestedBy !== actor.userId) throw new AppError('not_found', 'accounts.import_not_found')
  return row
}

/** Header problems answered at once, keyed `header.<column>` (row 1 of the file). */
function headerError(errors: readonly CsvRowError[]): AppError {
  const details: Record<string, Problem> = {}
  for (const error of errors) details[`header.${error.column || 'file'}`] = problem(error.key, error.params)
  return new AppError('invalid_input', 'accounts.csv_header_invalid', { count: errors.length }, details)
}

/**
 * Stores an uploaded file and asks for the job that checks it (`preview`, the default) or imports it at once
 * (`apply`, for scripts). A person's earlier import still waiting for confirmation is discarded.
 */
export async function startAccountImport(
  deps: AccountDeps,
  actor: Actor,
  csv: string,
  options: { mode: ImportMode },
  meta: ChangeMeta,
): Promise<AccountImportView> {
  requireImportRight(actor)
  const headerErrors = checkAccountCsvHeader(csv)
  if (headerErrors.length > 0) throw headerError(headerErrors)
  const now = deps.clock.now()
  const id = randomUUID()
  await deps.db.transaction(async (tx) => {
    await discardPendingImportsOf(tx, actor.instansiId, actor.userId, now)
    await insertAccountImport(tx, {
      id,
      instansiId: actor.instansiId,
      requestedBy: actor.userId,
      actorLabel: actor.label,
      actorVia: actor.via,
      actorGrants: actor.grants.map((grant) => ({ unitId: grant.unitId, role: grant.role })),
      ip: meta.ip ?? null,
      userAgent: meta.userAgent ?? null,
      csv,
      mode: options.mode,
      status: 'queued',
      createdAt: now,
      updatedAt: now,
    })
    await enqueue(tx, 'import-accounts', { instansiId: actor.instansiId, importId: id })
  })
  return getAccountImportView(deps, actor, id)
}

export async function getAccountImportView(
  deps: AccountDeps,
  actor: Actor,
  id: string,
): Promise<AccountImportView> {
  return toView(await loadOwnImport(deps.db, actor, id))
}

/** The person's latest imports, newest first (the page picks up an import still running). */
export async function listMyAccountImports(deps: AccountDeps, actor: Actor): Promise<AccountImportView[]> {
  requireImportRight(actor)
  return (await listAccountImportsOf(deps.db, actor.instansiId, actor.userId, 10)).map(toView)
}

/** Applies a checked import: the job works through the file again, this time saving. */
export async function applyAccountImport(
  deps: AccountDeps,
  actor: Actor,
  id: string,
): Promise<AccountImportView> {
  requireImportRight(actor)
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const [row] = await lockAccountImport(tx, actor.instansiId, id)
    if (!row || row.requestedBy !== actor.userId) {
      // Locked by the job (still checking) or not this person's: tell which.
      const exists = await getAccountImport(tx, actor.instansiId, id)
      if (!exists || exists.requestedBy !== actor.userId)
        throw new AppError('not_found', 'accounts.import_not_found')
      throw new AppError('conflict', 'accounts.import_not_ready')
    }
    if (row.mode !== 'preview' || row.status !== 'previewed')
      throw new AppError('conflict', 'accounts.import_not_ready')
    if (row.createdCount + row.updatedCount === 0)
      throw new AppError('conflict', 'accounts.import_nothing_to_do')
    await deleteAccountImportItems(tx, actor.instansiId, id, 'apply')
    await updateAccountImport(
      tx,
      actor.instansiId,
      id,
      {
        mode: 'apply',
        status: 'queued',
        processedRows: 0,
        createdCount: 0,
        updatedCount: 0,
        unchangedCount: 0,
        rejectedCount: 0,
      },
      now,
    )
    await enqueue(tx, 'import-accounts', { instansiId: actor.instansiId, importId: id })
  })
  return getAccountImportView(deps, actor, id)
}

/** Drops a checked import the person does not want (and its file). */
export async function discardAccountImport(
  deps: AccountDeps,
  actor: Actor,
  id: string,
): Promise<AccountImportView> {
  const row = await loadOwnImport(deps.db, actor, id)
  if (row.mode !== 'preview' || !['queued', 'running', 'previewed'].includes(row.status))
    throw new AppError('conflict', 'accounts.import_not_ready')
  await updateAccountImport(
    deps.db,
    actor.instansiId,
    id,
    { status: 'discarded', csv: null, finishedAt: deps.clock.now() },
    deps.clock.now(),
  )
  return getAccountImportView(deps, actor, id)
}

export interface ImportItemView {
  row: number
  outcome: 'create' | 'update' | 'error'
  platform: string | null
  handle: string | null
  unitCode: string | null
  /** update: the fields that change. */
  changed: string[]
  /** error: each problem with its row and column. */
  problems: CsvRowError[]
}

function toItemView(item: AccountImportItemRow): ImportItemView {
  return {
    row: item.line,
    outcome: item.outcome,
    platform: item.platform,
    handle: item.handle,
    unitCode: item.unitCode,
    changed: item.changed ?? [],
    problems: (item.problems ?? []).map((found) => ({
      row: item.line,
      column: found.column,
      key: found.key as Problem['key'],
      params: found.params as Problem['params'],
    })),
  }
}

/** What the rows of an import would do (`preview`) or could not do (`apply`), a page at a time. */
export async function listAccountImportItemViews(
  deps: AccountDeps,
  actor: Actor,
  id: string,
  filter: {
    phase: ImportMode
    outcome?: 'create' | 'update' | 'error' | undefined
    limit: number
    offset: number
  },
): Promise<{ items: ImportItemView[]; total: number }> {
  await loadOwnImport(deps.db, actor, id)
  const page = await listAccountImportItems(
    deps.db,
    { instansiId: actor.instansiId, importId: id, phase: filter.phase, outcome: filter.outcome },
    { limit: filter.limit, offset: filter.offset },
  )
  return { items: page.items.map(toItemView), total: page.total }
}

// ---------------------------------------------------------------------------------------------------------------
// The job.

interface ImportRun {
  instansiId: string
  importId: string
  mode: ImportMode
  actor: Actor
  meta: ChangeMeta
  header: CsvHeader
  rows: CsvRow[]
  /** `platform:handle` of each row (undefined when the row names no account). */
  keys: (string | undefined)[]
  /** The first row of the file naming each account: a later row naming it again is refused. */
  firstRowOf: Map<string, number>
  lookups: CsvLookups
  unitPathById: Map<string, string>
  unitIdByCode: Map<string, string>
  today: string
}

type RowOutcome =
  | { kind: 'error'; row: CsvRow; errors: CsvRowError[] }
  | { kind: 'unchanged'; row: CsvRow }
  | { kind: 'create'; row: CsvRow; check: Extract<AccountCheck, { ok: true }> }
  | {
      kind: 'update'
      row: CsvRow
      check: Extract<AccountCheck, { ok: true }>
      existing: AccountRecord
      changed: string[]
    }

/** A snapshot in one comparable form: pengelola in one order, a handle shown as stored when none was typed. */
function comparable(snapshot: Record<string, unknown>): Record<string, unknown> {
  const pengelola = [...((snapshot.pengelola as Array<{ userId: string }> | undefined) ?? [])].sort((a, b) =>
    a.userId.localeCompare(b.userId),
  )
  return { ...snapshot, handleDisplay: snapshot.handleDisplay ?? snapshot.handle, pengelola }
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const a = comparable(before)
  const b = comparable(after)
  return Object.keys(b).filter((key) => canonicalJson(a[key]) !== canonicalJson(b[key]))
}

async function evaluateRows(tx: Db, run: ImportRun, from: number, to: number): Promise<RowOutcome[]> {
  const slice = run.rows.slice(from, to)
  const keys = run.keys.slice(from, to)
  const handles = [...new Set(keys.flatMap((key) => (key ? [key.slice(key.indexOf(':') + 1)] : [])))]
  const stored =
    handles.length === 0
      ? []
      : (await listAccounts(tx, { instansiId: run.instansiId, pathPrefixes: ['/'], handles }, undefined))
          .items
  const existingByKey = new Map(stored.map((account) => [`${account.platform}:${account.handle}`, account]))
  return slice.map((row, index): RowOutcome => {
    const key = keys[index]
    const existing = key ? existingByKey.get(key) : undefined
    const unitId = run.unitIdByCode.get((row.values.unit_code ?? '').trim().toLowerCase())
    const kept = existing && existing.unitId === unitId ? currentAssignments(existing) : undefined
    const result = checkAccountCsvRow(row, run.header, run.lookups, run.today, kept)
    if (!result.ok) return { kind: 'error', row, errors: result.errors }
    const fail = (column: string, found: Problem): RowOutcome => ({
      kind: 'error',
      row,
      errors: [{ row: row.row, column, key: found.key, params: found.params }],
    })
    const handleColumn = run.header.fields.handle ?? run.header.fields.url ?? 'nama_akun'
    const first = key ? run.firstRowOf.get(key) : undefined
    if (first !== undefined && first !== row.row)
      return fail(handleColumn, problem('accounts.csv_duplicate_row', { row: first }))
    const unitPath = run.unitPathById.get(result.check.unit.id) ?? ''
    if (!can(run.actor, 'account.manage', { instansiId: run.instansiId, unitPath }))
      return fail(run.header.fields.unit_code ?? 'kode_unit', problem('accounts.csv_unit_forbidden'))
    if (!existing) return { kind: 'create', row, check: result.check }
    if (!can(run.actor, 'account.manage', { instansiId: run.instansiId, unitPath: existing.unitPath }))
      return fail(handleColumn, problem('accounts.csv_account_elsewhere'))
    const changed = changedFields(accountSnapshot(existing), {
      ...result.check.fields,
      pengelola: result.check.pengelola,
    })
    if (changed.length === 0) return { kind: 'unchanged', row }
    return { kind: 'update', row, check: result.check, existing, changed }
  })
}

function itemOf(run: ImportRun, outcome: RowOutcome): NewAccountImportItem | undefined {
  if (outcome.kind === 'unchanged') return undefined
  const { row } = outcome
  return {
    importId: run.importId,
    instansiId: run.instansiId,
    phase: run.mode,
    line: row.row,
    outcome: outcome.kind,
    platform: row.values.platform?.trim() || null,
    handle:
      (outcome.kind === 'error' ? row.values.handle?.trim() : outcome.check.fields.handleDisplay) || null,
    unitCode: row.values.unit_code?.trim() || null,
    changed: outcome.kind === 'update' ? outcome.changed : null,
    problems:
      outcome.kind === 'error'
        ? outcome.errors.map((error) => ({ column: error.column, key: error.key, params: error.params }))
        : null,
  }
}

/** Saves what the batch creates and changes, with one audit entry per account, in the batch's transaction. */
async function applyOutcomes(
  tx: Db,
  run: ImportRun,
  outcomes: readonly RowOutcome[],
  now: Date,
): Promise<void> {
  const creates = outcomes.flatMap((outcome) => (outcome.kind === 'create' ? [outcome] : []))
  const updates = outcomes.flatMap((outcome) => (outcome.kind === 'update' ? [outcome] : []))
  const pengelolaByAccount = new Map<string, PengelolaAssignment[]>()
  const changes: ChangeRecord[] = []
  const ids = await insertAccounts(
    tx,
    run.instansiId,
    creates.map(({ check }) => check.fields),
    now,
  )
  await yieldToOthers()
  creates.forEach(({ check }, index) => {
    const id = ids[index]!
    pengelolaByAccount.set(id, check.pengelola)
    changes.push({
      action: 'account.create',
      objectType: 'account',
      objectId: id,
      after: { ...check.fields, pengelola: check.pengelola, importId: run.importId },
    })
  })
  for (const { check, existing } of updates) {
    await updateAccountFields(tx, run.instansiId, existing.id, check.fields, now)
    pengelolaByAccount.set(existing.id, check.pengelola)
    changes.push({
      action: 'account.update',
      objectType: 'account',
      objectId: existing.id,
      before: accountSnapshot(existing),
      after: { ...check.fields, pengelola: check.pengelola, importId: run.importId },
    })
  }
  await replacePengelolaOfMany(tx, run.instansiId, pengelolaByAccount, new Set(ids))
  await yieldToOthers()
  await recordChanges(tx, run.actor, run.meta, changes, now)
}

/** One batch, inside the claim's transaction: evaluate, record the items, save (apply), move the progress on. */
async function runBatch(
  tx: Db,
  run: ImportRun,
  locked: AccountImportRow,
  batchRows: number,
  now: Date,
): Promise<void> {
  const from = locked.processedRows
  const to = Math.min(run.rows.length, from + batchRows)
  const outcomes = await evaluateRows(tx, run, from, to)
  await yieldToOthers()
  if (run.mode === 'apply') await applyOutcomes(tx, run, outcomes, now)
  await insertAccountImportItems(
    tx,
    outcomes.flatMap((outcome) => {
      // An apply records only what it could not do; the preview records what it would do, too.
      if (run.mode === 'apply' && outcome.kind !== 'error') return []
      const item = itemOf(run, outcome)
      return item ? [item] : []
    }),
  )
  const tally = (kind: RowOutcome['kind']) => outcomes.filter((outcome) => outcome.kind === kind).length
  const counts = {
    createdCount: locked.createdCount + tally('create'),
    updatedCount: locked.updatedCount + tally('update'),
    unchangedCount: locked.unchangedCount + tally('unchanged'),
    rejectedCount: locked.rejectedCount + tally('error'),
  }
  const finished = to >= run.rows.length
  await updateAccountImport(
    tx,
    run.instansiId,
    run.importId,
    {
      ...counts,
      totalRows: run.rows.length,
      processedRows: to,
      status: finished ? (run.mode === 'preview' ? 'previewed' : 'done') : 'running',
      ...(finished && run.mode === 'apply' ? { csv: null, finishedAt: now } : {}),
    },
    now,
  )
  if (finished && run.mode === 'apply')
    await recordChange(
      tx,
      run.actor,
      run.meta,
      {
        action: 'account.import',
        objectType: 'account_import',
        objectId: run.importId,
        after: {
          rows: run.rows.length,
          created: counts.createdCount,
          updated: counts.updatedCount,
          unchanged: counts.unchangedCount,
          rejectedRows: counts.rejectedCount,
        },
      },
      now,
    )
}

async function failImport(
  db: Db,
  instansiId: string,
  importId: string,
  failure: Problem,
  now: Date,
): Promise<void> {
  await claimAndRecheck(db, {
    claim: (tx) => lockAccountImport(tx, instansiId, importId),
    isStillDue: (row) => row.status === 'queued' || row.status === 'running',
    act: (tx) =>
      updateAccountImport(
        tx,
        instansiId,
        importId,
        { status: 'failed', failure, csv: null, finishedAt: now },
        now,
      ),
  })
}

/** Reads the file, the actor and the lookups once per run of the job; undefined (and the import failed) if not. */
async function prepareRun(
  deps: AccountDeps,
  row: AccountImportRow,
  csv: string,
): Promise<ImportRun | Problem> {
  const parsed = await parseAccountCsvInSteps(csv)
  if (!parsed.ok) return problem(parsed.errors[0]!.key, parsed.errors[0]!.params)
  if (parsed.rows.length === 0) return problem('accounts.csv_no_rows')
  const user = await findUserById(deps.db, row.instansiId, row.requestedBy)
  if (!user || user.disabledAt !== null) return problem('accounts.import_actor_gone')
  const via = (['session', 'token', 'cli'] as const).find((value) => value === row.actorVia) ?? 'session'
  const actor = actorFrom(user, via, await grantsOfUsers(deps.db, row.instansiId, [user.id]), row.actorGrants)
  if (unitScope(actor, 'account.manage').pathPrefixes.length === 0)
    return problem('accounts.import_forbidden')

  const units = await listUnits(deps.db, {
    instansiId: row.instansiId,
    pathPrefixes: ['/'],
    includeArchived: true,
  })
  const unitByCode = new Map(units.map((unit) => [unit.code.toLowerCase(), unit]))
  const unitById = new Map(units.map((unit) => [unit.id, unit]))
  const emails = [...new Set(parsed.rows.flatMap(emailsOfRow))]
  const people = emails.length === 0 ? [] : await findInstansiUsers(deps.db, row.instansiId, { emails })
  const byId: Map<string, UserLookup> = await withGrants(deps.db, row.instansiId, people)
  const byEmail = new Map(people.map((person) => [person.email.toLowerCase(), byId.get(person.id)!]))
  const lookups: CsvLookups = {
    unitByCode: (code) => unitByCode.get(code.trim().toLowerCase()),
    userByEmail: (email) => byEmail.get(email.trim().toLowerCase()),
    unitById: (id) => {
      const unit = unitById.get(id)
      return unit ? { id: unit.id, path: unit.path, archived: unit.archivedAt !== null } : undefined
    },
    userById: (id) => byId.get(id),
  }
  const keys = parsed.rows.map(csvRowKey)
  const firstRowOf = new Map<string, number>()
  parsed.rows.forEach((csvRow, index) => {
    const key = keys[index]
    if (key && !firstRowOf.has(key)) firstRowOf.set(key, csvRow.row)
  })
  return {
    instansiId: row.instansiId,
    importId: row.id,
    mode: row.mode,
    actor,
    meta: { ip: row.ip, userAgent: row.userAgent },
    header: parsed.header,
    rows: parsed.rows,
    keys,
    firstRowOf,
    lookups,
    unitPathById: new Map(units.map((unit) => [unit.id, unit.path])),
    unitIdByCode: new Map(units.map((unit) => [unit.code.toLowerCase(), unit.id])),
    today: jakartaDateOf(deps.clock.now()),
  }
}

export interface ImportRunResult {
  /** Batches this run committed. */
  batches: number
  status: AccountImportRow['status'] | 'missing'
}

/**
 * The `import-accounts` job: works through the import's file batch by batch until it is checked (preview) or
 * applied, yielding between batches. Safe to run twice at once or again after a crash (see the top of the file).
 */
export async function runAccountImport(
  deps: AccountDeps,
  target: { instansiId: string; importId: string },
  options: {
    batchRows?: number
    /** Stop after this many batches, as a worker that died would (tests of resuming). */
    maxBatches?: number
  } = {},
): Promise<ImportRunResult> {
  const batchRows = options.batchRows ?? IMPORT_BATCH_ROWS
  const { instansiId, importId } = target
  const row = await getAccountImport(deps.db, instansiId, importId)
  if (!row) return { batches: 0, status: 'missing' }
  if (row.status !== 'queued' && row.status !== 'running') return { batches: 0, status: row.status }
  const csv = await getAccountImportCsv(deps.db, instansiId, importId)
  const prepared = csv === null ? problem('accounts.import_failed') : await prepareRun(deps, row, csv)
  if (!('rows' in prepared)) {
    await failImport(deps.db, instansiId, importId, prepared, deps.clock.now())
    return { batches: 0, status: 'failed' }
  }
  const run = prepared
  let batches = 0
  let raced = 0
  for (;;) {
    try {
      const result = await claimAndRecheck(deps.db, {
        claim: (tx) => lockAccountImport(tx, instansiId, importId),
        isStillDue: (locked) =>
          (locked.status === 'queued' || locked.status === 'running') &&
          locked.mode === run.mode &&
          locked.processedRows < run.rows.length,
        act: (tx, [locked]) => runBatch(tx, run, locked!, batchRows, deps.clock.now()),
      })
      // Another worker holds the import for a batch right now; it carries on from there.
      if (result.claimed === 0 || result.due === 0) break
      batches += 1
      if (options.maxBatches !== undefined && batches >= options.maxBatches) break
    } catch (error) {
      // A handle registered through the form between the read and the insert: the batch is evaluated again.
      if (isUniqueViolation(error) && raced++ < 3) continue
      await failImport(deps.db, instansiId, importId, problem('accounts.import_failed'), deps.clock.now())
      throw error
    }
    await yieldToOthers()
  }
  const after = await getAccountImport(deps.db, instansiId, importId)
  return { batches, status: after?.status ?? 'missing' }
}
