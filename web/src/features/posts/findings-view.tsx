// The compliance findings of one text: the text again with each finding's span marked (red for what blocks
// submission, amber for what the approver will see), and the list of findings with their Indonesian message, so
// the author sees where and what to change. The messages come from the language engine in Bahasa Indonesia.
import { Badge, Box, List, Paper, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import type { Finding } from './post-types.ts'

/** The text cut into plain and marked pieces; overlapping findings mark from the first one's start. */
export function markSpans(
  text: string,
  findings: readonly Finding[],
): Array<{ text: string; finding?: Finding }> {
  const sorted = [...findings].filter((f) => f.end > f.start).sort((a, b) => a.start - b.start)
  const pieces: Array<{ text: string; finding?: Finding }> = []
  let at = 0
  for (const finding of sorted) {
    // A whole-text finding (tone, opinion over the text) is listed, not painted over everything.
    if (finding.start === 0 && finding.end >= text.length && text.length > 80) continue
    if (finding.start < at) continue
    if (finding.start > at) pieces.push({ text: text.slice(at, finding.start) })
    pieces.push({ text: text.slice(finding.start, finding.end), finding })
    at = finding.end
  }
  if (at < text.length) pieces.push({ text: text.slice(at) })
  return pieces
}

export function FindingsView({
  text,
  findings,
  testId,
}: {
  text: string
  findings: readonly Finding[]
  testId: string
}) {
  const { t } = useI18n()
  if (findings.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={`${testId}-clean`}>
        {text.trim() ? t('posts.noFindings') : ''}
      </Text>
    )
  }
  const marked: ReactNode[] = markSpans(text, findings).map((piece, index) =>
    piece.finding ? (
      <mark
        key={index}
        data-testid={`${testId}-mark`}
        data-severity={piece.finding.severity}
        title={piece.finding.message}
        style={{
          background: piece.finding.severity === 'block' ? '#ffd8d8' : '#fff1c2',
          borderBottom: `2px solid ${piece.finding.severity === 'block' ? '#c92a2a' : '#b07900'}`,
          color: 'inherit',
          padding: 0,
        }}
      >
        {piece.text}
      </mark>
    ) : (
      <span key={index}>{piece.text}</span>
    ),
  )
  return (
    <Box data-testid={testId}>
      <Paper withBorder p="xs" mb="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        <Text size="sm" component="div" aria-label={t('posts.markedText')}>
          {marked}
        </Text>
      </Paper>
      <List spacing={4} size="sm" aria-label={t('posts.findings')}>
        {findings.map((finding, index) => (
          <List.Item
            key={`${finding.code}-${index}`}
            data-testid={`${testId}-finding`}
            data-code={finding.code}
          >
            <Badge color={finding.severity === 'block' ? 'red.9' : '#7a4a00'} variant="outline" mr="xs">
              {finding.severity === 'block' ? t('posts.blocks') : t('posts.warns')}
            </Badge>
            <Text span size="sm" fw={600} lang="id">
              “{text.slice(finding.start, Math.min(finding.end, finding.start + 60))}”
            </Text>{' '}
            <Text span size="sm" lang="id">
              {finding.message}
            </Text>
          </List.Item>
        ))}
      </List>
    </Box>
  )
}
