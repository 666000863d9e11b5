// The common kinds of unit kerja, with their names in both languages. A unit's kind is free text in the database
// (an instansi may call a unit "Inspektorat" or "Sekretariat"); these are the choices the forms offer, stored by
// their code. A leaf module: it imports nothing.

export const UNIT_KINDS = [
  'instansi',
  'biro',
  'dinas',
  'kanwil',
  'kantor_pelayanan',
  'upt',
  'bagian',
  'bidang',
  'lainnya',
] as const
export type UnitKind = (typeof UNIT_KINDS)[number]

/** The kind of a unit created before kinds could be chosen. */
export const DEFAULT_UNIT_KIND = 'unit'

export function isUnitKind(value: string): value is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(value)
}

export const UNIT_KIND_LABELS: Readonly<Record<'id' | 'en', Readonly<Record<UnitKind, string>>>> = {
  id: {
    instansi: 'Instansi',
    biro: 'Biro',
    dinas: 'Dinas',
    kanwil: 'Kantor wilayah (kanwil)',
    kantor_pelayanan: 'Kantor pelayanan',
    upt: 'UPT (unit pelaksana teknis)',
    bagian: 'Bagian',
    bidang: 'Bidang',
    lainnya: 'Lainnya',
  },
  en: {
    instansi: 'Instansi (agency)',
    biro: 'Biro (bureau)',
    dinas: 'Dinas (regional agency)',
    kanwil: 'Kanwil (regional office)',
    kantor_pelayanan: 'Kantor pelayanan (service office)',
    upt: 'UPT (technical implementation unit)',
    bagian: 'Bagian (section)',
    bidang: 'Bidang (division)',
    lainnya: 'Other',
  },
}

/** How a stored kind reads: the label of a known code, the free text as typed, "Unit" for the old default. */
export function unitKindLabel(kind: string, locale: 'id' | 'en'): string {
  if (isUnitKind(kind)) return UNIT_KIND_LABELS[locale][kind]
  if (kind === DEFAULT_UNIT_KIND) return 'Unit'
  return kind
}

/**
 * The kind to store for what a person chose or typed: a known code for a known kind, whatever its spelling
 * ("Kantor Pelayanan", "UPT", "kanwil"), otherwise the typed text trimmed; empty means the default.
 */
export function normaliseUnitKind(input: string): string {
  const trimmed = input.trim().replace(/\s+/g, ' ')
  if (trimmed === '') return DEFAULT_UNIT_KIND
  const code = trimmed.toLowerCase().replace(/[\s-]+/g, '_')
  if (isUnitKind(code)) return code
  for (const kind of UNIT_KINDS)
    for (const locale of ['id', 'en'] as const)
      if (UNIT_KIND_LABELS[locale][kind].toLowerCase() === trimmed.toLowerCase()) return kind
  return trimmed
}
