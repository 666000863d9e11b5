// Where a legal clock stands: on time, due soon, due today, overdue, or done — with the working days left on a
// line of its own. A pill of plain text rather than Mantine's Badge, which cut its label short in a narrow table
// column; the colours pair a strong background with black or white text for contrast.
import { Stack, Text } from '@mantine/core'
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx'
import type { ClockState } from './ppid-types.ts'

const COLOURS: Readonly<Record<ClockState, { bg: string; c: string }>> = {
  on_time: { bg: 'teal.9', c: 'white' },
  due_soon: { bg: 'yellow.4', c: 'black' },
  due_today: { bg: 'orange.4', c: 'black' },
  overdue: { bg: 'red.9', c: 'white' },
  done: { bg: 'gray.7', c: 'white' },
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
      <Text
        span
        size="xs"
        fw={700}
        px={8}
        py={1}
        bg={COLOURS[state].bg}
        c={COLOURS[state].c}
        style={{ borderRadius: 999, whiteSpace: 'nowrap' }}
      >
        {t(`slaClock.${state}` as MessageKey)}
      </Text>
      {left ? (
        <Text size="xs" c="dimmed">
          {left}
        </Text>
      ) : null}
    </Stack>
  )
}
