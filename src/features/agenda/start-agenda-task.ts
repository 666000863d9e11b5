// Working an amplification task: the unit's pengelola (post.create at the task's unit) starts a post for it, which
// then goes through the unit's approval chain like any other post.
// - `adapt`: a draft prefilled with the narrative (title, the key messages as base text, source, the assets on each
//   variant) targeting the task's account, or every active account of the unit the author may post to; the author
//   adapts it in the composer.
// - `repost`: a draft with the central post's text and its published link. A platform repost (retweet, share) is
//   not in the connector interface, so a repost here is a post of the unit quoting the central one by its URL.
// The draft is made through createDraft inside this transaction, with the task row locked, so two clicks make
// one draft; the link in agenda_task_posts makes the task's state follow the post.
import {
  getAgendaTask,
  insertAgendaTaskPost,
  listAgendaTaskPosts,
  lockAgendaItem,
  lockAgendaTask,
} from '../../db/agenda-items-repository.ts'
import { getPost } from '../../db/posts-repository.ts'
import type { AgendaTaskMode } from '../../shared/agenda.ts'
import type { Action, Actor } from '../access/policy.ts'
import { AppError } from '../app-error.ts'
import { recordChange, type ChangeMeta } from '../audit/record-change.ts'
import { createDraft, postTargets, type DraftInput } from '../posts/manage-posts.ts'
import { taskProgressOf } from './agenda-board.ts'
import { forbidden, mayWorkTask, type AgendaDeps } from './manage-agenda.ts'
import { variantsOf } from '../../db/posts-repository.ts'

const CREATE: Action = 'post.create'

/** Starts a post for the task; answers the new post's id (the composer opens it). */
export async function startAgendaTask(
  deps: AgendaDeps,
  actor: Actor,
  taskId: string,
  mode: AgendaTaskMode,
  meta: ChangeMeta,
): Promise<{ postId: string }> {
  const task = await getAgendaTask(deps.db, actor.instansiId, taskId)
  if (!task) throw new AppError('not_found', 'agenda.task_not_found')
  if (!mayWorkTask(actor, task)) throw forbidden(CREATE)
  const allowed = (await postTargets(deps, actor)).filter((account) =>
    task.accountId ? account.id === task.accountId : account.unitId === task.unitId,
  )
  if (allowed.length === 0) throw new AppError('conflict', 'agenda.no_accounts')
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const locked = await lockAgendaTask(tx, actor.instansiId, taskId)
    if (!locked) throw new AppError('not_found', 'agenda.task_not_found')
    const item = await lockAgendaItem(tx, actor.instansiId, locked.agendaItemId)
    if (!item) throw new AppError('not_found', 'agenda.not_found')
    if (item.status !== 'open') throw new AppError('conflict', 'agenda.closed')
    const links = await listAgendaTaskPosts(tx, actor.instansiId, [taskId])
    const progress = taskProgressOf(links.map((link) => ({ status: link.postStatus, variants: [] })))
    if (progress.state !== 'not_started') throw new AppError('conflict', 'agenda.task_has_post')

    let draft: DraftInput
    const common = {
      unitId: task.unitId,
      kind: 'informasi' as const,
      verificationNote: '',
      fiveWOneH: {},
      tags: [],
      campaign: null,
      scheduledAt: null,
      crisis: false,
      targets: allowed.map((account) => account.id),
    }
    if (mode === 'adapt') {
      draft = {
        ...common,
        title: item.title,
        baseText: item.keyMessages.join('\n\n'),
        source: item.source,
        variants: allowed.map((account) => ({
          accountId: account.id,
          media: item.mediaIds.map((mediaId) => ({ mediaId, altText: '' })),
        })),
      }
    } else {
      const central = item.centralPostId ? await getPost(tx, actor.instansiId, item.centralPostId) : undefined
      const published = central
        ? (await variantsOf(tx, actor.instansiId, [central.id])).find(
            (variant) => variant.status === 'published' && variant.platformPostUrl,
          )
        : undefined
      if (!central || !published) throw new AppError('conflict', 'agenda.no_central_post')
      draft = {
        ...common,
        title: item.title,
        baseText: `${central.baseText}\n\n${published.platformPostUrl}`,
        source: central.source || item.source,
        variants: [],
      }
    }
    // createDraft opens its own transaction: on this one it is a savepoint, so the draft and its link commit
    // together or not at all.
    const post = await createDraft({ ...deps, db: tx }, actor, draft, meta)
    await insertAgendaTaskPost(tx, { postId: post.id, instansiId: actor.instansiId, taskId, mode, now })
    await recordChange(
      tx,
      actor,
      meta,
      {
        action: 'agenda_task.start',
        objectType: 'agenda_task',
        objectId: taskId,
        after: { title: item.title, unit: task.unitName, account: task.accountHandle, mode, postId: post.id },
      },
      now,
    )
    return { postId: post.id }
  })
}
