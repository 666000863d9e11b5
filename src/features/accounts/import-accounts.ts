// CSV import and export of the account registry. Import keeps every valid row (all in one transaction) and
// reports each invalid one with its line, column and what to fix; rows are matched on platform + handle, so
// importing the same file twice changes nothing the second time.
import type { Db } from '../../db/client.ts'
import {
  insertAccounts,
  listAccounts,
  replacePengelolaOfMany,
  updateAccountFields,
  type PengelolaAssignment,
} from '../../db/accounts-repository.ts'
import { findInstansiUsers } from '../../db/users-repository.ts'
import { getUnit, listUnits } from '../../db/units-repository.ts'
import { can, unitScope, type Actor } from '../access/policy.ts'
import { AppError } from '../app-error.ts'
import { canonicalJson } from '../audit/audit-hash.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { jakartaDateOf } from '../calendar/add-working-days.ts'
import {
  ACCOUNT_CSV_COLUMNS,
  accountCsvRecord,
  checkAccountCsvRow,
  formatCsv,
  parseAccountCsv,
  type CsvLookups,
  type CsvRowError,
} from './account-csv.ts'
import { accountSnapshot, type AccountDeps, type AccountListFilter } from './manage-accounts.ts'

export interface ImportReport {
  rows: number
  created: number
  updated: number
  unchanged: number
  errors: CsvRowError[]
}

function emailsIn(values: ReadonlyArray<Partial<Record<string, string>>>): string[] {
  const emails = new Set<string>()
  for (const value of values) {
    if (value.penanggung_jawab_email) emails.add(value.penanggung_jawab_email.trim().toLowerCase())
    for (const entry of (value.pengelola ?? '').split(/[;\n]/)) {
      const email = entry.split('|')[0]?.trim().toLowerCase()
      if (email) emails.add(email)
    }
  }
  return [...emails]
}

