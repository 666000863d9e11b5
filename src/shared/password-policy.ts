// The password rule, shared by the server (which enforces it on every path that sets a password) and the web app
// (which shows it while the person types). The strength estimate itself comes from zxcvbn-ts with its common
// and Indonesian dictionaries; it is handed in as a function, because this leaf module imports no package (the
// server loads the estimator at once, the web app only when a password field is shown).
//
// A password is accepted when it has at least 12 characters (at most 256), is not built from the person's own
// name, e-mail or instansi, and the estimator scores it at least 3 of 4. Score 3 means about 10^8 guesses or
// more: far beyond what the sign-in lockout lets anyone try online, and — with argon2id at ~35 ms a guess on one
// core — years of offline work per password even if the hashes leak. Score 4 (10^10) would refuse many
// memorable multi-word Indonesian passphrases and push people to write passwords down.
import type { Problem } from './errors.ts'
import type { MessageKey } from './messages/catalogue.ts'

export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 256
/** The lowest zxcvbn score (0–4) a new password may have. */
export const MIN_PASSWORD_SCORE = 3

/** Whatever is known about the person and their instansi when the password is set. */
export interface PasswordContext {
  email?: string | undefined
  name?: string | undefined
  instansiName?: string | undefined
  instansiSlug?: string | undefined
}

export type StrengthScore = 0 | 1 | 2 | 3 | 4

/** What the estimator says: zxcvbn's score and its feedback as zxcvbn's own keys (e.g. `wordByItself`). */
export interface StrengthEstimate {
  score: StrengthScore
  warning: string | null
  suggestions: readonly string[]
}

export type StrengthEstimator = (password: string, userInputs: string[]) => StrengthEstimate

const WARNING_KEYS: Readonly<Record<string, MessageKey>> = {
  straightRow: 'auth.password_warning.straight_row',
  keyPattern: 'auth.password_warning.key_pattern',
  simpleRepeat: 'auth.password_warning.simple_repeat',
  extendedRepeat: 'auth.password_warning.extended_repeat',
  sequences: 'auth.password_warning.sequences',
  recentYears: 'auth.password_warning.recent_years',
  dates: 'auth.password_warning.dates',
  topTen: 'auth.password_warning.top_ten',
  topHundred: 'auth.password_warning.top_hundred',
  common: 'auth.password_warning.common',
  similarToCommon: 'auth.password_warning.similar_to_common',
  wordByItself: 'auth.password_warning.word_by_itself',
  namesByThemselves: 'auth.password_warning.names_by_themselves',
  commonNames: 'auth.password_warning.common_names',
  userInputs: 'auth.password_warning.user_inputs',
  pwned: 'auth.password_warning.pwned',
}

const SUGGESTION_KEYS: Readonly<Record<string, MessageKey>> = {
  l33t: 'auth.password_suggestion.l33t',
  reverseWords: 'auth.password_suggestion.reverse_words',
  allUppercase: 'auth.password_suggestion.all_uppercase',
  capitalization: 'auth.password_suggestion.capitalization',
  dates: 'auth.password_suggestion.dates',
  recentYears: 'auth.password_suggestion.recent_years',
  associatedYears: 'auth.password_suggestion.associated_years',
  sequences: 'auth.password_suggestion.sequences',
  repeated: 'auth.password_suggestion.repeated',
  longerKeyboardPattern: 'auth.password_suggestion.longer_keyboard_pattern',
  anotherWord: 'auth.password_suggestion.another_word',
  useWords: 'auth.password_suggestion.use_words',
  noNeed: 'auth.password_suggestion.no_need',
  pwned: 'auth.password_suggestion.pwned',
}

