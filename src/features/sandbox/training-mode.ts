// Mode Latihan per user: a trainee's posts go only to the sandbox network. Checked when a draft is saved (the
// composer is only offered sandbox accounts), when it is submitted (the mode may have been switched on since), and
// by the publishing engine right before a connector is called (defence in depth: a post approved before the switch,
// or written by any other path, still never leaves the sandbox).
import type { Db } from '../../db/client.ts'
import { getAccount } from '../../db/accounts-repository.ts'
import { getPost } from '../../db/posts-repository.ts'
import { findUserById } from '../../db/users-repository.ts'
import { problem, type Problem } from '../app-error.ts'

export const TRAINING_PLATFORM = 'sandbox'

export function isTrainingTarget(platform: string): boolean {
  return platform === TRAINING_PLATFORM
}

export async function isInTrainingMode(db: Db, instansiId: string, userId: string): Promise<boolean> {
  return (await findUserById(db, instansiId, userId))?.trainingMode === true
}

/** The per-field problems of a trainee's variants aimed at accounts outside the sandbox. */
export function trainingTargetProblems(
  variants: ReadonlyArray<{ platform: string; handle: string }>,
  fieldOf: (index: number) => string,
): Record<string, Problem> {
  const problems: Record<string, Problem> = {}
  variants.forEach((variant, index) => {
    if (!isTrainingTarget(variant.platform))
      problems[fieldOf(index)] = problem('posts.training_sandbox_only_field', { handle: variant.handle })
  })
  return problems
}

/**
 * Why the engine must not send this variant: its post's author is in Mode Latihan and the account is not on the
 * sandbox network; null when it may go.
 */
export async function trainingModeRefusal(
  db: Db,
  instansiId: string,
  variant: { postId: string; accountId: string },
): Promise<{ authorId: string; platform: string } | null> {
  const post = await getPost(db, instansiId, variant.postId)
  if (!post || !(await isInTrainingMode(db, instansiId, post.authorId))) return null
  const account = await getAccount(db, instansiId, variant.accountId)
  const platform = account?.platform ?? 'unknown'
  return isTrainingTarget(platform) ? null : { authorId: post.authorId, platform }
}
