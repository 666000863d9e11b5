// A role picker with the roles and their names from the shared vocabulary.
import { NativeSelect, type NativeSelectProps } from '@mantine/core'
import { ROLES } from '../../../../src/shared/roles.ts'
import { roleLabel } from '../../components/vocabulary-labels.ts'
import { useI18n } from '../../i18n/i18n.tsx'

export function RoleSelect(select: Omit<NativeSelectProps, 'data'>) {
  const { locale } = useI18n()
  return (
    <NativeSelect {...select} data={ROLES.map((role) => ({ value: role, label: roleLabel(locale, role) }))} />
  )
}
