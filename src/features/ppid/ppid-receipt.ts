// The receipt of a request taken in by e-mail (UU KIP Pasal 22(4)–(6), rules.md A2): its registration number, the
// date received and the date the written notice is due, mailed to the requester in Bahasa Indonesia with English
// below. Queued by registerCase in the transaction that registers the case; sent by the send-ppid-receipt job.
import type { Config } from '../../config.ts'
import type { Db } from '../../db/client.ts'
import { getPpidCase } from '../../db/ppid-cases-repository.ts'
import { formatMessage } from '../../shared/messages/format-message.ts'
import { sendMail } from '../mail/send-mail.ts'
import { isEmailAddress } from './manage-cases.ts'

export type ReceiptOutcome = 'sent' | 'no_mail' | 'no_address' | 'gone'

export async function sendPpidReceipt(
  deps: { db: Db; config: Pick<Config, 'mail'> },
  instansiId: string,
  caseId: string,
): Promise<ReceiptOutcome> {
  const row = await getPpidCase(deps.db, instansiId, caseId)
  if (!row) return 'gone'
  if (!isEmailAddress(row.requesterContact)) return 'no_address'
  // Without SMTP the number is still shown at intake (the PPID passes it on); nothing to retry.
  if (!deps.config.mail) return 'no_mail'
  const params = {
    number: row.registrationNumber,
    name: row.requesterName,
    received: row.receivedOn,
    due: row.extendedDueOn ?? row.dueOn,
  }
  await sendMail(deps.config, {
    to: row.requesterContact,
    subject: `${formatMessage('id', 'ppid.receipt_subject', params)} / ${formatMessage('en', 'ppid.receipt_subject', params)}`,
    text: `${formatMessage('id', 'ppid.receipt_body', params)}\n\n---\n\n${formatMessage('en', 'ppid.receipt_body', params)}`,
  })
  return 'sent'
}
