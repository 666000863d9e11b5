// The digital agenda's vocabulary, shared by the server and the web app. A leaf module: it imports nothing.

export const AGENDA_ITEM_STATUSES = ['open', 'closed'] as const
export type AgendaItemStatus = (typeof AGENDA_ITEM_STATUSES)[number]

/**
 * Where an amplification task stands, read from the posts it produced: none yet (`not_started`), a draft being
 * written or returned for changes (`drafting`), sent for approval or approved and waiting to publish
 * (`in_review`), published on at least one account (`done`).
 */
export const AGENDA_TASK_STATES = ['not_started', 'drafting', 'in_review', 'done'] as const
export type AgendaTaskState = (typeof AGENDA_TASK_STATES)[number]

/**
 * A task as the board shows it against the deadline: published by the deadline (`done`), published after it or
 * still not published once it has passed (`late`), started but not published (`in_progress`), or `not_started`.
 */
export const AGENDA_BOARD_STATUSES = ['done', 'late', 'in_progress', 'not_started'] as const
export type AgendaBoardStatus = (typeof AGENDA_BOARD_STATUSES)[number]

/** How a unit amplifies: adapt a prefilled draft, or repost the central post (its text and its link). */
export const AGENDA_TASK_MODES = ['adapt', 'repost'] as const
export type AgendaTaskMode = (typeof AGENDA_TASK_MODES)[number]
