// Names of the shared vocabulary (src/shared) as people read them. The values and their names live in
// src/shared; the web never restates them.
import { isPlatform, PLATFORM_LABELS } from '../../../src/shared/platforms.ts'
import { isRole, ROLE_LABELS } from '../../../src/shared/roles.ts'
import {
  ACCOUNT_STATUSES,
  CALENDAR_DAY_KINDS,
  VERIFICATION_STATUSES,
  type AccountStatus,
  type CalendarDayKind,
  type VerificationStatus,
} from '../../../src/shared/statuses.ts'
import type { Locale } from '../i18n/i18n.tsx'

export function roleLabel(locale: Locale, role: string): string {
  return isRole(role) ? ROLE_LABELS[locale][role] : role
}

export function platformLabel(platform: string): string {
  return isPlatform(platform) ? PLATFORM_LABELS[platform] : platform
}

export function isAccountStatus(value: string): value is AccountStatus {
  return (ACCOUNT_STATUSES as readonly string[]).includes(value)
}

export function isVerificationStatus(value: string): value is VerificationStatus {
  return (VERIFICATION_STATUSES as readonly string[]).includes(value)
}

export function isCalendarDayKind(value: string): value is CalendarDayKind {
  return (CALENDAR_DAY_KINDS as readonly string[]).includes(value)
}
