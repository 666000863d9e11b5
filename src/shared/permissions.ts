// The permission table: every action, which roles allow it, and which actions concern the whole instansi. Plain
// data in the shared vocabulary, so the server's policy (features/access/policy.ts) and the web app's role
// descriptions read the same table and cannot drift apart. A leaf module: it imports nothing outside src/shared.
import type { Role } from './roles.ts'

export const ACTIONS = [
  'unit.read',
  'unit.manage',
  'user.read',
  'user.manage',
  'account.read',
  'account.manage',
  'naming.manage',
  'calendar.read',
  'calendar.manage',
  'audit.read',
  'audit.export',
  'settings.manage',
  'post.read',
  'post.create',
  'post.approve',
  'approval.manage',
  'inbox.read',
  'inbox.reply',
  'listening.manage',
  'report.read',
  'ppid.manage',
  // The hoax knowledge base every draft is checked against (reading it needs post.read). The penanggung jawab's
  // alone: the facts are content the official answers for, and the admin (who configures, but reads no posts)
  // has no say over content anywhere else either.
  'hoax.manage',
  // The digital agenda: issue a narrative and fan it out as amplification tasks to units and accounts. The
  // penanggung jawab's and the admin's at the unit that owns it (instansi-wide from a top-level unit); the
  // pengelola works the tasks with post.create.
  'agenda.manage',
  // Saved replies (jawaban baku): the penanggung jawab's at the unit that owns one (instansi-wide ones from a
  // top-level unit). Content the office answers with, so like the hoax facts not the admin's.
  'saved_reply.manage',
  // The inbox's routing rules (who gets which item): an instansi-wide decision, from a top-level unit; the admin's
  // (who sets up the organisation) and the penanggung jawab's (who answers for the replies).
  'routing.manage',
] as const
export type Action = (typeof ACTIONS)[number]

/** Actions that concern the whole instansi rather than one unit: they need the role on a top-level unit. */
export const INSTANSI_WIDE_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'calendar.manage',
  'naming.manage',
  'settings.manage',
  'audit.read',
  'audit.export',
  // One knowledge base checks every unit's drafts, so changing it is an instansi-wide decision.
  'hoax.manage',
  // One ordered list of rules routes every item of the instansi.
  'routing.manage',
])

const READ_BASICS: Action[] = ['unit.read', 'calendar.read', 'account.read']

export const PERMISSIONS: Readonly<Record<Role, ReadonlySet<Action>>> = {
  admin: new Set<Action>([
    ...READ_BASICS,
    'unit.manage',
    'user.read',
    'user.manage',
    'account.manage',
    // Approval chains: the admin sets up the workflow for the whole organisation; a penanggung jawab is accountable
    // for what their units publish, so they decide who checks it there. A pengelola (the author) never does, or
    // they could loosen the check on their own posts.
    'approval.manage',
    'naming.manage',
    'calendar.manage',
    'settings.manage',
    'audit.read',
    // An admin may export what they may read: the export adds no access, is itself an audit entry the auditor
    // sees, and cannot alter the log (separation of duties rests on the append-only chain and the auditor's
    // checkpoints, not on hiding the CSV button).
    'audit.export',
    'agenda.manage',
    'routing.manage',
  ]),
  penanggung_jawab: new Set<Action>([
    ...READ_BASICS,
    'user.read',
    // The official who answers for what is published also answers for the facts it is checked against.
    'hoax.manage',
    'account.manage',
    'post.read',
    'post.create',
    'post.approve',
    'approval.manage',
    'inbox.read',
    'inbox.reply',
    'report.read',
    'agenda.manage',
    'saved_reply.manage',
    'routing.manage',
  ]),
  pengelola: new Set<Action>([...READ_BASICS, 'post.read', 'post.create', 'inbox.read', 'inbox.reply']),
  analis: new Set<Action>([...READ_BASICS, 'post.read', 'listening.manage', 'report.read']),
  ppid: new Set<Action>([...READ_BASICS, 'inbox.read', 'ppid.manage']),
  pimpinan: new Set<Action>([...READ_BASICS, 'post.read', 'report.read']),
  auditor: new Set<Action>([
    ...READ_BASICS,
    'user.read',
    'post.read',
    'report.read',
    'audit.read',
    'audit.export',
  ]),
}
