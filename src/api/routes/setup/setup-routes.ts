// First-run setup: creates the instansi, its root unit and the first admin while the deployment is empty.
import type { AppContext } from '../../../context.ts'
import { loadActor } from '../../../features/identity/load-actor.ts'
import { describeMe } from '../../../features/identity/describe-me.ts'
import { SESSION_COOKIE } from '../../../features/identity/sessions.ts'
import { isSetupNeeded, runFirstSetup } from '../../../features/setup/create-instansi.ts'
import { sessionCookieOptions } from '../../auth/authenticate.ts'
import { requestMeta } from '../../request-context.ts'
import type { ApiInstance } from '../../zod-type-provider.ts'
import { demoSetupView, setupBody, setupDoneView, setupNeededView } from './setup-schemas.ts'
import { DEFAULT_DEMO_SEED, runDemoSetup } from '../../../features/demo/build-demo.ts'

export function registerSetupRoutes(app: ApiInstance, context: AppContext): void {
  app.get(
    '/setup',
    {
      config: { public: true },
      schema: {
        tags: ['setup'],
        summary: 'Whether first-run setup is needed (no instansi yet)',
        response: { 200: setupNeededView },
      },
    },
    async () => ({ needed: await isSetupNeeded(context) }),
  )

  app.post(
    '/setup',
    {
      config: { public: true },
      schema: {
        tags: ['setup'],
        summary:
          'First-run setup: instansi, root unit and first admin; logs the admin in (2FA enrolment follows)',
        body: setupBody,
        response: { 200: setupDoneView },
      },
    },
    async (request, reply) => {
      const created = await runFirstSetup(context, request.body, requestMeta(request))
      reply.setCookie(SESSION_COOKIE, created.token, sessionCookieOptions(context))
      const { actor } = await loadActor(context.db, created.admin, 'session')
      const me = await describeMe(context, actor, {
        csrfToken: created.session.csrfToken,
        twoFactorPending: false,
      })
      return {
        instansiId: created.instansiId,
        rootUnitId: created.rootUnitId,
        userId: created.admin.id,
        csrfToken: created.session.csrfToken,
        mustEnrolTwoFactor: me.mustEnrolTwoFactor,
      }
    },
  )

  app.post(
    '/setup/demo',
    {
      config: { public: true },
      schema: {
        tags: ['setup'],
        summary:
          'First run with demo data ("Coba dengan data contoh"): only while the deployment is empty; builds the demo ' +
          'instansi, signs its admin in (2FA enrolment follows) and returns every demo sign-in once',
        response: { 200: demoSetupView },
      },
    },
    async (request, reply) => {
      const built = await runDemoSetup(context, { seed: DEFAULT_DEMO_SEED }, requestMeta(request))
      reply.setCookie(SESSION_COOKIE, built.token, sessionCookieOptions(context))
      const { actor } = await loadActor(context.db, built.admin, 'session')
      const me = await describeMe(context, actor, {
        csrfToken: built.session.csrfToken,
        twoFactorPending: false,
      })
      return {
        instansiId: built.instansiId,
        rootUnitId: built.rootUnitId,
        userId: built.admin.id,
        csrfToken: built.session.csrfToken,
        mustEnrolTwoFactor: me.mustEnrolTwoFactor,
        counts: built.counts,
        logins: built.logins,
      }
    },
  )
}
