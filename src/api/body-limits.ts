// How many bytes a request body may have. Small by default: no route but the CSV import takes more than a form,
// and a large body costs parsing and validation time before anything can refuse it. Larger bodies are answered
// 413 (payload_too_large) before they are read.
export const BODY_LIMITS = {
  default: 64 * 1024,
  csvImport: 5 * 1024 * 1024,
} as const
