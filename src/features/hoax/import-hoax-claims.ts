// CSV import and export of the hoax knowledge base. The import is checked first (dry run, the default: what each
// row would do, and every problem by row and column; nothing saved), then saved when the person confirms, with
// every row checked again. Saving refuses a file with any row error: a half-imported knowledge base would leave
// drafts unchecked against the claims that were left out. A row with an `id` changes that claim; a row without
// one changes the claim with the same words (ignoring case and spacing) or adds a new one, so importing the same
// file twice changes nothing the second time. A knowledge base is hundreds of claims, so this runs in the
// request (at most MAX_HOAX_IMPORT_ROWS rows) rather than as a job like the account import.
import { randomUUID } from 'node:crypto'
import {
  insertHoaxClaims,
  listHoaxClaims,
  updateHoaxClaim,
  type HoaxClaimFields,
  type HoaxClaimRecord,
} from '../../db/hoax-claims-repository.ts'
import type { HoaxClaimStatus } from '../../shared/hoax-labels.ts'
import type { Problem } from '../../shared/errors.ts'
import type { Actor } from '../access/policy.ts'
import { AppError, problem } from '../app-error.ts'
import { recordChange, recordChanges, type ChangeMeta, type ChangeRecord } from '../audit/record-change.ts'
import type { CsvRowError } from '../accounts/account-csv.ts'
import { checkHoaxClaimDraft } from './hoax-claim-input.ts'
import { columnOfDraftField, formatHoaxCsv, hoaxClaimCsvRecord, parseHoaxCsv } from './hoax-claim-csv.ts'
import {
  actorUserId,
  changedFields,
  hoaxClaimSnapshot,
  requireHoaxManager,
  requireHoaxReader,
  unitsOfInstansi,
  type HoaxDeps,
} from './manage-hoax-claims.ts'
import type { HoaxClaimFilter } from '../../db/hoax-claims-repository.ts'

export type HoaxImportAction = 'create' | 'update' | 'unchanged'

export interface HoaxImportRow {
  row: number
  action: HoaxImportAction
  /** The claim the row changes (update, unchanged); null for a new one. */
  claimId: string | null
  label: HoaxClaimFields['label']
  claim: string
  /** The fields an update changes. */
  changes: string[]
}

export interface HoaxImportResult {
  dryRun: boolean
  saved: boolean
  /** Data rows read (the header not counted). */
  dataRows: number
  rows: HoaxImportRow[]
  errors: CsvRowError[]
  created: number
  updated: number
  unchanged: number
}

interface PlannedRow extends HoaxImportRow {
  value: HoaxClaimFields
  status: HoaxClaimStatus
  before: HoaxClaimRecord | undefined
}

const claimKey = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase()

function fieldsOf(record: HoaxClaimRecord): HoaxClaimFields {
  return {
    label: record.label,
    claim: record.claim,
    facts: record.facts,
    sources: record.sources,
    firstSeenOn: record.firstSeenOn,
    clarifiedOn: record.clarifiedOn,
    unitIds: record.unitIds,
    variants: record.variants,
    keywords: record.keywords,
  }
}

async function planImport(
  deps: HoaxDeps,
  actor: Actor,
  csv: string,
): Promise<{ planned: PlannedRow[]; errors: CsvRowError[]; dataRows: number }> {
  const parsed = parseHoaxCsv(csv)
  const errors = [...parsed.errors]
  if (parsed.rows.length === 0) return { planned: [], errors, dataRows: 0 }
  const [existing, units] = await Promise.all([
    listHoaxClaims(deps.db, actor.instansiId, {}),
    unitsOfInstansi(deps.db, actor.instansiId),
  ])
  const byId = new Map(existing.map((claim) => [claim.id, claim]))
  const byText = new Map(existing.map((claim) => [claimKey(claim.claim), claim]))
  const unitByCode = new Map(
    [...units.values()].filter((unit) => unit.active).map((unit) => [unit.code.toLowerCase(), unit.id]),
  )
  const firstRowOf = new Map<string, number>()
  const planned: PlannedRow[] = []
  for (const row of parsed.rows) {
    const fail = (column: string, found: Problem) =>
      errors.push({ row: row.row, column, key: found.key, params: found.params })
    const before = errors.length
    const unitColumn = parsed.columns.unit_codes ?? 'kode_unit'
    const unitIds: string[] = []
    for (const code of row.unitCodes) {
      const id = unitByCode.get(code.toLowerCase())
      if (id) unitIds.push(id)
      else fail(unitColumn, problem('accounts.csv_unit_code_unknown', { code }))
    }
    let target: HoaxClaimRecord | undefined
    if (row.id) {
      target = byId.get(row.id)
      if (!target) fail(parsed.columns.id ?? 'id', problem('hoax.csv_id_unknown', { value: row.id }))
    } else target = byText.get(claimKey(row.draft.claim))
    // The units an existing claim already names stay allowed even when archived since.
    const allowed = new Set([...units.values()].filter((unit) => unit.active).map((unit) => unit.id))
    for (const id of target?.unitIds ?? []) allowed.add(id)
    const check = checkHoaxClaimDraft({ ...row.draft, unitIds }, allowed)
    if (!check.ok)
      for (const [field, found] of Object.entries(check.errors))
        fail(columnOfDraftField(field, parsed.columns), found)
    const key = target?.id ?? claimKey(row.draft.claim)
    const earlier = firstRowOf.get(key)
    if (earlier !== undefined)
      fail(parsed.columns.claim ?? 'klaim', problem('hoax.csv_duplicate_row', { row: earlier }))
    else firstRowOf.set(key, row.row)
    if (errors.length > before || !check.ok) continue

    const status = row.status ?? target?.status ?? 'active'
    let action: HoaxImportAction = 'create'
    let changes: string[] = []
    if (target) {
      const diff = changedFields(
        hoaxClaimSnapshot({ ...fieldsOf(target), status: target.status }),
        hoaxClaimSnapshot({ ...check.value, status }),
      )
      // The claim is in every diff (it names the object); it counts as a change only when its words changed.
      changes = diff
        ? Object.keys(diff.after).filter(
            (field) => field !== 'claim' || diff.before.claim !== diff.after.claim,
          )
        : []
      action = changes.length > 0 ? 'update' : 'unchanged'
    }
    planned.push({
      row: row.row,
      action,
      claimId: target?.id ?? null,
      label: check.value.label,
      claim: check.value.claim,
      changes,
      value: check.value,
      status,
      before: target,
    })
  }
  return { planned, errors, dataRows: parsed.rows.length }
}

