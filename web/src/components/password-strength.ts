// The password strength estimator in the browser: zxcvbn-ts with the common and Indonesian dictionaries, built
// with the same options as the server's (src/features/identity/password-strength.ts), so the meter and the server
// agree. The dictionaries are large (about 1 MB), so they load only when a new-password field first appears, in a
// chunk of their own that the first page never waits for.
import { useEffect, useState } from 'react'
import {
  assessPassword,
  type PasswordAssessment,
  type PasswordContext,
  type StrengthEstimator,
} from '../../../src/shared/password-policy.ts'

let loading: Promise<StrengthEstimator> | undefined

export function loadPasswordEstimator(): Promise<StrengthEstimator> {
  loading ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-id'),
  ]).then(([{ ZxcvbnFactory }, common, indonesian]) => {
    const factory = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...indonesian.dictionary },
      graphs: common.adjacencyGraphs,
    })
    return (password: string, userInputs: string[]) => {
      const result = factory.check(password, userInputs)
      return {
        score: result.score,
        warning: result.feedback.warning,
        suggestions: result.feedback.suggestions,
      }
    }
  })
  loading.catch(() => {
    // A failed chunk load (offline) may be tried again on the next field.
    loading = undefined
  })
  return loading
}

/**
 * The assessment of the password being typed, a moment after the typing pauses; null while the password is empty
 * or the estimator is still loading. The server applies the same rule when the form is sent.
 */
export function usePasswordAssessment(
  password: string,
  context: PasswordContext,
  delayMs = 150,
): PasswordAssessment | null {
  const [estimator, setEstimator] = useState<StrengthEstimator | null>(null)
  const [assessment, setAssessment] = useState<PasswordAssessment | null>(null)
  const { email, name, instansiName, instansiSlug } = context

  useEffect(() => {
    let live = true
    loadPasswordEstimator().then(
      (loaded) => {
        if (live) setEstimator(() => loaded)
      },
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])

  useEffect(() => {
    if (!password) {
      setAssessment(null)
      return
    }
    if (!estimator) return
    const timer = setTimeout(
      () => setAssessment(assessPassword(password, { email, name, instansiName, instansiSlug }, estimator)),
      delayMs,
    )
    return () => clearTimeout(timer)
  }, [password, estimator, email, name, instansiName, instansiSlug, delayMs])

  return password ? assessment : null
}
