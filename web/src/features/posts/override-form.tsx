// A penanggung jawab's written reason to let blocking compliance findings through, and the button that acts with
// it: at submission in the composer, and at approval in the queue (the server audits it as
// post.compliance_override). The button waits for a reason.
import { Button, Stack, Textarea } from '@mantine/core'
import { useI18n } from '../../i18n/i18n.tsx'

export interface OverrideFormProps {
  reason: string
  onReasonChange: (reason: string) => void
  /** Why the override is offered here, in the language on screen. */
  description: string
  actionLabel: string
  onAct: () => void
  loading?: boolean
  testId: string
  actionTestId?: string
}

export function OverrideForm(props: OverrideFormProps) {
  const { t } = useI18n()
  return (
    <Stack gap="xs" data-testid={props.testId}>
      <Textarea
        label={t('posts.overrideReason')}
        description={props.description}
        autosize
        minRows={2}
        value={props.reason}
        onChange={(event) => props.onReasonChange(event.currentTarget.value)}
      />
      <Button
        color="red.9"
        variant="light"
        onClick={props.onAct}
        loading={props.loading ?? false}
        disabled={props.reason.trim() === ''}
        style={{ alignSelf: 'flex-start' }}
        data-testid={props.actionTestId}
      >
        {props.actionLabel}
      </Button>
    </Stack>
  )
}
