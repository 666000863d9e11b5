// A field for choosing a new password: the password input with the strength meter as its description (under the
// input), so a screen reader reads the verdict with the field. The estimator is told who the password is for
// (name, e-mail, instansi), as the server is.
import type { PasswordInputProps } from '@mantine/core'
import type { PasswordContext } from '../../../src/shared/password-policy.ts'
import { PasswordField } from './password-field.tsx'
import { PasswordStrengthMeter } from './password-strength-meter.tsx'
import { usePasswordAssessment } from './password-strength.ts'

export function NewPasswordField({
  context,
  value,
  ...input
}: Omit<PasswordInputProps, 'value' | 'description'> & { value: string; context: PasswordContext }) {
  const assessment = usePasswordAssessment(value, context)
  return (
    <PasswordField
      {...input}
      value={value}
      autoComplete="new-password"
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      description={
        <PasswordStrengthMeter
          assessment={assessment}
          hasPassword={value !== ''}
          // The field's own error already says what is wrong; the meter does not say it twice.
          quiet={Boolean(input.error)}
        />
      }
    />
  )
}
