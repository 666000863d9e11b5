// Validation of an official account's fields, shared by the form API and the CSV import. Pure: lookups of units
// and users are handed in, so every rule is unit-tested without a database. Every problem of a draft is reported
// at once, each under its field, as a message key with parameters.
import type { AccountFields, PengelolaAssignment } from '../../db/accounts-repository.ts'
import type { Problem } from '../../shared/errors.ts'
import { problem } from '../app-error.ts'
import { isIsoDate } from '../calendar/add-working-days.ts'
import { isEligibleForDuty, type AccountDuty } from '../access/eligibility.ts'
import { looksLikeAddress, normaliseAccountUrl, readAccountAddress } from './platform-address.ts'
import {
  defaultAccountUrl,
  isPlatform,
  normaliseHandle,
  PLATFORMS,
  type Platform,
} from './platform-handle.ts'

import { ACCOUNT_STATUSES, VERIFICATION_STATUSES } from '../../shared/statuses.ts'

export {
  ACCOUNT_STATUSES,
  VERIFICATION_STATUSES,
  type AccountStatus,
  type VerificationStatus,
} from '../../shared/statuses.ts'

/** One pengelola as a form or a CSV row names them; the surat tugas may still be on its way (both empty). */
export interface PengelolaDraft {
  userId: string
  suratTugasNumber?: string | null | undefined
  suratTugasDate?: string | null | undefined
}

export interface AccountDraft {
  unitId?: string | undefined
  platform?: string | undefined
  /** A handle (`humas`, `@Humas`) or an address (`instagram.com/humas`). */
  handle?: string | undefined
  displayName?: string | null | undefined
  url?: string | null | undefined
  penanggungJawabUserId?: string | undefined
  pengelola: PengelolaDraft[]
  verificationStatus?: string | undefined
  platformTwoFactor?: boolean | undefined
  credentialRotatedOn?: string | null | undefined
  status?: string | undefined
  notes?: string | undefined
}

export interface UnitLookup {
  id: string
  path: string
  archived: boolean
}

export interface UserLookup {
  id: string
  name: string
  disabled: boolean
  /** Live grants (role and unit path), for the penanggung jawab and pengelola rule. */
  grants: readonly { role: string; unitPath: string }[]
}

export interface AccountLookups {
  unitById(id: string): UnitLookup | undefined
  userById(id: string): UserLookup | undefined
}

/** What the account names now (on a change): an assignment kept as it is is not refused for a role lost since. */
export interface CurrentAssignments {
  penanggungJawabUserId: string
  pengelolaUserIds: readonly string[]
}

export type FieldErrors = Record<string, Problem>

export type AccountCheck =
  | { ok: true; fields: AccountFields; pengelola: PengelolaAssignment[]; unit: UnitLookup }
  | { ok: false; errors: FieldErrors }

interface HandleAndUrl {
  handle?: { key: string; display: string }
  url?: string
}

/** The handle and URL fields together: either may hold an address, and the two must name the same account. */
function checkHandleAndUrl(platform: Platform, draft: AccountDraft, errors: FieldErrors): HandleAndUrl {
  const typedHandle = draft.handle?.trim() ?? ''
  const typedUrl = draft.url?.trim() ?? ''
  let url: string | undefined
  let urlHandle: string | undefined
  if (typedUrl) {
    const normalised = normaliseAccountUrl(typedUrl)
    if (!normalised.ok) errors.url = normalised.problem
    else {
      const reading = readAccountAddress(platform, normalised.url)
      if (!reading.ok) errors.url = reading.problem
      else {
        url = normalised.url
        urlHandle = reading.handle
      }
    }
  }

  let rawHandle = typedHandle
  if (looksLikeAddress(typedHandle)) {
    const reading = readAccountAddress(platform, typedHandle)
    if (!reading.ok) {
      errors.handle = reading.problem
      return { url }
    }
    if (reading.handle === undefined) {
      errors.handle = problem('accounts.address_no_handle', { address: typedHandle })
      return { url }
    }
    rawHandle = reading.handle
    // The address typed in the handle field is the account's address when the URL field is empty.
    if (!typedUrl) {
      const normalised = normaliseAccountUrl(typedHandle)
      if (normalised.ok) url = normalised.url
    }
  } else if (typedHandle === '' && urlHandle !== undefined) {
    rawHandle = urlHandle
  }
  const checked = normaliseHandle(platform, rawHandle)
  if (!checked.ok) {
    errors.handle = checked.problem
    return { url }
  }
  if (url && urlHandle !== undefined && !errors.url) {
    const fromUrl = normaliseHandle(platform, urlHandle)
    if (fromUrl.ok && fromUrl.handle !== checked.handle)
      errors.url = problem('accounts.url_other_handle', { found: fromUrl.display, handle: checked.display })
  }
  return { handle: { key: checked.handle, display: checked.display }, url }
}

/**
 * The platform and normalised handle a draft names (what the registry compares), or undefined when they cannot
 * be read: how a CSV row finds the stored account it would update.
 */
export function accountKeyOf(
  draft: Pick<AccountDraft, 'platform' | 'handle' | 'url'>,
): { platform: Platform; handle: string } | undefined {
  const platform = draft.platform?.trim() ?? ''
  if (!isPlatform(platform)) return undefined
  const { handle } = checkHandleAndUrl(platform, { ...draft, pengelola: [] }, {})
  return handle ? { platform, handle: handle.key } : undefined
}