function resultOf(
  planned: PlannedRow[],
  errors: CsvRowError[],
  dataRows: number,
  dryRun: boolean,
  saved: boolean,
): HoaxImportResult {
  const count = (action: HoaxImportAction) => planned.filter((row) => row.action === action).length
  return {
    dryRun,
    saved,
    dataRows,
    rows: planned.map(({ row, action, claimId, label, claim, changes }) => ({
      row,
      action,
      claimId,
      label,
      claim,
      changes,
    })),
    errors,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
  }
}

export async function importHoaxClaims(
  deps: HoaxDeps,
  actor: Actor,
  input: { csv: string; dryRun: boolean },
  meta: ChangeMeta,
): Promise<HoaxImportResult> {
  requireHoaxManager(actor)
  if (input.dryRun) {
    const { planned, errors, dataRows } = await planImport(deps, actor, input.csv)
    return resultOf(planned, errors, dataRows, true, false)
  }
  return deps.db.transaction(async (tx) => {
    // Planned again inside the transaction: the knowledge base may have changed since the preview.
    const { planned, errors, dataRows } = await planImport({ ...deps, db: tx }, actor, input.csv)
    if (errors.length > 0) {
      const details: Record<string, Problem> = {}
      for (const error of errors.slice(0, 40))
        details[`rows.${error.row}${error.column ? `.${error.column}` : ''}`] = problem(
          error.key,
          error.params,
        )
      throw new AppError(
        'invalid_input',
        'hoax.import_has_errors',
        { count: new Set(errors.map((error) => error.row)).size },
        details,
      )
    }
    const now = deps.clock.now()
    const userId = actorUserId(actor)
    const changes: ChangeRecord[] = []
    const created = planned
      .filter((row) => row.action === 'create')
      .map((row) => ({ ...row, id: randomUUID() }))
    await insertHoaxClaims(
      tx,
      created.map((row) => ({ ...row.value, id: row.id, instansiId: actor.instansiId, userId, now })),
    )
    for (const row of created) {
      if (row.status === 'archived')
        await updateHoaxClaim(tx, actor.instansiId, row.id, {
          status: 'archived',
          archivedAt: now,
          userId,
          now,
        })
      changes.push({
        action: 'hoax_claim.create',
        objectType: 'hoax_claim',
        objectId: row.id,
        after: hoaxClaimSnapshot({ ...row.value, status: row.status }),
      })
    }
    for (const row of planned.filter((entry) => entry.action === 'update')) {
      const before = row.before!
      await updateHoaxClaim(tx, actor.instansiId, before.id, {
        ...row.value,
        status: row.status,
        archivedAt: row.status === 'archived' ? (before.archivedAt ?? now) : null,
        userId,
        now,
      })
      const diff = changedFields(
        hoaxClaimSnapshot({ ...fieldsOf(before), status: before.status }),
        hoaxClaimSnapshot({ ...row.value, status: row.status }),
      )
      if (diff)
        changes.push({ action: 'hoax_claim.update', objectType: 'hoax_claim', objectId: before.id, ...diff })
    }
    const result = resultOf(planned, errors, dataRows, false, true)
    if (changes.length > 0) await recordChanges(tx, actor, meta, changes, now)
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'hoax_claim.import',
        objectType: 'hoax_claims',
        after: {
          rows: dataRows,
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
        },
      },
      now,
    )
    return result
  })
}

/** The knowledge base as CSV (the import's columns), filtered like the list; the export is audited. */
export async function exportHoaxClaimsCsv(
  deps: HoaxDeps,
  actor: Actor,
  filter: HoaxClaimFilter,
  meta: ChangeMeta,
): Promise<string> {
  requireHoaxReader(actor)
  const [claims, units] = await Promise.all([
    listHoaxClaims(deps.db, actor.instansiId, filter),
    unitsOfInstansi(deps.db, actor.instansiId),
  ])
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    await recordChange(
      tx,
      actor,
      meta,
      { action: 'hoax_claim.export', objectType: 'hoax_claims', after: { count: claims.length } },
      now,
    )
  })
  return formatHoaxCsv(claims.map((claim) => hoaxClaimCsvRecord(claim, (id) => units.get(id)?.code)))
}

/** The empty file to fill in: the header row only. */
export function hoaxCsvTemplate(): string {
  return formatHoaxCsv([])
}
