import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestInstansi } from '../../../tests/support/fixtures.ts'
import { handClock } from '../../../tests/support/hand-clock.ts'
import {
  createConnectedSandboxAccount,
  createPenanggungJawab,
  createScheduledPost,
} from '../../../tests/support/publishing-fixtures.ts'
import { getTestContext } from '../../../tests/support/test-context.ts'
import { isConnectorError } from '../../connectors/connector.ts'
import { insertMedia } from '../../db/media-repository.ts'
import { getVariant } from '../../db/post-variants-repository.ts'
import { postVariants, sandboxPosts } from '../../db/schema/index.ts'
import { createLocalMediaStorage } from '../media/local-media-storage.ts'
import { createSandboxNetwork } from '../sandbox/sandbox-network-store.ts'
import { publishRequestOf } from './publish-request.ts'
import { publishVariant, type PublishDeps } from './publish-variant.ts'

const mediaDir = await mkdtemp(path.join(tmpdir(), 'warta-publish-media-'))
afterAll(() => rm(mediaDir, { recursive: true, force: true }))
const storage = createLocalMediaStorage(mediaDir)
const IMAGE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])

async function setup() {
  const context = await getTestContext()
  const clock = handClock()
  const owner = await createTestInstansi(context.db)
  const pj = await createPenanggungJawab(context.db, owner)
  const account = await createConnectedSandboxAccount(context.db, owner, pj, context)
  const deps: PublishDeps = {
    db: context.db,
    clock,
    secret: context.secret,
    previousSecrets: context.previousSecrets,
    config: { sandboxFaults: false },
    sandboxNetwork: createSandboxNetwork(
      { db: context.db, clock },
      { faults: 'off', wait: () => Promise.resolve() },
    ),
    random: () => 0.5,
    mediaStorage: storage,
  }
  const { variantIds } = await createScheduledPost(context.db, owner, pj, [account.id], clock.now())
  return { db: context.db, clock, owner, pj, deps, variantId: variantIds[0]! }
}

type Setup = Awaited<ReturnType<typeof setup>>

/** An uploaded image (stored, with its row) attached to the variant with the alt text; returns its id. */
async function attachImage(t: Setup, altText: string): Promise<string> {
  const id = randomUUID()
  const storageKey = `${t.owner.id}/${id}`
  await storage.put(storageKey, IMAGE, 'image/png')
  await insertMedia(t.db, {
    id,
    instansiId: t.owner.id,
    uploadedBy: t.pj.id,
    storageKey,
    thumbnailKey: null,
    mimeType: 'image/png',
    kind: 'image',
    sizeBytes: IMAGE.byteLength,
    width: 1,
    height: 1,
    sha256: 'x',
    originalName: 'poster.png',
    createdAt: t.clock.now(),
  })
  await setVariantMedia(t, [{ mediaId: id, altText }])
  return id
}

async function setVariantMedia(t: Setup, media: { mediaId: string; altText: string }[]) {
  await t.db
    .update(postVariants)
    .set({ media })
    .where(and(eq(postVariants.instansiId, t.owner.id), eq(postVariants.id, t.variantId)))
}

describe('media in the publish call', () => {
  it('sends an image post to the sandbox with its alt text', async () => {
    const t = await setup()
    await attachImage(t, 'Poster jadwal vaksinasi di puskesmas')
    expect(await publishVariant(t.deps, t.owner.id, t.variantId)).toBe('published')
    const variant = (await getVariant(t.db, t.owner.id, t.variantId))!
    const [posted] = await t.db
      .select({ media: sandboxPosts.media })
      .from(sandboxPosts)
      .where(eq(sandboxPosts.id, variant.platformPostId!))
    expect(posted!.media).toEqual([
      {
        kind: 'image',
        mimeType: 'image/png',
        byteLength: IMAGE.byteLength,
        altText: 'Poster jadwal vaksinasi di puskesmas',
      },
    ])
  })

  it('reads the bytes from the media storage only when the connector asks for them', async () => {
    const t = await setup()
    await attachImage(t, 'Poster')
    const variant = (await getVariant(t.db, t.owner.id, t.variantId))!
    const request = await publishRequestOf(t.deps, variant)
    expect(request).toMatchObject({ idempotencyKey: t.variantId, text: variant.text })
    expect(request.media).toHaveLength(1)
    expect(await request.media[0]!.read()).toEqual(IMAGE)
  })

  it('fails a post whose media no longer exists, saying why, instead of publishing it without', async () => {
    const t = await setup()
    await setVariantMedia(t, [{ mediaId: randomUUID(), altText: 'Poster' }])
    expect(await publishVariant(t.deps, t.owner.id, t.variantId)).toBe('failed')
    const variant = (await getVariant(t.db, t.owner.id, t.variantId))!
    expect(variant).toMatchObject({ status: 'failed', lastErrorKind: 'rejected' })
    expect(variant.lastErrorMessage).toContain('publishing.error.media_missing')
  })

  it('refuses a variant with media when no media storage is configured', async () => {
    const t = await setup()
    await attachImage(t, 'Poster')
    const variant = (await getVariant(t.db, t.owner.id, t.variantId))!
    const refused = await publishRequestOf({ db: t.db }, variant).catch((error: unknown) => error)
    expect(isConnectorError(refused) && refused.kind).toBe('rejected')
  })
})
