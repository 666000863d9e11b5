// Simulated citizens of the sandbox network: after a sandbox post is published they like, share and comment on it
// over a few hours, with real Indonesian comments (data/citizen-comments.json, DKK Semarang, Apache-2.0), so that
// trainees and the demo see activity in the inbox and the metrics. Each round is a job (sandbox-citizens) written
// as claim → re-check → act: the round counter on the post makes a second delivery do nothing.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { getSandboxAccountById } from '../../db/sandbox-accounts-repository.ts'
import { insertSandboxInteractions } from '../../db/sandbox-interactions-repository.ts'
import { addSandboxPostAttention, claimSandboxPost } from '../../db/sandbox-posts-repository.ts'
import { claimAndRecheck } from '../jobs/claim-and-recheck.ts'
import { enqueue } from '../jobs/enqueue.ts'
import { seededDraw } from './sandbox-faults.ts'

export const FIRST_CITIZEN_ROUND_DELAY_MS = 60_000
/** When each round comes after the post (the first at +1 min); interest fades as on a real network. */
const ROUND_OFFSETS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 3 * 3_600_000, 12 * 3_600_000]
export const CITIZEN_ROUNDS = ROUND_OFFSETS_MS.length

interface CitizenComment {
  text: string
  sentiment: 'positive' | 'neutral' | 'negative'
}

let comments: CitizenComment[] | undefined
export function citizenComments(): CitizenComment[] {
  comments ??= JSON.parse(
    readFileSync(new URL('./data/citizen-comments.json', import.meta.url), 'utf8'),
  ) as CitizenComment[]
  return comments
}

// Common Indonesian given names (a hand-written list), for the simulated citizens' display names and handles.
const NAMES = [
  'Agus',
  'Ayu',
  'Bambang',
  'Dewi',
  'Eko',
  'Fitri',
  'Gilang',
  'Hendra',
  'Indah',
  'Joko',
  'Kartika',
  'Lestari',
  'Made',
  'Nur',
  'Putri',
  'Rizky',
  'Sari',
  'Teguh',
  'Umi',
  'Wahyu',
  'Yanti',
  'Yusuf',
  'Siti',
  'Budi',
]

function citizen(draw: number): { handle: string; name: string } {
  const index = Math.floor(draw * NAMES.length * 100)
  const name = NAMES[index % NAMES.length]!
  return { handle: `${name.toLowerCase()}${(index % 97) + 3}`, name: `${name} (warga simulasi)` }
}

export interface CitizenRoundOutcome {
  likes: number
  shares: number
  comments: number
}

/** One round of attention to a post; nothing when the round already happened or the post was deleted. */
export async function simulateCitizenRound(
  deps: { db: Db; clock: Clock },
  instansiId: string,
  postId: string,
  round: number,
): Promise<CitizenRoundOutcome | undefined> {
  const result = await claimAndRecheck(deps.db, {
    claim: (tx) => claimSandboxPost(tx, instansiId, postId),
    isStillDue: (post) =>
      post.deletedAt === null && post.citizenRounds === round - 1 && round <= CITIZEN_ROUNDS,
    async act(tx, [post]) {
      const draw = (purpose: string) => seededDraw(round, post!.id, round, purpose)
      // Fewer newcomers each round; a post with more text draws a little more attention.
      const fade = 1 / round
      const likes = Math.round((5 + draw('likes') * 40) * fade)
      const shares = Math.round(draw('shares') * 8 * fade)
      const views = likes * 12 + Math.round(draw('views') * 150)
      const count = Math.min(3, Math.floor(draw('comments') * 4 * Math.sqrt(fade) + 0.3))
      const pool = citizenComments()
      const account = await getSandboxAccountById(tx, instansiId, post!.sandboxAccountId)
      const now = deps.clock.now()
      const rows = Array.from({ length: count }, (_, index) => {
        const pick = draw(`comment-${index}`)
        const who = citizen(draw(`citizen-${index}`))
        const mention = draw(`mention-${index}`) < 0.15
        return {
          id: randomUUID(),
          instansiId,
          sandboxAccountId: post!.sandboxAccountId,
          postId: mention ? null : post!.id,
          parentId: null,
          kind: mention ? ('mention' as const) : ('comment' as const),
          own: false,
          authorHandle: who.handle,
          authorName: who.name,
          text:
            mention && account
              ? `@${account.handle} ${pool[Math.floor(pick * pool.length)]!.text}`
              : pool[Math.floor(pick * pool.length)]!.text,
          createdAt: now,
        }
      })
      await insertSandboxInteractions(tx, rows)
      await addSandboxPostAttention(tx, instansiId, post!.id, { likes, shares, views, round })
      const next = ROUND_OFFSETS_MS[round]
      if (next !== undefined)
        await enqueue(
          tx,
          'sandbox-citizens',
          { instansiId, postId: post!.id, round: round + 1 },
          { startAfter: new Date(post!.createdAt.getTime() + next) },
        )
      return { likes, shares, comments: rows.length }
    },
  })
  return result.outcome
}
