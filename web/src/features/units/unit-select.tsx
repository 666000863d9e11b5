// A unit picker: the unit tree as indented options ("— Dinas Kesehatan (DINKES)"), archived units left out.
import { NativeSelect, type NativeSelectProps } from '@mantine/core'
import { unitOptionLabel, type UnitOption } from './unit-tree.ts'

export function UnitSelect({
  options,
  emptyLabel,
  ...select
}: Omit<NativeSelectProps, 'data'> & {
  options: readonly UnitOption[]
  /** A first option with value '' (e.g. "Semua" in a filter). */
  emptyLabel?: string
}) {
  return (
    <NativeSelect
      {...select}
      data={[
        ...(emptyLabel !== undefined ? [{ value: '', label: emptyLabel }] : []),
        ...options
          .filter(({ unit }) => !unit.archivedAt)
          .map(({ unit, depth }) => ({ value: unit.id, label: unitOptionLabel(unit, depth) })),
      ]}
    />
  )
}
