// The scheduled time is typed and shown in WIB (UTC+7, no daylight saving), whatever the browser's zone.
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000

/** 'YYYY-MM-DDTHH:mm' typed as WIB → ISO instant; null for an empty or unreadable value. */
export function wibInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null
  const date = new Date(`${value}:00+07:00`)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** An ISO instant → 'YYYY-MM-DDTHH:mm' in WIB, for the input. */
export function isoToWibInput(iso: string | null): string {
  if (!iso) return ''
  return new Date(new Date(iso).getTime() + WIB_OFFSET_MS).toISOString().slice(0, 16)
}
