// Where a legal clock stands: on time, due soon, due today, overdue, or done — with the working days left on a
// line of its own (a badge cuts long text short). Filled with automatic text contrast: the light variant failed
// the colour-contrast check.
import { Badge, Stack, Text } from '@mantine/core'
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx'
import type { ClockState } from './ppid-types.ts'

const COLOURS: Readonly<Record<ClockState, string>> = {
  on_time: 'teal.9',
  due_soon: 'yellow.4',
  due_today: 'orange.4',
  overdue: 'red.9',
  done: 'gray.7',
}

export function ClockBadge({
  state,
  workingDaysLeft,
}: {
  state: ClockState
  workingDaysLeft: number | null
}) {
  const { t } = useI18n()
  const left =
    workingDaysLeft !== null && state !== 'done'
      ? workingDaysLeft < 0
        ? t('slaClock.daysLate', { days: -workingDaysLeft })
        : t('slaClock.daysLeft', { days: workingDaysLeft })
      : null
  return (
    <Stack gap={2} align="flex-start">
      <Badge
        color={COLOURS[state]}
        variant="filled"
        autoContrast
        style={{ textTransform: 'none', overflow: 'visible' }}
      >
        {t(`slaClock.${state}` as MessageKey)}
      </Badge>
      {left ? (
        <Text size="xs" c="dimmed">
          {left}
        </Text>
      ) : null}
    </Stack>
  )
}
