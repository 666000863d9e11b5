// A problem (a message key with its parameters) as the API answers it outside an error: with its text in the
// caller's language beside the key, so an API client can show it and the web app can render it itself.
import type { Locale } from '../shared/dates.ts'
import type { Problem, RenderedProblem } from '../shared/errors.ts'
import { formatMessage } from '../shared/messages/format-message.ts'

export function renderProblem(problem: Problem, locale: Locale): RenderedProblem {
  return {
    key: problem.key,
    ...(problem.params && Object.keys(problem.params).length > 0 ? { params: problem.params } : {}),
    message: formatMessage(locale, problem.key, problem.params),
  }
}
