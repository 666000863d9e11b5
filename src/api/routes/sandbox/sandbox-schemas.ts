// The sandbox network's fault settings (Mode Latihan), features/sandbox/sandbox-settings.ts.
import { z } from 'zod'

export const sandboxSettingsView = z
  .object({
    seed: z.number().int(),
    latencyMinMs: z.number().int(),
    latencyMaxMs: z.number().int(),
    unavailableRate: z.number(),
    unknownOutcomeRate: z.number(),
    rateLimitCalls: z.number().int(),
    rateLimitWindowSeconds: z.number().int(),
  })
  .meta({ id: 'SandboxSettings' })

const rate = z.number().min(0).max(1)

export const sandboxSettingsBody = z
  .object({
    seed: z.number().int().min(0).max(2_147_483_647).optional(),
    latencyMinMs: z.number().int().min(0).max(10_000).optional(),
    latencyMaxMs: z.number().int().min(0).max(10_000).optional(),
    unavailableRate: rate.optional(),
    unknownOutcomeRate: rate.optional(),
    rateLimitCalls: z.number().int().min(1).max(1_000_000).optional(),
    rateLimitWindowSeconds: z.number().int().min(1).max(86_400).optional(),
  })
  .strict()
