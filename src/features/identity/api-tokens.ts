// Personal API tokens for automation. A token carries a subset of the owner's grants (all of them by default);
// its value is shown once and stored as a SHA-256 hash.
import {
  insertApiToken,
  listApiTokens,
  revokeApiToken,
  type ApiTokenRow,
} from '../../db/api-tokens-repository.ts'
import { grantsOfUsers } from '../../db/role-grants-repository.ts'
import { AppError, problem } from '../app-error.ts'
import { recordChange } from '../audit/record-change.ts'
import type { Actor } from '../access/policy.ts'
import type { IdentityDeps, RequestMeta } from './identity-deps.ts'
import { generateApiToken, sha256Hex, tokenHint } from './secret-token.ts'

export interface ApiTokenView {
  id: string
  name: string
  hint: string
  grants: { unitId: string; role: string }[]
  expiresAt: string | null
  lastUsedAt: string | null
  createdAt: string
}

function view(row: ApiTokenRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    hint: row.tokenHint,
    grants: row.grants,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }
}

export interface CreateApiTokenInput {
  name: string
  /** Omit for all of the owner's current grants. */
  grants?: { unitId: string; role: string }[] | undefined
  expiresAt?: Date | undefined
}

export async function createApiToken(
  deps: IdentityDeps,
  actor: Actor,
  input: CreateApiTokenInput,
  meta: RequestMeta,
): Promise<{ token: string; apiToken: ApiTokenView }> {
  if (actor.via === 'token') throw new AppError('forbidden', 'auth.token_cannot_create_token')
  const now = deps.clock.now()
  if (input.expiresAt && input.expiresAt <= now) {
    throw new AppError('invalid_input', 'auth.token_expiry_in_past', undefined, {
      expiresAt: problem('auth.must_be_in_future'),
    })
  }
  const mine = await grantsOfUsers(deps.db, actor.instansiId, [actor.userId])
  const requested = input.grants ?? mine.map((g) => ({ unitId: g.unitId, role: g.role }))
  for (const grant of requested) {
    if (!mine.some((g) => g.unitId === grant.unitId && g.role === grant.role)) {
      throw new AppError(
        'invalid_input',
        'auth.token_role_not_yours',
        { role: grant.role },
        { grants: problem('auth.only_your_roles') },
      )
    }
  }
  if (requested.length === 0)
    throw new AppError('invalid_input', 'auth.token_needs_role', undefined, {
      grants: problem('auth.at_least_one_role'),
    })
  const unique = [...new Map(requested.map((g) => [`${g.unitId}:${g.role}`, g])).values()]
  const token = generateApiToken()
  const row = await deps.db.transaction(async (tx) => {
    const inserted = await insertApiToken(tx, {
      instansiId: actor.instansiId,
      userId: actor.userId,
      name: input.name,
      tokenHash: sha256Hex(token),
      tokenHint: tokenHint(token),
      grants: unique,
      expiresAt: input.expiresAt ?? null,
      createdAt: now,
    })
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'api_token.create',
        objectType: 'api_token',
        objectId: inserted.id,
        after: { name: inserted.name, grants: unique, expiresAt: inserted.expiresAt },
      },
      now,
    )
    return inserted
  })
  return { token, apiToken: view(row) }
}

export async function listMyApiTokens(deps: Pick<IdentityDeps, 'db'>, actor: Actor): Promise<ApiTokenView[]> {
  return (await listApiTokens(deps.db, actor.instansiId, actor.userId)).map(view)
}

export async function revokeMyApiToken(
  deps: IdentityDeps,
  actor: Actor,
  tokenId: string,
  meta: RequestMeta,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now()
    const row = await revokeApiToken(tx, actor.instansiId, actor.userId, tokenId, now)
    if (!row) throw new AppError('not_found', 'auth.token_not_found')
    await recordChange(
      tx,
      actor,
      meta,
      { action: 'api_token.revoke', objectType: 'api_token', objectId: row.id, before: { name: row.name } },
      now,
    )
  })
}
