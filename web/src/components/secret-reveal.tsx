// A secret the server shows exactly once (a temporary password, an API token, recovery codes): the value in a
// large monospace block, a Copy button and a Download button (a .txt file), and a plain warning that it will not
// be shown again. Copy falls back to the old selection command on plain-http installations, where the clipboard
// API is not available.
import { Button, Code, Group, List, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core'
import { useEffect, useId, useState, type ReactNode } from 'react'
import { saveBlob } from '../app/api-client.ts'
import { useI18n } from '../i18n/i18n.tsx'

export interface SecretRevealProps {
  /** The heading of the block, e.g. "Kode pemulihan"; left out inside a dialog that carries it as its title. */
  title?: string
  /** What it is for and that it is shown once. */
  description: ReactNode
  /** One secret, or several (one per line in the copy and the file). */
  secret: string | readonly string[]
  /** Name of the downloaded text file, e.g. "warta-kode-pemulihan.txt". */
  fileName: string
  /** Lines written above the secret in the downloaded file (what it is, for whom). */
  fileHeader?: readonly string[]
  /** data-testid on the element holding the secret (tests read it from there). */
  testId?: string
  headingLevel?: 2 | 3
  /** Actions below the buttons, e.g. "I have saved them, continue". */
  children?: ReactNode
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    document.body.append(area)
    area.select()
    try {
      return document.execCommand('copy')
    } catch {
      return false
    } finally {
      area.remove()
    }
  }
}

export function SecretReveal({
  title,
  description,
  secret,
  fileName,
  fileHeader = [],
  testId,
  headingLevel = 2,
  children,
}: SecretRevealProps) {
  const { t } = useI18n()
  const headingId = useId()
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle')
  const lines = typeof secret === 'string' ? [secret] : [...secret]
  const text = lines.join('\n')

  useEffect(() => {
    if (copy !== 'copied') return
    const timer = setTimeout(() => setCopy('idle'), 3000)
    return () => clearTimeout(timer)
  }, [copy])

  const download = () => {
    const content = [...fileHeader, ...(fileHeader.length > 0 ? [''] : []), text, ''].join('\n')
    saveBlob(new Blob([content], { type: 'text/plain;charset=utf-8' }), fileName)
  }

  return (
    <Paper component="section" aria-labelledby={title ? headingId : undefined} withBorder p="md" bg="warta.0">
      <Stack gap="sm">
        {title ? (
          <Title order={headingLevel} size="h4" id={headingId}>
            {title}
          </Title>
        ) : null}
        <Text size="sm">{description}</Text>
        {typeof secret === 'string' ? (
          <Code
            block
            fz="md"
            data-testid={testId}
            style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
          >
            {secret}
          </Code>
        ) : (
          <List
            data-testid={testId}
            listStyleType="none"
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(13rem, 1fr))', gap: 6 }}
          >
            {lines.map((line) => (
              <List.Item key={line}>
                <Code fz="md" style={{ whiteSpace: 'nowrap' }}>
                  {line}
                </Code>
              </List.Item>
            ))}
          </List>
        )}
        <Group gap="sm">
          <Button
            variant="default"
            onClick={() => void copyText(text).then((ok) => setCopy(ok ? 'copied' : 'failed'))}
          >
            {copy === 'copied' ? t('secret.copied') : t('secret.copy')}
          </Button>
          <Button variant="default" onClick={download}>
            {t('secret.download')}
          </Button>
        </Group>
        <VisuallyHidden role="status">{copy === 'copied' ? t('secret.copied') : ''}</VisuallyHidden>
        {copy === 'failed' ? (
          <Text size="sm" c="red.6" role="alert">
            {t('secret.copyFailed')}
          </Text>
        ) : null}
        {children}
      </Stack>
    </Paper>
  )
}
