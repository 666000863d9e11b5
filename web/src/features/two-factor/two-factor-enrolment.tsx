// Enrolling an authenticator app: scan the QR code (or type the secret), confirm with one code, then keep the
// recovery codes, which are shown exactly once (with Copy and Download).
import { Button, Code, Image, List, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { api } from '../../app/api-client.ts'
import { useErrorText } from '../../components/api-error-text.ts'
import { ErrorText } from '../../components/error-banner.tsx'
import { SecretReveal } from '../../components/secret-reveal.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import type { Enrolment, RecoveryCodesAnswer } from './two-factor-types.ts'

export const TWO_FACTOR_PATHS = {
  start: '/api/me/two-factor/enrol',
  confirm: '/api/me/two-factor/confirm',
  recoveryCodes: '/api/me/two-factor/recovery-codes',
  disable: '/api/me/two-factor/disable',
}

export function RecoveryCodes({
  codes,
  onDone,
  doneLabel,
}: {
  codes: string[]
  onDone: () => void
  doneLabel: string
}) {
  const { t } = useI18n()
  return (
    <SecretReveal
      title={t('twoFactor.recoveryTitle')}
      description={t('twoFactor.recoveryIntro')}
      secret={codes}
      fileName="warta-kode-pemulihan.txt"
      fileHeader={[t('twoFactor.recoveryFileHeader')]}
      testId="recovery-codes"
    >
      <Button onClick={onDone} mt="xs">
        {doneLabel}
      </Button>
    </SecretReveal>
  )
}

export function TwoFactorEnrolment({
  onDone,
  doneLabel,
}: {
  onDone: () => void | Promise<void>
  doneLabel: string
}) {
  const { t } = useI18n()
  const [code, setCode] = useState('')
  const start = useMutation({ mutationFn: () => api.post<Enrolment>(TWO_FACTOR_PATHS.start) })
  const confirm = useMutation({
    mutationFn: () =>
      api.post<RecoveryCodesAnswer>(TWO_FACTOR_PATHS.confirm, { code: code.replace(/\s+/g, '') }),
  })
  const error = useErrorText(confirm.error ?? start.error)
  const enrolment = start.data

  if (confirm.data)
    return (
      <RecoveryCodes codes={confirm.data.recoveryCodes} doneLabel={doneLabel} onDone={() => void onDone()} />
    )

  const submit = (event: FormEvent) => {
    event.preventDefault()
    confirm.mutate()
  }

  return (
    <Stack component="section" aria-labelledby="two-factor-title" gap="sm">
      <Title order={2} size="h4" id="two-factor-title">
        {t('twoFactor.title')}
      </Title>
      <ErrorText>{error.banner}</ErrorText>
      {!enrolment ? (
        <>
          <Text>{t('twoFactor.intro')}</Text>
          <Button
            onClick={() => start.mutate()}
            loading={start.isPending}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('twoFactor.start')}
          </Button>
        </>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Stack gap="xs">
            <List type="ordered" spacing={4} size="sm">
              <List.Item>{t('twoFactor.scan')}</List.Item>
              <List.Item>{t('twoFactor.enterCode')}</List.Item>
            </List>
            {enrolment.qrDataUrl ? (
              <Image
                className="qr"
                src={enrolment.qrDataUrl}
                alt={t('twoFactor.qrAlt')}
                w={200}
                h={200}
                fit="contain"
                bg="white"
              />
            ) : null}
            <Text size="sm">
              {t('twoFactor.secretLabel')}{' '}
              <Code data-testid="totp-secret" style={{ overflowWrap: 'anywhere' }}>
                {enrolment.secret}
              </Code>
            </Text>
          </Stack>
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <TextInput
                label={t('twoFactor.code')}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                value={code}
                required
                onChange={(event) => setCode(event.currentTarget.value)}
                error={error.field('code')}
              />
              <Button type="submit" loading={confirm.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('twoFactor.confirm')}
              </Button>
            </Stack>
          </form>
        </SimpleGrid>
      )}
    </Stack>
  )
}
