// Times shown to users in messages: Western Indonesian Time, where the product's offices are by default.
const WIB = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

export function wibTime(at: Date): string {
  return `${WIB.format(at)} WIB`
}

export function minutesUntil(at: Date, now: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 60_000))
}
