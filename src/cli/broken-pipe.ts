// `warta classify | head -1`: when the reader of stdout goes away, the next write fails with EPIPE. Like any Unix
// filter, the command then stops quietly with status 0 instead of printing a stack trace. A command whose output
// must be complete (`warta backup -`) says so first: then the broken pipe is left to that command, which reports
// the incomplete backup and fails.
let leftToCommand = false

export function isBrokenPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE'
}

/** Installed once by main.ts, before any command writes. */
export function exitQuietlyOnBrokenPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: Error) => {
    if (!isBrokenPipe(error)) throw error
    if (!leftToCommand) process.exit(0)
  })
}

/** The running command handles a broken stdout itself (its own write or pipeline rejects with EPIPE). */
export function handleBrokenPipeInCommand(): void {
  leftToCommand = true
}
