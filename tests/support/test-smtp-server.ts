// A real SMTP server on 127.0.0.1 for tests that send mail through nodemailer: it keeps every received mail in
// `inbox` (recipients and the raw message), so a test reads what a person would find in their mailbox.
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  to: string[]
  raw: string
}

export interface TestSmtpServer {
  port: number
  inbox: ReceivedMail[]
  close(): Promise<void>
}

/** `refuse`: when it answers true, the server refuses the recipient (550), as a full mailbox would. */
export async function startTestSmtpServer(options: { refuse?: () => boolean } = {}): Promise<TestSmtpServer> {
  const inbox: ReceivedMail[] = []
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      const refused = options.refuse?.() ?? false
      callback(refused ? Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }) : null)
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        inbox.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  return {
    port: (smtp.server.address() as AddressInfo).port,
    inbox,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  }
}

/** The plain-text body of a received mail, quoted-printable decoded and soft breaks joined. */
export function mailBody(mail: ReceivedMail): string {
  const [head = '', ...rest] = mail.raw.split(/\r?\n\r?\n/)
  const body = rest.join('\n\n')
  if (!/content-transfer-encoding:\s*quoted-printable/i.test(head)) return body
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8')
}