export async function importAccountsCsv(
  deps: AccountDeps,
  actor: Actor,
  text: string,
  meta: ChangeMeta,
): Promise<ImportReport> {
  if (unitScope(actor, 'account.manage').pathPrefixes.length === 0)
    throw new AppError('forbidden', 'Anda tidak berwenang mengimpor akun resmi.')
  const parsed = parseAccountCsv(text)
  if (!parsed.ok) return { rows: 0, created: 0, updated: 0, unchanged: 0, errors: parsed.errors }
  const now = deps.clock.now()
  const today = jakartaDateOf(now)
  const units = await listUnits(deps.db, {
    instansiId: actor.instansiId,
    pathPrefixes: ['/'],
    includeArchived: true,
  })
  const unitByCode = new Map(units.map((unit) => [unit.code.toLowerCase(), unit]))
  const unitById = new Map(units.map((unit) => [unit.id, unit]))
  const people = await findInstansiUsers(deps.db, actor.instansiId, {
    emails: emailsIn(parsed.rows.map((row) => row.values)),
  })
  const byEmail = new Map(people.map((user) => [user.email.toLowerCase(), user]))
  const byId = new Map(people.map((user) => [user.id, user]))
  const lookups: CsvLookups = {
    unitByCode: (code) => unitByCode.get(code.toLowerCase()),
    userByEmail: (email) => byEmail.get(email.toLowerCase()),
    unitById: (id) => {
      const unit = unitById.get(id)
      return unit ? { id: unit.id, path: unit.path, archived: unit.archivedAt !== null } : undefined
    },
    userById: (id) => byId.get(id),
  }

  const errors: CsvRowError[] = []
  const firstRowOf = new Map<string, number>()
  const valid: Array<{
    row: number
    check: Extract<ReturnType<typeof checkAccountCsvRow>, { ok: true }>['check']
  }> = []
  for (const row of parsed.rows) {
    const result = checkAccountCsvRow(row, lookups, today)
    if (!result.ok) {
      errors.push(...result.errors)
      continue
    }
    const { fields } = result.check
    if (!can(actor, 'account.manage', { instansiId: actor.instansiId, unitPath: result.check.unit.path })) {
      errors.push({
        row: row.row,
        column: 'unit_code',
        message: 'Anda tidak berwenang mengelola akun di unit ini.',
      })
      continue
    }
    const key = `${fields.platform}:${fields.handle}`
    const earlier = firstRowOf.get(key)
    if (earlier !== undefined) {
      errors.push({
        row: row.row,
        column: 'handle',
        message: `Akun yang sama sudah ada di baris ${earlier} berkas ini; hapus salah satunya.`,
      })
      continue
    }
    firstRowOf.set(key, row.row)
    valid.push({ row: row.row, check: result.check })
  }

  let created = 0
  let updated = 0
  let unchanged = 0
  await deps.db.transaction(async (tx) => {
    // Everything in a few statements: on PGlite one transaction holds the only connection, so a row-by-row
    // import of a few thousand accounts would stall every other request for tens of seconds.
    const handles = [...new Set(valid.map(({ check }) => check.fields.handle))]
    const stored =
      valid.length === 0
        ? []
        : (await listAccounts(tx, { instansiId: actor.instansiId, pathPrefixes: ['/'], handles }, undefined))
            .items
    const existing = new Map(stored.map((account) => [`${account.platform}:${account.handle}`, account]))
    const toCreate: typeof valid = []
    const pengelolaByAccount = new Map<string, PengelolaAssignment[]>()
    const changes: Array<{
      accountId: string
      row: number
      change: 'create' | 'update'
      before?: unknown
      after: unknown
    }> = []
    for (const { row, check } of valid) {
      const found = existing.get(`${check.fields.platform}:${check.fields.handle}`)
      if (!found) {
        toCreate.push({ row, check })
        continue
      }
      if (!can(actor, 'account.manage', { instansiId: actor.instansiId, unitPath: found.unitPath })) {
        errors.push({
          row,
          column: 'handle',
          message:
            'Akun ini sudah terdaftar di unit yang tidak Anda kelola; minta admin unit tersebut memindahkannya.',
        })
        continue
      }
      const before = accountSnapshot(found)
      const after = { ...check.fields, pengelola: check.pengelola }
      if (canonicalJson(comparable(before)) === canonicalJson(comparable(after))) {
        unchanged += 1
        continue
      }
      await updateAccountFields(tx, actor.instansiId, found.id, check.fields, now)
      pengelolaByAccount.set(found.id, check.pengelola)
      changes.push({ accountId: found.id, row, change: 'update', before, after })
      updated += 1
    }
    const ids = await insertAccounts(
      tx,
      actor.instansiId,
      toCreate.map(({ check }) => check.fields),
      now,
    )
    ids.forEach((id, index) => {
      const { row, check } = toCreate[index]!
      pengelolaByAccount.set(id, check.pengelola)
      changes.push({
        accountId: id,
        row,
        change: 'create',
        after: { ...check.fields, pengelola: check.pengelola },
      })
    })
    created = ids.length
    await replacePengelolaOfMany(tx, actor.instansiId, pengelolaByAccount)
    // One audit entry for the whole import, holding every account's before and after: an entry per row would
    // cost three statements each inside this transaction.
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'account.import',
        objectType: 'account',
        objectId: null,
        after: {
          rows: parsed.rows.length,
          created,
          updated,
          unchanged,
          rejectedRows: new Set(errors.map((e) => e.row)).size,
          changes,
        },
      },
      now,
    )
  })
  errors.sort((a, b) => a.row - b.row)
  return { rows: parsed.rows.length, created, updated, unchanged, errors }
}

/** Pengelola in one order, so a row that repeats what is stored compares equal. */
function comparable(snapshot: Record<string, unknown>): Record<string, unknown> {
  const pengelola = [...((snapshot.pengelola as Array<{ userId: string }> | undefined) ?? [])].sort((a, b) =>
    a.userId.localeCompare(b.userId),
  )
  return { ...snapshot, pengelola }
}

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
    if (!unit) throw new AppError('not_found', 'Unit tidak ditemukan.')
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
  await exportAudit(deps.db, actor, meta, items.length, filter, deps.clock.now())
  return formatCsv(ACCOUNT_CSV_COLUMNS, items.map(accountCsvRecord))
}

async function exportAudit(
  db: Db,
  actor: Actor,
  meta: ChangeMeta,
  count: number,
  filter: object,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await recordChange(
      tx,
      actor,
      meta,
      { action: 'account.export', objectType: 'account', objectId: null, after: { count, filter } },
      now,
    )
  })
}
