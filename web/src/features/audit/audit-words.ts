// The few things the audit API leaves as recorded and the page puts into words: actors without a user account
// ('setup', 'cli', a failed sign-in), who made a checkpoint ('job' for the daily one), and which changes say
// anything at all (a field empty before and after says nothing).
import type { MessageKey, Translate } from '../../i18n/i18n.tsx'
import { describeDevice } from '../profile/describe-device.ts'
import type { AuditActorChoice, AuditChange, AuditEntry } from './audit-types.ts'

/** The labels the server records for an actor that is not a signed-in user (features/audit/record-change.ts). */
const SYSTEM_ACTORS: Readonly<Record<string, MessageKey>> = {
  setup: 'audit.actorSetup',
  anonymous: 'audit.actorAnonymous',
  cli: 'audit.actorCli',
  system: 'audit.actorSystem',
  job: 'audit.actorJob',
}

function systemActor(label: string, t: Translate): string | null {
  const key = Object.hasOwn(SYSTEM_ACTORS, label) ? SYSTEM_ACTORS[label] : undefined
  return key ? t(key) : null
}

/** Who did it: the user's name and e-mail as they are now, else the recorded actor in words. */
export function actorText(entry: Pick<AuditEntry, 'actorName' | 'actorLabel'>, t: Translate): string {
  return entry.actorName ?? systemActor(entry.actorLabel, t) ?? entry.actorLabel
}

/** An actor in the filter's drop-down. */
export function actorChoiceText(choice: AuditActorChoice, t: Translate): string {
  if (choice.userId) return choice.label
  return systemActor(choice.actorLabel ?? choice.label, t) ?? choice.label
}

/** Who made a checkpoint: the daily job, the command line, or the person (recorded by e-mail). */
export function checkpointMakerText(createdBy: string, t: Translate): string {
  return createdBy === 'job' ? t('audit.checkpointByJob') : (systemActor(createdBy, t) ?? createdBy)
}

export function isEmptyValue(value: string | null): boolean {
  return value === null || value.trim() === ''
}

/** The changes worth a line: a field that was empty and stays empty (a blank note on a new account) is left out. */
export function meaningfulChanges(changes: readonly AuditChange[]): AuditChange[] {
  return changes.filter((change) => !(isEmptyValue(change.before) && isEmptyValue(change.after)))
}

/**
 * The object in a few words: "Unit kerja: Dinas Kesehatan (DINKES)", or just the name when it already says what
 * it is ("Sesi Budi Santoso"), or just the kind when it has no name (the naming patterns).
 */
export function objectText(entry: Pick<AuditEntry, 'objectTypeLabel' | 'objectLabel'>): string {
  const { objectTypeLabel: kind, objectLabel: name } = entry
  if (!name) return kind
  if (name.toLocaleLowerCase().startsWith(kind.toLocaleLowerCase())) return name
  return `${kind}: ${name}`
}

/** The command line records 'cli' as its address and 'warta-cli' as its browser (src/cli/commands/user.ts). */
export function isCommandLine(entry: Pick<AuditEntry, 'ip' | 'userAgent'>): boolean {
  return entry.ip === 'cli' || entry.userAgent === 'warta-cli'
}

/** Where the change was made from: "Chrome 156 · Windows", or the server's command line. */
export function deviceText(entry: Pick<AuditEntry, 'ip' | 'userAgent'>, t: Translate): string | null {
  return isCommandLine(entry) ? t('audit.actorCli') : describeDevice(entry.userAgent)
}
