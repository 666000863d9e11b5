// What a long-running process logs is read by the person at its terminal, so it comes from the catalogue in the
// process's language (cli/cli-text.ts), never as a fixed English string: the start-up path, the background jobs,
// and Fastify's own "Server listening at" line, which every listen() writes unless given a localised text.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const src = path.resolve(import.meta.dirname, '../../src')
const jobFiles = readdirSync(path.join(src, 'jobs'))
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => path.join('jobs', name))
const processFiles = [
  'context.ts',
  path.join('cli', 'run-service.ts'),
  path.join('api', 'routes', 'health', 'health-routes.ts'),
  ...jobFiles,
]

/** The argument text of every call to `callee(`, up to its matching parenthesis. */
function callArguments(text: string, callee: RegExp): string[] {
  const calls: string[] = []
  for (const match of text.matchAll(callee)) {
    const start = match.index + match[0].length
    let depth = 1
    let end = start
    while (depth > 0 && end < text.length) {
      const char = text[end++]
      if (char === '(') depth++
      else if (char === ')') depth--
    }
    calls.push(text.slice(start, end - 1))
  }
  return calls
}

const logCall = /\b(?:logger|log)\.(?:trace|debug|info|warn|error|fatal)\(/g
/** A message given as a literal: an argument that starts with a quote. */
const literalMessage = /(?:^|,)\s*['"`]/

describe('the log lines of the long-running processes', () => {
  it.each(processFiles)('are catalogue messages in %s, not fixed English text', (file) => {
    const text = readFileSync(path.join(src, file), 'utf8')
    const literal = callArguments(text, logCall).filter((args) => literalMessage.test(args))
    expect(literal).toEqual([])
  })

  it.each(processFiles)("give every Fastify listen() in %s a text in the terminal's language", (file) => {
    const text = readFileSync(path.join(src, file), 'utf8')
    for (const args of callArguments(text, /\.listen\(\{/g)) expect(args).toContain('listenTextResolver')
  })
})
