// "In how many minutes" for messages that name a time (the time itself is a parameter the catalogue renders in
// the reader's language and zone): at least 1, so a lock ending in a few seconds never reads "0 minutes".
export function minutesUntil(at: Date, now: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 60_000))
}
