// The zxcvbn-ts strength estimator with the common and Indonesian dictionaries (keyboard graphs, common
// passwords, Indonesian words, names and Wikipedia terms). Built once, on first use (about 0.2 s). The web app
// builds the same estimator with the same options (web/src/components/password-strength.ts) so the meter and
// the server agree. Feedback stays as zxcvbn's own keys; src/shared/password-policy.ts turns them into
// catalogue messages in the reader's language.
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as indonesian from '@zxcvbn-ts/language-id'
import type { StrengthEstimator } from '../../shared/password-policy.ts'

let factory: ZxcvbnFactory | undefined

export const estimatePasswordStrength: StrengthEstimator = (password, userInputs) => {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...indonesian.dictionary },
    graphs: common.adjacencyGraphs,
  })
  const result = factory.check(password, userInputs)
  return {
    score: result.score,
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  }
}
