import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { chooseLogFormat, createLogger } from './create-logger.ts'

function sink(): { stream: Writable; text(): string } {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'))
      callback()
    },
  })
  return { stream, text: () => chunks.join('') }
}

const flushed = () => new Promise((resolve) => setImmediate(resolve))

describe('the service logger', () => {
  it('is readable in a terminal and JSON elsewhere, unless LOG_FORMAT says otherwise', () => {
    expect(chooseLogFormat(undefined, true)).toBe('pretty')
    expect(chooseLogFormat(undefined, false)).toBe('json')
    expect(chooseLogFormat('json', true)).toBe('json')
    expect(chooseLogFormat('pretty', false)).toBe('pretty')
  })

  it('writes one readable line per event, a request as its method, path and status', async () => {
    const out = sink()
    const logger = createLogger(
      { logLevel: 'info', logFormat: 'pretty' },
      { isTerminal: false, destination: out.stream },
    )
    logger.info({ port: 8080 }, 'menerima permintaan')
    logger.child({ reqId: 'req-1' }).info({ req: { method: 'GET', url: '/api/me' } }, 'incoming request')
    logger
      .child({ reqId: 'req-1' })
      .info({ res: { statusCode: 200 }, responseTime: 3.14 }, 'request completed')
    await flushed()
    const lines = out.text().trimEnd().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: menerima permintaan \{"port":8080\}$/)
    expect(lines[1]).toMatch(/INFO: → GET \/api\/me {2}\[req-1\]$/)
    expect(lines[2]).toMatch(/INFO: ← 200 \(3\.1 ms\) {2}\[req-1\]$/)
  })

  it('writes JSON lines when asked', async () => {
    const out = sink()
    const logger = createLogger(
      { logLevel: 'info', logFormat: 'json' },
      { isTerminal: true, destination: out.stream },
    )
    logger.info({ port: 8080 }, 'listening')
    await flushed()
    expect(JSON.parse(out.text())).toMatchObject({ level: 30, app: 'warta', port: 8080, msg: 'listening' })
  })
})
