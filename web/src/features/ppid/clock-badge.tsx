// Where a legal clock stands: on time, due soon, due today, overdue, or done — with the working days left.
import { Badge } from '@mantine/core'
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx'
import type { ClockState } from './ppid-types.ts'

const COLOURS: Readonly<Record<ClockState, string>> = {
  on_time: 'teal',
  due_soon: 'yellow',
  due_today: 'orange',
  overdue: 'red',
  done: 'gray',
}

export function ClockBadge({
  state,
  workingDaysLeft,
}: {
  state: ClockState
  workingDaysLeft: number | null
}) {
  const { t } = useI18n()
  const label = t(`slaClock.${state}` as MessageKey)
  const left =
    workingDaysLeft !== null && state !== 'done'
      ? workingDaysLeft < 0
        ? t('slaClock.daysLate', { days: -workingDaysLeft })
        : t('slaClock.daysLeft', { days: workingDaysLeft })
      : null
  return (
    <Badge color={COLOURS[state]} variant="light" style={{ textTransform: 'none' }}>
      {left ? `${label} · ${left}` : label}
    </Badge>
  )
}
