// Masks personal data in a real comment before anyone labels or commits it (see README.md, "Masking").
// Institutional accounts may stay visible; any other handle could be a private person and is masked.
const publicAccounts = new Set([
  'dkk_semarang',
  'dkksemarang',
  'pemkotsemarang',
  'hendrarprihadi',
  'kemenkes_ri',
  'ganjar_pranowo',
  'humas_semarang',
  'jokowi',
])

export const maskPersonalData = (text: string): string =>
  text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[EMAIL]')
    .replace(/@([\w.]*[\w])/g, (match, handle: string) =>
      publicAccounts.has(handle.toLowerCase()) ? match : '@user',
    )
    // A bare handle quoted at the start of a reply ("desty_widiastuti : harusnya …") names a private person too.
    .replace(/^[A-Za-z][\w.]*_[\w.]+(?=\s*:)/, '@user')
    .replace(/\b\d{16}\b/g, '[NIK]')
    .replace(/(\+62|\b62|\b0)[\s-]?8[\d\s-]{7,13}\d\b/g, '[TELEPON]')
