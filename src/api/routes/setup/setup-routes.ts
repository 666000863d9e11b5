// First-run setup: creates the instansi, its root unit and the first admin while the deployment is empty.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppContext } from '../../../context.ts'
import { loadActor } from '../../../features/identity/load-actor.ts'
import { describeMe } from '../../../features/identity/describe-me.ts'
import { SESSION_COOKIE } from '../../../features/identity/sessions.ts'
import { isSetupNeeded, runFirstSetup } from '../../../features/setup/create-instansi.ts'
import { sessionCookieOptions } from '../../auth/authenticate.ts'
import { requestMeta } from '../../request-context.ts'

const setupBody = z.object({
  instansiName: z.string().trim().min(3, 'Nama instansi minimal 3 karakter.').max(200),
  slug: z
    .string()
    .trim()
    .min(2)
    .max(60)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Slug hanya huruf kecil, angka dan tanda hubung.'),
  rootUnitName: z.string().trim().min(2).max(200),
  rootUnitCode: z
    .string()
    .trim()
    .min(1)
    .max(30)
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
      'Kode unit hanya huruf, angka, titik, garis bawah dan tanda hubung.',
    ),
  adminName: z.string().trim().min(1).max(200),
  adminEmail: z.email('Alamat e-mail tidak valid.').max(320),
  adminPassword: z.string().min(1).max(1024),
})

export function registerSetupRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/setup',
    {
      schema: {
        tags: ['setup'],
        summary: 'Whether first-run setup is needed (no instansi yet)',
        response: { 200: z.object({ needed: z.boolean() }) },
      },
    },
    async () => ({ needed: await isSetupNeeded(context) }),
  )

  app.post(
    '/setup',
    {
      schema: {
        tags: ['setup'],
        summary:
          'First-run setup: instansi, root unit and first admin; logs the admin in (2FA enrolment follows)',
        body: setupBody,
        response: {
          200: z.object({
            instansiId: z.string(),
            rootUnitId: z.string(),
            userId: z.string(),
            csrfToken: z.string(),
            mustEnrolTwoFactor: z.boolean(),
          }),
        },
      },
    },
    async (request, reply) => {
      const created = await runFirstSetup(
        context,
        request.body as z.infer<typeof setupBody>,
        requestMeta(request),
      )
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
}
