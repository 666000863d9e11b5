// Keeps the turns of the event loop short when the server is saturated, so new connections are accepted and
// every client is served in the order it asked.
//
// Why it is needed: on the embedded engine a query runs synchronously (PGlite is WebAssembly in this thread) and
// hands its result back through promises, so a request, once started, runs to its answer inside the callback that
// read it. Under load one turn of the loop then serves every ready connection in full (100 connections × 5 ms =
// half a second), and libuv accepts one new connection per turn: when 100 clients connected at once, the last ones
// waited the whole 20 s of `npm run bench:api` for their first answer (p99 5–7 s).
//
// The gate lets requests start freely until the current turn has run requests for `budgetMs`. Later arrivals
// wait in one FIFO queue that starts one request every few turns: between two of them the loop polls for I/O
// `turnsBetween` + 1 times (an empty turn costs microseconds), so it accepts connections faster than it serves
// requests and a client that just connected waits behind the queue, not behind every connection's next request.
//
// On PostgreSQL a request waits on the network between queries, turns stay short and the gate rarely queues.

export interface TurnGate {
  /** Undefined when the request may start now; otherwise a promise that resolves when it may. */
  admit(): Promise<void> | undefined
  /** Requests waiting to start. */
  readonly waiting: number
}

export interface TurnGateOptions {
  /** How long one turn may run requests before later arrivals wait in the queue. */
  budgetMs?: number
  /** Empty turns between two requests started from the queue. */
  turnsBetween?: number
  now?: () => number
}

export function createTurnGate(options: TurnGateOptions = {}): TurnGate {
  const budgetMs = options.budgetMs ?? 15
  const turnsBetween = options.turnsBetween ?? 3
  const now = options.now ?? (() => performance.now())
  const queue: Array<() => void> = []
  // When the current turn began running requests; undefined once a turn ends with nothing waiting.
  let turnStartedAt: number | undefined
  let turnScheduled = false

  function onTurn(): void {
    turnScheduled = false
    const next = queue.shift()
    if (!next) {
      turnStartedAt = undefined
      return
    }
    turnStartedAt = now()
    // The request runs right after this callback returns (its promise chain); the next one only after the loop
    // has polled for I/O again: an immediate scheduled from an immediate runs in the following turn.
    next()
    scheduleTurn(turnsBetween)
  }

  function scheduleTurn(emptyTurns: number): void {
    if (turnScheduled) return
    turnScheduled = true
    const hop = (left: number): void => {
      if (left > 0) setImmediate(hop, left - 1)
      else onTurn()
    }
    setImmediate(hop, emptyTurns)
  }

  return {
    admit() {
      const time = now()
      if (queue.length === 0 && (turnStartedAt === undefined || time - turnStartedAt < budgetMs)) {
        if (turnStartedAt === undefined) {
          turnStartedAt = time
          // Ends this turn's budget (or starts the queue) once the loop reaches its check phase.
          scheduleTurn(0)
        }
        return undefined
      }
      const turn = new Promise<void>((resolve) => queue.push(resolve))
      scheduleTurn(0)
      return turn
    },
    get waiting() {
      return queue.length
    },
  }
}
