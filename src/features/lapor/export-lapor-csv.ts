// The referral export: one row per referral in the fields the public LAPOR! form (lapor.go.id, "Sampaikan Laporan
// Anda") asks for, so the officer can file or paste each one, plus Warta's clock columns. Confidence of the field
// list: [M] — read from the public form as it presented itself (Judul, Isi, Tanggal Kejadian, Lokasi, Instansi
// Tujuan, Kategori, Lampiran, Anonim, Rahasia, jenis laporan Pengaduan/Aspirasi/Permintaan Informasi); the report
// types are [S] (rules.md §9). LAPOR! publishes no import format; verify against the Admin Koordinator's manual
// (PermenPAN-RB 62/2018) before relying on column names. Written with formatCsv, which neutralises formulas.
import { getInstansi } from '../../db/instansi-repository.ts'
import { formatCsv } from '../accounts/account-csv.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import type { Actor } from '../access/policy.ts'
import {
  listReferrals,
  type LaporDeps,
  type LaporReferralView,
  type LaporStatus,
} from './manage-referrals.ts'

export const LAPOR_CSV_COLUMNS = [
  // The LAPOR! form's fields.
  'jenis_laporan',
  'judul_laporan',
  'isi_laporan',
  'tanggal_kejadian',
  'lokasi_kejadian',
  'instansi_tujuan',
  'kategori',
  'lampiran',
  'anonim',
  'rahasia',
  // The reporter as Warta knows them (empty when anonymous), and Warta's clocks.
  'nama_pelapor',
  'kontak_pelapor',
  'kanal_asal',
  'tanggal_diterima',
  'batas_status_pertama',
  'batas_tindak_lanjut',
  'tenggat_sementara',
  'nomor_tiket_lapor',
  'status',
  'di_luar_lingkup',
  'dirujuk_ke',
] as const

const TYPE_WORDS = {
  pengaduan: 'Pengaduan',
  aspirasi: 'Aspirasi',
  permintaan_informasi: 'Permintaan Informasi',
}
const STATUS_WORDS: Readonly<Record<LaporStatus, string>> = {
  referred: 'dirujuk',
  verified: 'terverifikasi',
  follow_up_planned: 'tindak lanjut direncanakan',
  closed: 'selesai',
  out_of_scope: 'di luar lingkup',
}
const yesNo = (value: boolean) => (value ? 'ya' : 'tidak')

export function laporCsvRecord(view: LaporReferralView, instansiName: string): Record<string, string> {
  return {
    jenis_laporan: TYPE_WORDS[view.reportType],
    judul_laporan: view.title,
    isi_laporan: view.description,
    tanggal_kejadian: view.incidentOn ?? '',
    lokasi_kejadian: view.location ?? '',
    instansi_tujuan: instansiName,
    kategori: view.category ?? '',
    lampiran: view.sourceUrl ?? '',
    anonim: yesNo(view.anonymous),
    rahasia: yesNo(view.confidential),
    nama_pelapor: view.reporterName ?? '',
    kontak_pelapor: view.reporterContact ?? '',
    kanal_asal: view.sourcePlatform ?? '',
    tanggal_diterima: view.receivedOn,
    batas_status_pertama: view.firstStatusDueOn,
    batas_tindak_lanjut: view.followUpDueOn,
    tenggat_sementara: yesNo(view.dueProvisional),
    nomor_tiket_lapor: view.laporTrackingId ?? '',
    status: STATUS_WORDS[view.status],
    di_luar_lingkup: view.outOfScope ?? '',
    dirujuk_ke: view.outOfScopeBody ?? '',
  }
}

export async function exportLaporCsv(
  deps: LaporDeps,
  actor: Actor,
  filter: { status?: LaporStatus | undefined },
  meta: ChangeMeta,
): Promise<string> {
  const { referrals } = await listReferrals(deps, actor, { ...filter, limit: 10_000 })
  const name = (await getInstansi(deps.db, actor.instansiId))?.name ?? ''
  await recordChange(deps.db, actor, meta, {
    action: 'lapor.export',
    objectType: 'lapor_referral',
    after: { rows: referrals.length, status: filter.status ?? null },
  })
  return formatCsv(
    LAPOR_CSV_COLUMNS,
    referrals.map((view) => laporCsvRecord(view, name)),
  )
}
