// The inbox's numbers for a period ("Angka kotak masuk", issue #9 item 6, rules.md rule 41): what an office reports
// about answering citizens — first-response time (median, p90), the share answered within the reply target per
// unit and per account, the backlog's age, volume by intent and sentiment — over the units where the caller may read
// reports, as a page and as CSV — and the PPID cases received in the period by status against the KIP clock. A
// period is whole WIB days; the default is the last 30 days up to today.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import {
  inboxNumbers,
  type InboxNumbers,
  type InboxNumbersFilter,
  type ResponseFigures,
} from '../../db/inbox-numbers-repository.ts'
import { listPpidCasesReceived } from '../../db/ppid-cases-repository.ts'
import { getUnit } from '../../db/units-repository.ts'
import { loadWorkingCalendar } from '../calendar/manage-calendar.ts'
import { summariseCases, type PpidCaseFigures } from '../ppid/case-figures.ts'
import { todayOf } from '../ppid/manage-cases.ts'
import { jakartaDateOf, addCalendarDays } from '../calendar/add-working-days.ts'
import { authorize, unitScope, type Action, type Actor } from '../access/policy.ts'
import { AppError } from '../app-error.ts'
import { formatCsv } from '../accounts/account-csv.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { startOfWibDay } from '../published/list-published.ts'
import { PLATFORM_LABELS, isPlatform } from '../../shared/platforms.ts'

export interface InboxNumbersDeps {
  db: Db
  clock: Clock
}

export interface InboxNumbersQuery {
  /** First WIB day (YYYY-MM-DD), included; default 29 days before `to`. */
  from?: string | undefined
  /** Last WIB day (YYYY-MM-DD), included; default today (WIB). */
  to?: string | undefined
  unitId?: string | undefined
  accountId?: string | undefined
}

export interface InboxNumbersReport extends InboxNumbers {
  from: string
  to: string
  /** PPID cases received in the period, by status against the KIP clock (today's clock states). */
  ppid: PpidCaseFigures
}

/** The longest period one report covers (a year and a day: a leap year's whole). */
export const MAX_PERIOD_DAYS = 366

const ACTION: Action = 'report.read'

async function filterOf(
  deps: InboxNumbersDeps,
  actor: Actor,
  query: InboxNumbersQuery,
): Promise<{ filter: InboxNumbersFilter; from: string; to: string }> {
  const scope = unitScope(actor, ACTION)
  if (scope.pathPrefixes.length === 0)
    throw new AppError('forbidden', 'common.forbidden_action', { action: ACTION })
  const now = deps.clock.now()
  const to = query.to ?? jakartaDateOf(now)
  const from = query.from ?? addCalendarDays(to, -29)
  const days = (startOfWibDay(to).getTime() - startOfWibDay(from).getTime()) / 86_400_000 + 1
  if (days < 1 || days > MAX_PERIOD_DAYS)
    throw new AppError('invalid_input', 'inbox_numbers.bad_period', { max: MAX_PERIOD_DAYS })
  let unitPath: string | undefined
  if (query.unitId) {
    const unit = await getUnit(deps.db, actor.instansiId, query.unitId)
    if (!unit) throw new AppError('not_found', 'common.not_found')
    // A unit outside the caller's is refused rather than shown empty: the filter offers only theirs.
    authorize(actor, ACTION, { instansiId: actor.instansiId, unitPath: unit.path })
    unitPath = unit.path
  }
  return {
    from,
    to,
    filter: {
      instansiId: actor.instansiId,
      pathPrefixes: scope.pathPrefixes,
      unitPath,
      accountId: query.accountId,
      from: startOfWibDay(from),
      until: startOfWibDay(addCalendarDays(to, 1)),
      now,
    },
  }
}

export async function getInboxNumbers(
  deps: InboxNumbersDeps,
  actor: Actor,
  query: InboxNumbersQuery,
): Promise<InboxNumbersReport> {
  const { filter, from, to } = await filterOf(deps, actor, query)
  const [numbers, ppid] = await Promise.all([
    inboxNumbers(deps.db, filter),
    ppidFigures(deps, filter, from, to),
  ])
  return { from, to, ...numbers, ppid }
}

async function ppidFigures(
  deps: InboxNumbersDeps,
  filter: InboxNumbersFilter,
  from: string,
  to: string,
): Promise<PpidCaseFigures> {
  const [rows, today, calendar] = await Promise.all([
    listPpidCasesReceived(deps.db, filter.instansiId, {
      unitPrefixes: filter.pathPrefixes,
      unitPath: filter.unitPath,
      accountId: filter.accountId,
      from,
      to,
    }),
    todayOf(deps.db, filter.instansiId, filter.now),
    loadWorkingCalendar(deps.db, filter.instansiId),
  ])
  return summariseCases(rows, today, calendar)
}

