// The naming patterns as GET /api/naming/patterns returns them: platform → pattern.

export type NamingPatterns = Partial<Record<string, string | null>>
