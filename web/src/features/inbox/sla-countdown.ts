// The reply deadline as people read it: how long is left, or how long ago it passed (red).
import type { Translate } from '../../i18n/i18n.tsx'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

function span(ms: number, t: Translate): string {
  if (ms >= DAY)
    return t('inbox.sla.days', { days: Math.floor(ms / DAY), hours: Math.floor((ms % DAY) / HOUR) })
  if (ms >= HOUR)
    return t('inbox.sla.hours', { hours: Math.floor(ms / HOUR), minutes: Math.floor((ms % HOUR) / MINUTE) })
  return t('inbox.sla.minutes', { minutes: Math.max(1, Math.floor(ms / MINUTE)) })
}

export interface SlaState {
  label: string
  breached: boolean
  /** Less than an hour left. */
  soon: boolean
}

export function slaState(dueAt: string | null, now: number, t: Translate): SlaState | null {
  if (!dueAt) return null
  const left = new Date(dueAt).getTime() - now
  if (left < 0)
    return { label: t('inbox.sla.breached', { span: span(-left, t) }), breached: true, soon: false }
  return { label: t('inbox.sla.left', { span: span(left, t) }), breached: false, soon: left < HOUR }
}
