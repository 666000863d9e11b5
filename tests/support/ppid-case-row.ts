// A stored PPID case as the repository returns it, for pure tests of the KIP clock's readers: received Fri 13 Mar
// 2026, so the notice is due Mon 6 Apr 2026 and at most Wed 15 Apr 2026 with the extension (rules.md vector A1).
import type { PpidCaseRow } from '../../src/db/ppid-cases-repository.ts'

export function ppidCaseRow(changes: Partial<PpidCaseRow> = {}): PpidCaseRow {
  const at = new Date('2026-03-13T03:00:00Z')
  return {
    id: crypto.randomUUID(),
    instansiId: 'i1',
    inboxItemId: null,
    unitId: 'u1',
    unitPath: '/u1/',
    registrationYear: 2026,
    registrationSeq: 1,
    registrationNumber: '0001/PPID/2026',
    channel: 'email',
    requesterName: 'Wahyu',
    requesterContact: null,
    requestText: 'Mohon data',
    purpose: null,
    receivedOn: '2026-03-13',
    dueOn: '2026-04-06',
    dueProvisional: false,
    extensionReason: null,
    extendedOn: null,
    extendedDueOn: null,
    status: 'registered',
    notice: {},
    decision: null,
    noticeSentOn: null,
    objectionGrounds: null,
    objectionReceivedOn: null,
    objectionAnswerDueOn: null,
    objectionAnsweredOn: null,
    objectionUpholdsRefusal: null,
    objectionAnswerReason: null,
    disputeDueOn: null,
    assignedUserId: null,
    createdBy: null,
    createdAt: at,
    updatedAt: at,
    ...changes,
  }
}
