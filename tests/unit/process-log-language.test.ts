// What a long-running process logs is read by the person at its terminal, so it comes from the catalogue in the
// process's language (cli/cli-text.ts), never as a fixed English string: the start-up path, the background jobs,
// request handling, and Fastify's own "Server listening at" line, which every listen() writes unless given a
// localised text. Every file under src/ is read.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const src = path.resolve(import.meta.dirname, '../../src')
/** Every source file under src/ (tests aside): start-up, jobs and request handling all write to the same log. */
function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(src, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(relative)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [relative] : []
  })
}
const processFiles = sourceFiles('')

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

// Test support kept beside the connectors: its server (msw) is not a Warta process.
const notAProcess = new Set([path.join('connectors', 'meta', 'strict-mock-server.ts')])

describe('the log lines of the long-running processes', () => {
  it('are catalogue messages in every file under src/, not fixed English text', () => {
    expect(processFiles.length).toBeGreaterThan(100)
    const literal = processFiles.flatMap((file) =>
      callArguments(readFileSync(path.join(src, file), 'utf8'), logCall)
        .filter((args) => literalMessage.test(args))
        .map((args) => `${file}: ${args.trim()}`),
    )
    expect(literal).toEqual([])
  })

  it("give every Fastify listen() a text in the terminal's language", () => {
    const untranslated = processFiles
      .filter((file) => !notAProcess.has(file))
      .flatMap((file) =>
        callArguments(readFileSync(path.join(src, file), 'utf8'), /\.listen\(\{/g)
          .filter((args) => !args.includes('listenTextResolver'))
          .map((args) => `${file}: listen({${args.trim()}`),
      )
    expect(untranslated).toEqual([])
  })
})
