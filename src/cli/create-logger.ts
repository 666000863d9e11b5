// The one logger of `warta start|api|worker`. In a terminal (stdout is a TTY) people read it: one short readable
// line per event through pino-pretty, a request as "→ GET /path" and "← 200 (3.1 ms)". Elsewhere (production,
// CI, a file) machines read it: one JSON object per line, as before. LOG_FORMAT=json|pretty overrides the guess.
import type { Writable } from 'node:stream'
import { pino, type Logger } from 'pino'
import pretty from 'pino-pretty'
import type { Config } from '../config.ts'

export type LogFormat = 'json' | 'pretty'

export function chooseLogFormat(configured: LogFormat | undefined, stdoutIsTerminal: boolean): LogFormat {
  return configured ?? (stdoutIsTerminal ? 'pretty' : 'json')
}

export interface LoggerOutput {
  isTerminal: boolean
  /** Where the lines go; stdout when not given. */
  destination?: Writable
}

export function createLogger(
  config: Pick<Config, 'logLevel' | 'logFormat'>,
  output: LoggerOutput = { isTerminal: process.stdout.isTTY === true },
): Logger {
  const options = { level: config.logLevel, base: { app: 'warta' } }
  if (chooseLogFormat(config.logFormat, output.isTerminal) === 'json') {
    return output.destination ? pino(options, output.destination) : pino(options)
  }
  const stream = pretty({
    destination: output.destination ?? 1,
    // Synchronous, so the last lines before an exit are never lost.
    sync: true,
    colorize: output.isTerminal,
    translateTime: 'SYS:HH:MM:ss',
    singleLine: true,
    ignore: 'pid,hostname,app,reqId,req,res,responseTime',
    messageFormat: readableMessage,
  })
  return pino(options, stream)
}

interface RequestLog {
  reqId?: unknown
  req?: { method?: unknown; url?: unknown }
  res?: { statusCode?: unknown }
  responseTime?: unknown
}

/** Fastify's two lines per request, shortened to what a person scans for; every other message as it is. */
function readableMessage(log: Record<string, unknown>, messageKey: string): string {
  const message = typeof log[messageKey] === 'string' ? log[messageKey] : ''
  const { reqId, req, res, responseTime } = log as RequestLog
  const id = typeof reqId === 'string' ? `  [${reqId}]` : ''
  if (req && typeof req.method === 'string' && typeof req.url === 'string')
    return `→ ${req.method} ${req.url}${id}`
  if (res && typeof res.statusCode === 'number') {
    const took = typeof responseTime === 'number' ? ` (${responseTime.toFixed(1)} ms)` : ''
    return `← ${res.statusCode}${took}${id}`
  }
  return message
}