function checkDate(value: string, today: string): Problem | null {
  if (!isIsoDate(value)) return problem('validation.date')
  if (value > today) return problem('accounts.date_in_future')
  return null
}

function checkPerson(
  lookups: AccountLookups,
  userId: string,
  role: AccountDuty,
  unit: UnitLookup | undefined,
  unchanged: boolean,
): Problem | null {
  const user = lookups.userById(userId)
  if (!user) return problem('accounts.user_not_found')
  if (user.disabled) return problem('accounts.user_disabled', { name: user.name })
  if (!unit || unchanged || isEligibleForDuty(role, user.grants, unit.path)) return null
  return problem(
    role === 'penanggung_jawab'
      ? 'accounts.penanggung_jawab_not_eligible'
      : 'accounts.pengelola_not_eligible',
    { name: user.name },
  )
}

/**
 * Checks and normalises a draft; `today` is the Jakarta date, for refusing dates in the future; `current` is what
 * the account names now when it is a change.
 */
export function checkAccountDraft(
  draft: AccountDraft,
  lookups: AccountLookups,
  today: string,
  current?: CurrentAssignments,
): AccountCheck {
  const errors: FieldErrors = {}
  let platform: Platform | undefined
  const rawPlatform = draft.platform?.trim() ?? ''
  if (rawPlatform === '') errors.platform = problem('accounts.choose_platform')
  else if (!isPlatform(rawPlatform))
    errors.platform = problem('accounts.platform_unknown', { platform: rawPlatform, options: [...PLATFORMS] })
  else platform = rawPlatform
  const { handle, url: typedUrl } = platform ? checkHandleAndUrl(platform, draft, errors) : {}

  const unitId = draft.unitId ?? ''
  const unit = unitId ? lookups.unitById(unitId) : undefined
  if (!unitId) errors.unitId = problem('validation.choose_unit')
  else if (!unit) errors.unitId = problem('accounts.unit_not_found')
  else if (unit.archived) errors.unitId = problem('accounts.unit_archived')

  const pjId = draft.penanggungJawabUserId ?? ''
  if (!pjId) errors.penanggungJawabUserId = problem('accounts.choose_penanggung_jawab')
  else {
    const refused = checkPerson(
      lookups,
      pjId,
      'penanggung_jawab',
      unit,
      current?.penanggungJawabUserId === pjId,
    )
    if (refused) errors.penanggungJawabUserId = refused
  }

  const seen = new Set<string>()
  const pengelola: PengelolaAssignment[] = []
  draft.pengelola.forEach((assignment, index) => {
    const at = (field: string) => `pengelola.${index}.${field}`
    if (!assignment.userId) errors[at('userId')] = problem('accounts.choose_pengelola')
    else if (seen.has(assignment.userId)) errors[at('userId')] = problem('accounts.pengelola_twice')
    else {
      const refused = checkPerson(
        lookups,
        assignment.userId,
        'pengelola',
        unit,
        current?.pengelolaUserIds.includes(assignment.userId) ?? false,
      )
      if (refused) errors[at('userId')] = refused
    }
    seen.add(assignment.userId)
    const number = assignment.suratTugasNumber?.trim() ?? ''
    const date = assignment.suratTugasDate?.trim() ?? ''
    if (number.length > 200) errors[at('suratTugasNumber')] = problem('validation.too_long', { maximum: 200 })
    if (number && !date) errors[at('suratTugasDate')] = problem('accounts.surat_tugas_date_required')
    if (date && !number) errors[at('suratTugasNumber')] = problem('accounts.surat_tugas_number_required')
    if (date) {
      const refused = checkDate(date, today)
      if (refused) errors[at('suratTugasDate')] = refused
    }
    pengelola.push({
      userId: assignment.userId,
      suratTugasNumber: number || null,
      suratTugasDate: date || null,
    })
  })

  const verificationStatus = draft.verificationStatus?.trim() || 'unverified'
  if (!(VERIFICATION_STATUSES as readonly string[]).includes(verificationStatus))
    errors.verificationStatus = problem('validation.choose_one', { options: [...VERIFICATION_STATUSES] })
  const status = draft.status?.trim() || 'active'
  if (!(ACCOUNT_STATUSES as readonly string[]).includes(status))
    errors.status = problem('validation.choose_one', { options: [...ACCOUNT_STATUSES] })
  const rotated = draft.credentialRotatedOn?.trim() || null
  if (rotated !== null) {
    const refused = checkDate(rotated, today)
    if (refused) errors.credentialRotatedOn = refused
  }
  const displayName = draft.displayName?.trim() || null
  if (displayName && displayName.length > 200)
    errors.displayName = problem('validation.too_long', { maximum: 200 })
  const notes = draft.notes?.trim() ?? ''
  if (notes.length > 2000) errors.notes = problem('validation.too_long', { maximum: 2000 })
  if (typedUrl && typedUrl.length > 500) errors.url = problem('validation.too_long', { maximum: 500 })

  if (Object.keys(errors).length > 0 || !platform || !unit || !handle) return { ok: false, errors }
  return {
    ok: true,
    unit,
    pengelola,
    fields: {
      unitId: unit.id,
      platform,
      handle: handle.key,
      handleDisplay: handle.display,
      displayName,
      url: typedUrl ?? defaultAccountUrl(platform, handle.key),
      penanggungJawabUserId: pjId,
      verificationStatus,
      platformTwoFactor: draft.platformTwoFactor ?? false,
      credentialRotatedOn: rotated,
      status,
      notes,
    },
  }
}
