// Unit attributes (e.g. kota=Bandung) feed naming-pattern placeholders such as {kota}. In the form they are
// one `name=value` per line.

export function attributesToText(attributes: Readonly<Record<string, string>> | undefined): string {
  return Object.entries(attributes ?? {})
    .map(([name, value]) => `${name}=${value}`)
    .join('\n')
}

/** Parses the lines; a line without "=" is reported by its number so the user can fix it. */
export function textToAttributes(text: string): { attributes: Record<string, string>; badLines: number[] } {
  const attributes: Record<string, string> = {}
  const badLines: number[] = []
  text.split('\n').forEach((line, index) => {
    const trimmed = line.trim()
    if (!trimmed) return
    const at = trimmed.indexOf('=')
    if (at <= 0) {
      badLines.push(index + 1)
      return
    }
    attributes[trimmed.slice(0, at).trim().toLowerCase()] = trimmed.slice(at + 1).trim()
  })
  return { attributes, badLines }
}
