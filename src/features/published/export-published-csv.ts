// The published registry as CSV: the filtered set (not only the page on screen), one row per variant, with
// Indonesian headers and words, times in WIB with their offset, and the latest metrics (empty where the platform
// does not count one or nothing was read yet). Written with the account export's formatCsv, which quotes a cell a
// spreadsheet would run as a formula. The export is audited, as every export is.
import type { PublishedRecord } from '../../db/published-repository.ts'
import { isoWithOffset } from '../../shared/dates.ts'
import { PLATFORM_LABELS, type Platform } from '../../shared/platforms.ts'
import type { PublishedRegistryStatus } from '../../shared/statuses.ts'
import type { Actor } from '../access/policy.ts'
import { formatCsv } from '../accounts/account-csv.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { listPublished } from '../../db/published-repository.ts'
import {
  DEFAULT_PUBLISHED_SORT,
  publishedFilterOf,
  type PublishedDeps,
  type PublishedQuery,
} from './list-published.ts'

export const PUBLISHED_CSV_COLUMNS = [
  'waktu',
  'status',
  'judul',
  'unit_kerja',
  'platform',
  'akun',
  'penulis',
  'tautan',
  'suka',
  'bagikan',
  'balasan',
  'kutipan',
  'tayangan',
  'metrik_dibaca',
  'tag',
  'kampanye',
  'teks',
] as const

const STATUS_WORDS: Readonly<Record<PublishedRegistryStatus, string>> = {
  published: 'terbit',
  unconfirmed: 'belum pasti',
  failed: 'gagal',
}

function count(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value)
}

export function publishedCsvRecord(row: PublishedRecord): Record<string, string> {
  return {
    waktu: isoWithOffset(row.at),
    status: STATUS_WORDS[row.status as PublishedRegistryStatus] ?? row.status,
    judul: row.title,
    unit_kerja: row.unitName,
    platform: PLATFORM_LABELS[row.platform as Platform] ?? row.platform,
    akun: row.handle,
    penulis: row.authorName,
    tautan: row.platformPostUrl ?? '',
    suka: count(row.metrics?.likes),
    bagikan: count(row.metrics?.shares),
    balasan: count(row.metrics?.replies),
    kutipan: count(row.metrics?.quotes),
    tayangan: count(row.metrics?.views),
    metrik_dibaca: row.metricsAt ? isoWithOffset(row.metricsAt) : '',
    tag: row.tags.join(', '),
    kampanye: row.campaign ?? '',
    teks: row.text,
  }
}

export async function exportPublishedCsv(
  deps: PublishedDeps,
  actor: Actor,
  query: PublishedQuery,
  meta: ChangeMeta,
): Promise<string> {
  const filter = await publishedFilterOf(deps, actor, query)
  const rows = await listPublished(deps.db, filter, query.sort ?? DEFAULT_PUBLISHED_SORT, undefined)
  const { sort: _sort, ...asked } = query
  await deps.db.transaction(async (tx) => {
    await recordChange(
      tx,
      actor,
      meta,
      { action: 'post.export_published', objectType: 'post', after: { count: rows.length, filter: asked } },
      deps.clock.now(),
    )
  })
  return formatCsv(PUBLISHED_CSV_COLUMNS, rows.map(publishedCsvRecord))
}