/** Lower case, accents removed, only letters and digits kept. */
function collapse(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

function wordsOf(value: string): string[] {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

/** Parts of an e-mail worth guarding: the local part and the first label of the domain ("kotacontoh"). */
function emailParts(email: string): string[] {
  const [local = '', domain = ''] = email.trim().toLowerCase().split('@')
  return [local, domain.split('.')[0] ?? '']
}

/**
 * The whole personal values (collapsed) a password must not contain. Six characters or more: a short e-mail name
 * such as "admin" or "info" is a common word that zxcvbn already discounts as one of the person's inputs.
 */
function personalValues(context: PasswordContext): string[] {
  const values = [
    ...(context.email ? emailParts(context.email) : []),
    context.name ?? '',
    context.instansiSlug ?? '',
    context.instansiName ?? '',
  ].map(collapse)
  return [...new Set(values.filter((value) => value.length >= 6))]
}

/** The single personal words (3 letters or more) a password must not consist of. */
function personalWords(context: PasswordContext): string[] {
  const words = [
    ...(context.email ? emailParts(context.email).flatMap(wordsOf) : []),
    ...wordsOf(context.name ?? ''),
    ...wordsOf(context.instansiSlug ?? ''),
    ...wordsOf(context.instansiName ?? ''),
  ].map((word) => word.replace(/[0-9]/g, ''))
  return [...new Set(words.filter((word) => word.length >= 3))]
}

/** What zxcvbn is told about the person, so it counts their name, e-mail and instansi as easy guesses. */
export function passwordUserInputs(context: PasswordContext): string[] {
  return [
    ...new Set([
      ...(context.email ? [context.email.trim().toLowerCase()] : []),
      ...personalValues(context),
      ...personalWords(context),
    ]),
  ]
}

/** Whether `letters` can be cut entirely into personal words ("sariwulandari" = "sari" + "wulandari"). */
function madeOfWords(letters: string, words: readonly string[]): boolean {
  if (letters === '' || words.length === 0) return false
  const reachable = new Array<boolean>(letters.length + 1).fill(false)
  reachable[0] = true
  for (let end = 1; end <= letters.length; end += 1)
    for (const word of words)
      if (word.length <= end && reachable[end - word.length] && letters.endsWith(word, end)) {
        reachable[end] = true
        break
      }
  return reachable[letters.length] === true
}

/**
 * Refused outright, whatever the estimator says: a password that contains the person's whole e-mail name, full
 * name, or the instansi's slug or name, or whose letters are nothing but the person's or the instansi's words
 * with digits and symbols around them ("Sari2026!", "kotacontoh#1").
 */
export function personalPasswordProblem(password: string, context: PasswordContext): Problem | null {
  const collapsed = collapse(password)
  if (personalValues(context).some((value) => collapsed.includes(value)))
    return { key: 'auth.password_personal' }
  const letters = collapsed.replace(/[0-9]/g, '')
  if (madeOfWords(letters, personalWords(context))) return { key: 'auth.password_personal' }
  return null
}

export interface PasswordAssessment {
  /** Null when the password is accepted. */
  problem: Problem | null
  /** The estimator's score, or null when the password was refused before it was estimated. */
  score: StrengthScore | null
  /** The estimator's warning and suggestions as catalogue keys (unknown ones left out). */
  warning: MessageKey | null
  suggestions: MessageKey[]
}

/** The whole rule: length, personal words, then the estimator. */
export function assessPassword(
  password: string,
  context: PasswordContext,
  estimate: StrengthEstimator,
): PasswordAssessment {
  const refused = (problem: Problem): PasswordAssessment => ({
    problem,
    score: null,
    warning: null,
    suggestions: [],
  })
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return refused({ key: 'auth.password_too_short', params: { minimum: MIN_PASSWORD_LENGTH } })
  if (password.length > MAX_PASSWORD_LENGTH)
    return refused({ key: 'auth.password_too_long', params: { maximum: MAX_PASSWORD_LENGTH } })
  const email = context.email?.trim().toLowerCase()
  if (email && password.trim().toLowerCase() === email) return refused({ key: 'auth.password_is_email' })
  const personal = personalPasswordProblem(password, context)
  if (personal) return refused(personal)
  if (new Set(password).size < 4) return refused({ key: 'auth.password_too_simple' })
  const estimated = estimate(password, passwordUserInputs(context))
  const warning = estimated.warning ? (WARNING_KEYS[estimated.warning] ?? null) : null
  const suggestions = estimated.suggestions.flatMap((s) => (SUGGESTION_KEYS[s] ? [SUGGESTION_KEYS[s]] : []))
  const problem: Problem | null =
    estimated.score >= MIN_PASSWORD_SCORE ? null : { key: warning ?? 'auth.password_weak' }
  return { problem, score: estimated.score, warning, suggestions }
}
