// "Coba dengan data contoh": the first-run wizard's other path. One request builds the demo instansi and signs its
// admin in; the sign-ins of every role are then shown once (their passwords are stored nowhere else) before the
// app goes on, as after a normal setup, to the admin's 2FA enrolment.
import { Alert, Button, Card, Code, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { api } from '../../app/api-client.ts'
import type { paths } from '../../api/openapi.d.ts'
import { useErrorText } from '../../components/api-error-text.ts'
import { ErrorText } from '../../components/error-banner.tsx'
import { roleLabel } from '../../components/vocabulary-labels.ts'
import { useI18n } from '../../i18n/i18n.tsx'

export type DemoSetupResult =
  paths['/api/setup/demo']['post']['responses'][200]['content']['application/json']

export function useDemoSetup() {
  return useMutation({ mutationFn: () => api.post<DemoSetupResult>('/api/setup/demo') })
}

/** The offer beside the normal setup. */
export function DemoOffer({ demo }: { demo: ReturnType<typeof useDemoSetup> }) {
  const { t } = useI18n()
  const error = useErrorText(demo.error)
  return (
    <Card withBorder padding="md" mb="lg" component="section" aria-labelledby="demo-offer-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="demo-offer-title">
          {t('setup.demoTitle')}
        </Title>
        <Text size="sm">{t('setup.demoIntro')}</Text>
        <ErrorText>{error.banner}</ErrorText>
        <Group>
          <Button variant="light" onClick={() => demo.mutate()} loading={demo.isPending}>
            {t('setup.demoButton')}
          </Button>
        </Group>
        {demo.isPending ? (
          <Text size="sm" c="dimmed" role="status">
            {t('setup.demoBuilding')}
          </Text>
        ) : null}
      </Stack>
    </Card>
  )
}

/** The demo's sign-ins, shown once. */
export function DemoLogins({ result, onContinue }: { result: DemoSetupResult; onContinue: () => void }) {
  const { t, locale } = useI18n()
  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        {t('setup.demoDoneTitle')}
      </Title>
      <Alert color="yellow" variant="light">
        {t('setup.demoDoneIntro')}
      </Alert>
      <Text size="sm">{t('setup.demoCounts', result.counts)}</Text>
      <SimpleGrid
        cols={{ base: 1, sm: 2 }}
        spacing="sm"
        component="ul"
        style={{ listStyle: 'none', padding: 0 }}
      >
        {result.logins.map((login) => (
          <Card key={login.email} withBorder padding="sm" component="li">
            <Text fw={600}>
              {login.name}
              {login.trainingMode ? ` · ${t('setup.demoTrainee')}` : ''}
            </Text>
            <Text size="sm" c="dimmed">
              {roleLabel(locale, login.role)} — {login.unitName}
            </Text>
            <Text size="sm" mt={4}>
              {t('setup.demoEmail')}: <Code>{login.email}</Code>
            </Text>
            <Text size="sm">
              {t('setup.demoPassword')}: <Code data-testid="demo-password">{login.password}</Code>
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Group justify="flex-end">
        <Button onClick={onContinue}>{t('setup.demoContinue')}</Button>
      </Group>
    </Stack>
  )
}
