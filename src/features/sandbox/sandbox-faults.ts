// The sandbox network's fault model (Mode Latihan behaves like a real platform): latency per call, a rate limit
// per account and window, occasional failures before acceptance (503) and timeouts after a post was accepted
// (504: the post exists but the caller is not told). Every draw is a pure function of the seed, the account and
// the call's number, so a run is repeatable whichever process answers and however often workers restart.
import { createHash } from 'node:crypto'

export interface SandboxFaultSettings {
  seed: number
  latencyMinMs: number
  latencyMaxMs: number
  /** Share of calls failing with 503 before anything happened. */
  unavailableRate: number
  /** Share of writes accepted and then timing out (504). */
  unknownOutcomeRate: number
  /** Calls allowed per account in each window; over it, 429 until the window ends. */
  rateLimitCalls: number
  rateLimitWindowSeconds: number
}

export const DEFAULT_SANDBOX_FAULTS: SandboxFaultSettings = Object.freeze({
  seed: 7,
  latencyMinMs: 100,
  latencyMaxMs: 400,
  unavailableRate: 0.02,
  unknownOutcomeRate: 0.02,
  rateLimitCalls: 300,
  rateLimitWindowSeconds: 300,
})

/** A network that answers at once and never fails (tests, and WARTA_SANDBOX_FAULTS=false). */
export const NO_SANDBOX_FAULTS: SandboxFaultSettings = Object.freeze({
  seed: 0,
  latencyMinMs: 0,
  latencyMaxMs: 0,
  unavailableRate: 0,
  unknownOutcomeRate: 0,
  rateLimitCalls: Number.MAX_SAFE_INTEGER,
  rateLimitWindowSeconds: 1,
})

export type SandboxCallFault = 'none' | 'unavailable' | 'unknown_outcome'

export interface SandboxCallPlan {
  latencyMs: number
  fault: SandboxCallFault
}

/** A number in [0, 1) drawn from the seed, the account, the call's number and a purpose. */
export function seededDraw(seed: number, accountId: string, call: number, purpose: string): number {
  const digest = createHash('sha256').update(`${seed}:${accountId}:${call}:${purpose}`).digest()
  return digest.readUInt32BE(0) / 2 ** 32
}

/** What happens to one call: how long it takes, and whether it fails (a read never has an unknown outcome). */
export function planSandboxCall(
  settings: SandboxFaultSettings,
  accountId: string,
  call: number,
  write: boolean,
): SandboxCallPlan {
  const spread = Math.max(0, settings.latencyMaxMs - settings.latencyMinMs)
  const latencyMs = Math.round(
    settings.latencyMinMs + seededDraw(settings.seed, accountId, call, 'latency') * spread,
  )
  const draw = seededDraw(settings.seed, accountId, call, 'fault')
  if (draw < settings.unavailableRate) return { latencyMs, fault: 'unavailable' }
  if (write && draw < settings.unavailableRate + settings.unknownOutcomeRate)
    return { latencyMs, fault: 'unknown_outcome' }
  return { latencyMs, fault: 'none' }
}
