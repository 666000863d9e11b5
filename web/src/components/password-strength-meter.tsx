// What the estimator thinks of the new password while it is typed: a bar, a word for the strength, and what to
// change, in the language on screen. It is the field's description (so the field's aria-describedby names it)
// and speaks politely as it changes. Only inline elements: Mantine renders a description as a <p>.
import { formatMessage } from '../../../src/shared/messages/format-message.ts'
import type { PasswordAssessment, StrengthScore } from '../../../src/shared/password-policy.ts'
import { useI18n, type MessageKey } from '../i18n/i18n.tsx'

const STRENGTH_LABEL: Record<StrengthScore, MessageKey> = {
  0: 'password.strength0',
  1: 'password.strength1',
  2: 'password.strength2',
  3: 'password.strength3',
  4: 'password.strength4',
}
const STRENGTH_COLOR: Record<StrengthScore, string> = {
  0: 'var(--mantine-color-red-8)',
  1: 'var(--mantine-color-red-7)',
  2: 'var(--mantine-color-orange-7)',
  3: 'var(--mantine-color-teal-7)',
  4: 'var(--mantine-color-green-8)',
}

function Bar({ percent, color }: { percent: number; color: string }) {
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'block',
        height: 6,
        borderRadius: 3,
        margin: '4px 0',
        background: 'var(--mantine-color-gray-3)',
        overflow: 'hidden',
      }}
    >
      <span
        data-testid="password-strength-bar"
        style={{ display: 'block', height: '100%', width: `${percent}%`, background: color }}
      />
    </span>
  )
}

export function PasswordStrengthMeter({
  assessment,
  hasPassword,
  quiet = false,
}: {
  assessment: PasswordAssessment | null
  hasPassword: boolean
  /** Only the bar and the verdict: the field shows an error of its own. */
  quiet?: boolean
}) {
  const { t, locale } = useI18n()
  const score = assessment?.score ?? null
  const accepted = assessment !== null && assessment.problem === null
  const problem =
    assessment?.problem && !quiet
      ? formatMessage(locale, assessment.problem.key, assessment.problem.params)
      : null
  const suggestions = accepted || quiet ? [] : (assessment?.suggestions ?? []).slice(0, 2)
  const percent = !hasPassword || !assessment ? 0 : score === null ? 8 : (score + 1) * 20
  return (
    <span data-testid="password-strength" style={{ display: 'block' }}>
      <Bar percent={percent} color={score === null ? STRENGTH_COLOR[0] : STRENGTH_COLOR[score]} />
      <span aria-live="polite">
        {!hasPassword ? (
          t('form.passwordRule')
        ) : !assessment ? (
          t('password.strengthChecking')
        ) : (
          <>
            <strong>
              {score === null
                ? t('password.strengthRefused')
                : t('password.strengthIs', { strength: t(STRENGTH_LABEL[score]) })}
              {accepted ? ` ${t('password.strengthAccepted')}` : ''}
            </strong>
            {problem ? ` ${problem}` : ''}
            {suggestions.map((key) => ` ${formatMessage(locale, key)}`).join('')}
          </>
        )}
      </span>
    </span>
  )
}
