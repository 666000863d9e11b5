// The settings of "what needs attention": how many days an official account's password may go unchanged before
// its credential rotation counts as overdue. No rule sets the period; 90 days is the common policy, and an
// instansi may choose its own.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { readSetting, writeSetting } from '../../db/settings-repository.ts'
import { authorize, type Actor } from '../access/policy.ts'
import { AppError, problem } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'

export interface AttentionDeps {
  db: Db
  clock: Clock
}

export interface AttentionSettings {
  credentialRotationDays: number
}

const SETTINGS_KEY = 'attention.settings'
export const ROTATION_DAYS_RANGE = { minimum: 7, maximum: 730 } as const
export const DEFAULT_ATTENTION_SETTINGS: AttentionSettings = { credentialRotationDays: 90 }

export async function loadAttentionSettings(db: Db, instansiId: string): Promise<AttentionSettings> {
  const stored = await readSetting<Partial<AttentionSettings>>(db, instansiId, SETTINGS_KEY)
  return { ...DEFAULT_ATTENTION_SETTINGS, ...stored }
}

export async function updateAttentionSettings(
  deps: AttentionDeps,
  actor: Actor,
  input: Partial<AttentionSettings>,
  meta: ChangeMeta,
): Promise<AttentionSettings> {
  authorize(actor, 'settings.manage', { instansiId: actor.instansiId })
  const days = input.credentialRotationDays
  if (
    days !== undefined &&
    (!Number.isInteger(days) || days < ROTATION_DAYS_RANGE.minimum || days > ROTATION_DAYS_RANGE.maximum)
  )
    throw new AppError('invalid_input', 'home.rotation_days_invalid', ROTATION_DAYS_RANGE, {
      credentialRotationDays: problem('home.rotation_days_field', ROTATION_DAYS_RANGE),
    })
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const before = await loadAttentionSettings(tx, actor.instansiId)
    const after: AttentionSettings = { credentialRotationDays: days ?? before.credentialRotationDays }
    await writeSetting(tx, actor.instansiId, SETTINGS_KEY, after, now)
    await recordChange(
      tx,
      actor,
      meta,
      { action: 'attention.settings', objectType: 'attention_settings', objectId: null, before, after },
      now,
    )
    return after
  })
}
