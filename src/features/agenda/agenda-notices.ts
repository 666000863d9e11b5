// The notice a new amplification task sends its pengelola (kind in notifications/notify-users.ts), kept apart from
// the code that writes the audit log so its kind is never mistaken for an audit action.
import type { Notice } from '../notifications/notify-users.ts'

export function agendaTaskNotice(
  item: { id: string; title: string; deadline: Date },
  by: string,
  target: string,
): Notice {
  return {
    kind: 'agenda.task_assigned',
    titleKey: 'notifications.agenda_task.title',
    bodyKey: 'notifications.agenda_task.body',
    params: { title: item.title, by, target, deadline: item.deadline.toISOString() },
    link: `/agenda/${item.id}`,
  }
}