export const INBOX_NUMBERS_CSV_COLUMNS = [
  'bagian',
  'nama',
  'platform',
  'diterima',
  'dijawab',
  'median_respons_pertama_menit',
  'p90_respons_pertama_menit',
  'dengan_target',
  'tepat_waktu',
  'terlambat',
  'belum_jatuh_tempo',
  'persen_tepat_waktu',
  // The PPID row's (bagian "ppid"): cases received in the period against the KIP clock.
  'ppid_diterima',
  'ppid_terbuka',
  'ppid_diperpanjang',
  'ppid_diputus_dikabulkan',
  'ppid_diputus_dikabulkan_sebagian',
  'ppid_diputus_ditolak',
  'ppid_diputus_tidak_dikuasai',
  'ppid_keberatan',
  'ppid_diputus_dalam_10_hk',
  'ppid_diputus_dalam_perpanjangan',
  'ppid_diputus_terlambat',
  'ppid_lewat_tenggat_kini',
  'ppid_median_hari_kerja_sampai_putusan',
] as const

function minutes(seconds: number | null): string {
  return seconds === null ? '' : (seconds / 60).toFixed(1)
}

/** On time among the items whose target has been decided (answered, or past due): pending ones are not yet a verdict. */
export function onTimeShare(figures: ResponseFigures): number | null {
  const decided = figures.onTime + figures.breached
  return decided === 0 ? null : figures.onTime / decided
}

function row(part: string, name: string, platform: string, figures: ResponseFigures): Record<string, string> {
  const share = onTimeShare(figures)
  return {
    bagian: part,
    nama: name,
    platform,
    diterima: String(figures.received),
    dijawab: String(figures.answered),
    median_respons_pertama_menit: minutes(figures.medianFirstResponseSeconds),
    p90_respons_pertama_menit: minutes(figures.p90FirstResponseSeconds),
    dengan_target: String(figures.withTarget),
    tepat_waktu: String(figures.onTime),
    terlambat: String(figures.breached),
    belum_jatuh_tempo: String(figures.pending),
    persen_tepat_waktu: share === null ? '' : (share * 100).toFixed(1),
  }
}

function ppidRow(report: InboxNumbersReport): Record<string, string> {
  const figures = report.ppid
  const decided = figures.byStatus.decided
  return {
    bagian: 'ppid',
    nama: `${report.from} s.d. ${report.to}`,
    ppid_diterima: String(figures.received),
    ppid_terbuka: String(figures.byStatus.open),
    ppid_diperpanjang: String(figures.byStatus.extended),
    ppid_diputus_dikabulkan: String(decided.granted),
    ppid_diputus_dikabulkan_sebagian: String(decided.partially_granted),
    ppid_diputus_ditolak: String(decided.refused),
    ppid_diputus_tidak_dikuasai: String(decided.not_held),
    ppid_keberatan: String(figures.byStatus.objection),
    ppid_diputus_dalam_10_hk: String(figures.decidedWithinNotice),
    ppid_diputus_dalam_perpanjangan: String(figures.decidedWithinExtension),
    ppid_diputus_terlambat: String(figures.decidedLate),
    ppid_lewat_tenggat_kini: String(figures.overdueNow),
    ppid_median_hari_kerja_sampai_putusan:
      figures.medianWorkingDaysToDecision === null ? '' : String(figures.medianWorkingDaysToDecision),
  }
}

/**
 * The report as CSV: the whole, a row per unit and per account, then the PPID cases' row (Indonesian headers),
 * audited as an export.
 */
export async function exportInboxNumbersCsv(
  deps: InboxNumbersDeps,
  actor: Actor,
  query: InboxNumbersQuery,
  meta: ChangeMeta,
): Promise<{ csv: string; from: string; to: string }> {
  const report = await getInboxNumbers(deps, actor, query)
  const rows = [
    row('keseluruhan', `${report.from} s.d. ${report.to}`, '', report.overall),
    ...report.byUnit.map((unit) => row('unit_kerja', unit.unitName, '', unit)),
    ...report.byAccount.map((account) =>
      row(
        'akun',
        account.handle,
        isPlatform(account.platform) ? PLATFORM_LABELS[account.platform] : account.platform,
        account,
      ),
    ),
    ppidRow(report),
  ]
  await deps.db.transaction(async (tx) => {
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'inbox.export_numbers',
        objectType: 'instansi',
        objectId: actor.instansiId,
        after: {
          from: report.from,
          to: report.to,
          unitId: query.unitId ?? null,
          accountId: query.accountId ?? null,
        },
      },
      deps.clock.now(),
    )
  })
  return { csv: formatCsv(INBOX_NUMBERS_CSV_COLUMNS, rows), from: report.from, to: report.to }
}
