// The sandbox network (Mode Latihan): its fault settings for the caller's instansi.
import type { AppContext } from '../../../context.ts'
import {
  getSandboxFaultSettings,
  updateSandboxFaultSettings,
} from '../../../features/sandbox/sandbox-settings.ts'
import { requestMeta, requireActor } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { sandboxSettingsBody, sandboxSettingsView } from './sandbox-schemas.ts'

export function registerSandboxRoutes(app: ApiInstance, context: AppContext): void {
  app.get(
    '/sandbox/settings',
    {
      schema: {
        tags: ['sandbox'],
        summary:
          "The sandbox network's simulated latency, rate limit and failure rates for your instansi (off for the whole deployment when WARTA_SANDBOX_FAULTS=false)",
        response: { 200: sandboxSettingsView },
      },
    },
    async (request) => getSandboxFaultSettings(context, requireActor(request)),
  )

  app.put(
    '/sandbox/settings',
    {
      schema: {
        tags: ['sandbox'],
        summary: "Change the sandbox network's faults (settings.manage); fields left out keep their value",
        body: sandboxSettingsBody,
        response: { 200: sandboxSettingsView },
      },
    },
    async (request) =>
      updateSandboxFaultSettings(context, requireActor(request), request.body, requestMeta(request)),
  )
}
