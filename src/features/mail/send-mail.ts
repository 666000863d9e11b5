// Outgoing mail over SMTP (nodemailer), configured by SMTP_URL and SMTP_FROM. Plain text only: the mails Warta
// sends are short notices with one link. Timeouts are short so a dead mail server fails the job (which pg-boss
// retries) instead of holding a worker for minutes.
import nodemailer from 'nodemailer'
import type { Config } from '../../config.ts'
import { AppError } from '../app-error.ts'

export interface OutgoingMail {
  to: string
  subject: string
  text: string
}

export async function sendMail(config: Pick<Config, 'mail'>, mail: OutgoingMail): Promise<void> {
  if (!config.mail) throw new AppError('precondition_failed', 'auth.password_reset_unavailable')
  const transport = nodemailer.createTransport({
    url: config.mail.url,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  })
  try {
    await transport.sendMail({ from: config.mail.from, to: mail.to, subject: mail.subject, text: mail.text })
  } finally {
    transport.close()
  }
}
