// The sandbox network's fault settings per instansi (Mode Latihan): latency, rate limit, failure rates and the
// seed, over DEFAULT_SANDBOX_FAULTS. A trainer turns faults up to rehearse what goes wrong on a real platform, or
// off for a calm demo; the deployment can switch them all off with WARTA_SANDBOX_FAULTS=false.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { readSetting, writeSetting } from '../../db/settings-repository.ts'
import { authorize, type Actor } from '../access/policy.ts'
import { AppError, problem } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { DEFAULT_SANDBOX_FAULTS, type SandboxFaultSettings } from './sandbox-faults.ts'

/** The settings key of an instansi's sandbox faults (a partial SandboxFaultSettings over the defaults). */
export const SANDBOX_FAULTS_SETTING = 'sandbox_faults'

export async function loadSandboxFaultSettings(db: Db, instansiId: string): Promise<SandboxFaultSettings> {
  const saved = await readSetting<Partial<SandboxFaultSettings>>(db, instansiId, SANDBOX_FAULTS_SETTING)
  return { ...DEFAULT_SANDBOX_FAULTS, ...saved }
}

export async function getSandboxFaultSettings(deps: { db: Db }, actor: Actor): Promise<SandboxFaultSettings> {
  authorize(actor, 'account.read', { instansiId: actor.instansiId })
  return loadSandboxFaultSettings(deps.db, actor.instansiId)
}

export async function updateSandboxFaultSettings(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  input: Partial<SandboxFaultSettings>,
  meta: ChangeMeta,
): Promise<SandboxFaultSettings> {
  authorize(actor, 'settings.manage', { instansiId: actor.instansiId })
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const before = await loadSandboxFaultSettings(tx, actor.instansiId)
    const after: SandboxFaultSettings = { ...before, ...input }
    if (after.latencyMinMs > after.latencyMaxMs)
      throw new AppError(
        'invalid_input',
        'sandbox.latency_order',
        {},
        {
          latencyMinMs: problem('sandbox.latency_order'),
        },
      )
    if (after.unavailableRate + after.unknownOutcomeRate > 1)
      throw new AppError(
        'invalid_input',
        'sandbox.rates_total',
        {},
        {
          unknownOutcomeRate: problem('sandbox.rates_total'),
        },
      )
    await writeSetting(tx, actor.instansiId, SANDBOX_FAULTS_SETTING, after, now)
    await recordChange(
      tx,
      actor,
      meta,
      { action: 'sandbox.settings', objectType: 'sandbox_settings', objectId: null, before, after },
      now,
    )
    return after
  })
}
