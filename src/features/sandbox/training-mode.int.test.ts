import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createTestInstansi, createTestUser, uniqueSuffix } from '../../../tests/support/fixtures.ts'
import {
  createConnectedSandboxAccount,
  createPenanggungJawab,
  createScheduledPost,
} from '../../../tests/support/publishing-fixtures.ts'
import { getTestContext } from '../../../tests/support/test-context.ts'
import { insertAccount } from '../../db/accounts-repository.ts'
import { getVariant } from '../../db/post-variants-repository.ts'
import { auditLog, users } from '../../db/schema/index.ts'
import { publishVariant, type PublishDeps } from '../publishing/publish-variant.ts'

async function setup() {
  const context = await getTestContext()
  const owner = await createTestInstansi(context.db)
  const pj = await createPenanggungJawab(context.db, owner)
  const trainee = await createTestUser(context.db, owner, [{ unitId: owner.rootUnit.id, role: 'pengelola' }])
  await context.db.update(users).set({ trainingMode: true }).where(eq(users.id, trainee.id))
  const sandbox = await createConnectedSandboxAccount(context.db, owner, pj, context)
  const handle = `humas-${uniqueSuffix()}.bsky.social`
  // A real platform's account with stored credentials would be sent to; here it is not even connected, so
  // without the Mode Latihan check the engine would call runForAccount and end unconfirmed, not failed.
  const real = await insertAccount(
    context.db,
    owner.id,
    {
      unitId: owner.rootUnit.id,
      platform: 'bluesky',
      handle,
      handleDisplay: null,
      displayName: null,
      url: `https://bsky.app/profile/${handle}`,
      penanggungJawabUserId: pj.id,
      verificationStatus: 'unverified',
      platformTwoFactor: false,
      credentialRotatedOn: null,
      status: 'active',
      notes: '',
    },
    new Date(),
  )
  const deps: PublishDeps = {
    db: context.db,
    clock: { now: () => new Date() },
    secret: context.secret,
    previousSecrets: context.previousSecrets,
    config: { sandboxFaults: false },
    random: () => 0.5,
  }
  return { context, owner, trainee, sandbox, real, deps }
}

describe('the publishing engine and Mode Latihan', () => {
  it('fails a trainee’s variant to a non-sandbox account without calling any connector, and audits it', async () => {
    const t = await setup()
    const { postId, variantIds } = await createScheduledPost(
      t.context.db,
      t.owner,
      t.trainee,
      [t.real, t.sandbox.id],
      new Date(Date.now() - 1000),
    )
    expect(await publishVariant(t.deps, t.owner.id, variantIds[0]!)).toBe('failed')
    const refused = await getVariant(t.context.db, t.owner.id, variantIds[0]!)
    expect(refused).toMatchObject({ status: 'failed', lastErrorKind: 'training_mode', platformPostId: null })

    // The same trainee's variant to the sandbox goes out.
    expect(await publishVariant(t.deps, t.owner.id, variantIds[1]!)).toBe('published')

    const entries = await t.context.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.instansiId, t.owner.id), eq(auditLog.action, 'publishing.training_refused')))
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ objectType: 'post', objectId: postId })
    expect(entries[0]!.after).toMatchObject({ variantId: variantIds[0], platform: 'bluesky' })
  })

  it('sends a non-trainee’s post as before', async () => {
    const t = await setup()
    await t.context.db.update(users).set({ trainingMode: false }).where(eq(users.id, t.trainee.id))
    const { variantIds } = await createScheduledPost(t.context.db, t.owner, t.trainee, [t.real], new Date())
    // Not connected: the engine tried (the outcome cannot be proven), which is what the check above prevents.
    expect(await publishVariant(t.deps, t.owner.id, variantIds[0]!)).toBe('unconfirmed')
  })
})
