// Confirmations of a finished action, shown where a phone user sees them (a toast), not at the top of a long
// page they have scrolled away from. Polite (role=status): they never interrupt.
import { notifications } from '@mantine/notifications'

export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'green', role: 'status', autoClose: 6000, withBorder: true })
}
