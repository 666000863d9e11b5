// Validation of an official account's fields, shared by the form API and the CSV import. Pure: lookups of units
// and users are handed in, so every rule is unit-tested without a database.
import type { AccountFields, PengelolaAssignment } from '../../db/accounts-repository.ts'
import { isIsoDate } from '../calendar/add-working-days.ts'
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

export interface AccountDraft {
  unitId: string
  platform: string
  handle: string
  displayName?: string | null | undefined
  url?: string | null | undefined
  penanggungJawabUserId: string
  pengelola: PengelolaAssignment[]
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
  disabled: boolean
}

export interface AccountLookups {
  unitById(id: string): UnitLookup | undefined
  userById(id: string): UserLookup | undefined
}

export type FieldErrors = Record<string, string>

export type AccountCheck =
  | { ok: true; fields: AccountFields; pengelola: PengelolaAssignment[]; unit: UnitLookup }
  | { ok: false; errors: FieldErrors }

function checkUrl(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' ? null : 'Alamat akun harus diawali https://.'
  } catch {
    return 'Alamat akun bukan URL yang valid; tulis lengkap, misalnya https://www.instagram.com/humas/.'
  }
}

/** Checks and normalises a draft; `today` is the Jakarta date, for refusing dates in the future. */
export function checkAccountDraft(draft: AccountDraft, lookups: AccountLookups, today: string): AccountCheck {
  const errors: FieldErrors = {}
  let platform: Platform | undefined
  let handle = ''
  if (!isPlatform(draft.platform))
    errors.platform = `Platform "${draft.platform}" tidak dikenal; pilih salah satu: ${PLATFORMS.join(', ')}.`
  else {
    platform = draft.platform
    const checked = normaliseHandle(platform, draft.handle)
    if (checked.ok) handle = checked.handle
    else errors.handle = checked.message
  }
  const unit = lookups.unitById(draft.unitId)
  if (!unit) errors.unitId = 'Unit tidak ditemukan di instansi ini.'
  else if (unit.archived) errors.unitId = 'Unit ini sudah diarsipkan; pilih unit yang aktif.'

  const pj = lookups.userById(draft.penanggungJawabUserId)
  if (!pj) errors.penanggungJawabUserId = 'Penanggung jawab harus pengguna di instansi ini.'
  else if (pj.disabled)
    errors.penanggungJawabUserId = 'Penanggung jawab ini sudah dinonaktifkan; pilih pejabat lain.'

  const seen = new Set<string>()
  draft.pengelola.forEach((assignment, index) => {
    const user = lookups.userById(assignment.userId)
    if (!user) errors[`pengelola.${index}.userId`] = 'Pengelola harus pengguna di instansi ini.'
    else if (user.disabled) errors[`pengelola.${index}.userId`] = 'Pengguna ini sudah dinonaktifkan.'
    if (seen.has(assignment.userId))
      errors[`pengelola.${index}.userId`] = 'Pengelola yang sama tercantum dua kali.'
    seen.add(assignment.userId)
    if (assignment.suratTugasNumber.trim() === '')
      errors[`pengelola.${index}.suratTugasNumber`] = 'Isi nomor surat tugas pengelola.'
    if (!isIsoDate(assignment.suratTugasDate))
      errors[`pengelola.${index}.suratTugasDate`] = 'Tanggal surat tugas harus berbentuk TTTT-BB-HH.'
    else if (assignment.suratTugasDate > today)
      errors[`pengelola.${index}.suratTugasDate`] = 'Tanggal surat tugas tidak boleh di masa depan.'
  })

  const verificationStatus = draft.verificationStatus ?? 'unverified'
  if (!(VERIFICATION_STATUSES as readonly string[]).includes(verificationStatus)) {
    errors.verificationStatus = 'Status verifikasi harus unverified, pending atau verified.'
  }
  const status = draft.status ?? 'active'
  if (!(ACCOUNT_STATUSES as readonly string[]).includes(status))
    errors.status = 'Status akun harus active atau dormant.'
  const rotated = draft.credentialRotatedOn ?? null
  if (rotated !== null) {
    if (!isIsoDate(rotated))
      errors.credentialRotatedOn = 'Tanggal rotasi kata sandi harus berbentuk TTTT-BB-HH.'
    else if (rotated > today)
      errors.credentialRotatedOn = 'Tanggal rotasi kata sandi tidak boleh di masa depan.'
  }
  const displayName = draft.displayName?.trim() || null
  if (displayName && displayName.length > 200)
    errors.displayName = 'Nama tampilan paling panjang 200 karakter.'
  const notes = draft.notes?.trim() ?? ''
  if (notes.length > 2000) errors.notes = 'Catatan paling panjang 2000 karakter.'
  let url = draft.url?.trim() || ''
  if (url) {
    const problem = checkUrl(url)
    if (problem) errors.url = problem
  } else if (platform && handle) {
    url = defaultAccountUrl(platform, handle)
  }

  if (Object.keys(errors).length > 0 || !platform || !unit) return { ok: false, errors }
  return {
    ok: true,
    unit,
    pengelola: draft.pengelola.map((a) => ({
      userId: a.userId,
      suratTugasNumber: a.suratTugasNumber.trim(),
      suratTugasDate: a.suratTugasDate,
    })),
    fields: {
      unitId: unit.id,
      platform,
      handle,
      displayName,
      url,
      penanggungJawabUserId: draft.penanggungJawabUserId,
      verificationStatus,
      platformTwoFactor: draft.platformTwoFactor ?? false,
      credentialRotatedOn: rotated,
      status,
      notes,
    },
  }
}
