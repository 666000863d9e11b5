// The kind of a unit: a choice among the common kinds (src/shared/unit-kinds.ts), or "Lainnya" with the kind
// typed in (Inspektorat, Sekretariat…). The value is what the API stores: a kind's code or the typed text.
import { Group, NativeSelect, TextInput } from '@mantine/core'
import { useState } from 'react'
import {
  DEFAULT_UNIT_KIND,
  isUnitKind,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
} from '../../../../src/shared/unit-kinds.ts'
import { useI18n } from '../../i18n/i18n.tsx'

/** The choice list's value for a stored kind: its code, '' for the old default, 'lainnya' for free text. */
export function kindChoice(kind: string): string {
  if (kind === '' || kind === DEFAULT_UNIT_KIND) return ''
  return isUnitKind(kind) ? kind : 'lainnya'
}

export function UnitKindField({
  value,
  onChange,
  error,
}: {
  value: string
  onChange: (kind: string) => void
  error?: string | undefined
}) {
  const { t, locale } = useI18n()
  const [choice, setChoice] = useState(() => kindChoice(value))
  const [other, setOther] = useState(() =>
    kindChoice(value) === 'lainnya' && value !== 'lainnya' ? value : '',
  )
  return (
    <Group gap="sm" align="flex-start" wrap="wrap" style={{ flex: 1 }}>
      <NativeSelect
        label={t('units.kind')}
        value={choice}
        onChange={(event) => {
          const next = event.currentTarget.value
          setChoice(next)
          onChange(next === 'lainnya' ? other.trim() || 'lainnya' : next)
        }}
        error={choice === 'lainnya' ? undefined : error}
        data={[
          { value: '', label: t('common.none') },
          ...UNIT_KINDS.map((kind) => ({ value: kind, label: UNIT_KIND_LABELS[locale][kind] })),
        ]}
        style={{ flex: '1 1 12rem' }}
      />
      {choice === 'lainnya' ? (
        <TextInput
          label={t('units.kindOther')}
          description={t('units.kindOtherHint')}
          value={other}
          maxLength={50}
          onChange={(event) => {
            setOther(event.currentTarget.value)
            onChange(event.currentTarget.value.trim() || 'lainnya')
          }}
          error={error}
          style={{ flex: '1 1 12rem' }}
        />
      ) : null}
    </Group>
  )
}
