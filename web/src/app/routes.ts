// The pages of the app and the action each needs. The navigation lists only the pages the user may open.
import type { MessageKey } from '../i18n/i18n.tsx'

export type PageId = 'home' | 'units' | 'users' | 'accounts' | 'naming' | 'calendar' | 'audit' | 'profile'

export interface PageRoute {
  id: PageId
  path: string
  label: MessageKey
  /** The action from `allowedActions` the page needs; null for pages every signed-in user has. */
  action: string | null
}

export const PAGES: readonly PageRoute[] = [
  { id: 'home', path: '/', label: 'nav.home', action: null },
  { id: 'units', path: '/units', label: 'nav.units', action: 'unit.read' },
  { id: 'users', path: '/users', label: 'nav.users', action: 'user.read' },
  { id: 'accounts', path: '/accounts', label: 'nav.accounts', action: 'account.read' },
  { id: 'naming', path: '/naming', label: 'nav.naming', action: 'naming.manage' },
  { id: 'calendar', path: '/calendar', label: 'nav.calendar', action: 'calendar.read' },
  { id: 'audit', path: '/audit', label: 'nav.audit', action: 'audit.read' },
  { id: 'profile', path: '/profile', label: 'nav.profile', action: null },
]

export function pageForPath(path: string): PageRoute | null {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path
  return PAGES.find((page) => page.path === clean) ?? null
}

export function visiblePages(allowedActions: readonly string[]): PageRoute[] {
  return PAGES.filter((page) => page.action === null || allowedActions.includes(page.action))
}
