// National holidays (hari libur nasional) and cuti bersama per year, from the SKB of the Menteri Agama, Menteri
// Ketenagakerjaan and Menteri PAN-RB (rules.md §10). Versioned data: a new year's SKB is a new entry here; each
// instansi can still edit its own calendar (calendar_days) when the Menteri Agama moves a date after the SKB.
export type OffDayKind = 'holiday' | 'cuti_bersama'

export interface NationalDay {
  /** Asia/Jakarta calendar date, YYYY-MM-DD. */
  date: string
  kind: OffDayKind
  name: string
}

export interface NationalYear {
  year: number
  source: string
  days: readonly NationalDay[]
}

const holiday = (date: string, name: string): NationalDay => ({ date, kind: 'holiday', name })
const cuti = (date: string, name: string): NationalDay => ({ date, kind: 'cuti_bersama', name })

export const NATIONAL_CALENDAR: readonly NationalYear[] = [
  {
    year: 2025,
    source:
      'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PAN-RB No. 1017/2024, 2/2024, 2/2024 (14 Oktober 2024)',
    days: [
      holiday('2025-01-01', 'Tahun Baru Masehi'),
      holiday('2025-01-27', 'Isra Mikraj Nabi Muhammad SAW'),
      holiday('2025-01-29', 'Tahun Baru Imlek'),
      holiday('2025-03-29', 'Hari Suci Nyepi'),
      holiday('2025-03-31', 'Idulfitri'),
      holiday('2025-04-01', 'Idulfitri'),
      holiday('2025-04-18', 'Wafat Yesus Kristus'),
      holiday('2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)'),
      holiday('2025-05-01', 'Hari Buruh Internasional'),
      holiday('2025-05-12', 'Hari Raya Waisak'),
      holiday('2025-05-29', 'Kenaikan Yesus Kristus'),
      holiday('2025-06-01', 'Hari Lahir Pancasila'),
      holiday('2025-06-06', 'Iduladha'),
      holiday('2025-06-27', 'Tahun Baru Islam'),
      holiday('2025-08-17', 'Hari Kemerdekaan Republik Indonesia'),
      holiday('2025-09-05', 'Maulid Nabi Muhammad SAW'),
      holiday('2025-12-25', 'Hari Raya Natal'),
      cuti('2025-01-28', 'Cuti bersama Tahun Baru Imlek'),
      cuti('2025-03-28', 'Cuti bersama Hari Suci Nyepi'),
      cuti('2025-04-02', 'Cuti bersama Idulfitri'),
      cuti('2025-04-03', 'Cuti bersama Idulfitri'),
      cuti('2025-04-04', 'Cuti bersama Idulfitri'),
      cuti('2025-04-07', 'Cuti bersama Idulfitri'),
      cuti('2025-05-13', 'Cuti bersama Hari Raya Waisak'),
      cuti('2025-05-30', 'Cuti bersama Kenaikan Yesus Kristus'),
      cuti('2025-06-09', 'Cuti bersama Iduladha'),
      cuti('2025-12-26', 'Cuti bersama Hari Raya Natal'),
    ],
  },
  {
    year: 2026,
    source:
      'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PAN-RB No. 1497/2025, 2/2025, 5/2025 (rapat 19 September 2025)',
    days: [
      holiday('2026-01-01', 'Tahun Baru Masehi'),
      holiday('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'),
      holiday('2026-02-17', 'Tahun Baru Imlek'),
      holiday('2026-03-19', 'Hari Suci Nyepi'),
      holiday('2026-03-21', 'Idulfitri'),
      holiday('2026-03-22', 'Idulfitri'),
      holiday('2026-04-03', 'Wafat Yesus Kristus'),
      holiday('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
      holiday('2026-05-01', 'Hari Buruh Internasional'),
      holiday('2026-05-14', 'Kenaikan Yesus Kristus'),
      holiday('2026-05-27', 'Iduladha'),
      holiday('2026-05-31', 'Hari Raya Waisak'),
      holiday('2026-06-01', 'Hari Lahir Pancasila'),
      holiday('2026-06-16', 'Tahun Baru Islam'),
      holiday('2026-08-17', 'Hari Kemerdekaan Republik Indonesia'),
      holiday('2026-08-25', 'Maulid Nabi Muhammad SAW'),
      holiday('2026-12-25', 'Hari Raya Natal'),
      cuti('2026-02-16', 'Cuti bersama Tahun Baru Imlek'),
      cuti('2026-03-18', 'Cuti bersama Hari Suci Nyepi'),
      cuti('2026-03-20', 'Cuti bersama Idulfitri'),
      cuti('2026-03-23', 'Cuti bersama Idulfitri'),
      cuti('2026-03-24', 'Cuti bersama Idulfitri'),
      cuti('2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus'),
      cuti('2026-05-28', 'Cuti bersama Iduladha'),
      cuti('2026-12-24', 'Cuti bersama Hari Raya Natal'),
    ],
  },
]

export function nationalYear(year: number): NationalYear | undefined {
  return NATIONAL_CALENDAR.find((entry) => entry.year === year)
}
