// What each role may do, next to the role picker and beside the list of users. The abilities come from the
// permission table the server enforces (src/shared/permissions.ts through role-guide.ts), so the words cannot
// promise more than the policy allows; each role's summary states the rules that bind it.
import { Accordion, List, Text } from '@mantine/core'
import { formatMessage } from '../../../../src/shared/messages/format-message.ts'
import { abilitiesOf, actionLabelKey, roleSummaryKey } from '../../../../src/shared/role-guide.ts'
import { isRole, ROLES } from '../../../../src/shared/roles.ts'
import { Panel } from '../../components/panel.tsx'
import { roleLabel } from '../../components/vocabulary-labels.ts'
import { useI18n, type Locale } from '../../i18n/i18n.tsx'

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Under a role picker: the role's duty and the rules that bind it (every ability is listed in the guide). */
export function roleDescription(locale: Locale, role: string): string {
  return isRole(role) ? formatMessage(locale, roleSummaryKey(role)) : ''
}

export function RoleGuide() {
  const { t, locale } = useI18n()
  return (
    <Panel title={t('users.roleGuide')} description={formatMessage(locale, 'access.role_scope')}>
      <Accordion variant="separated" chevronPosition="left" data-testid="role-guide">
        {ROLES.map((role) => (
          <Accordion.Item key={role} value={role}>
            <Accordion.Control>{roleLabel(locale, role)}</Accordion.Control>
            <Accordion.Panel>
              <Text size="sm" mb="xs">
                {formatMessage(locale, roleSummaryKey(role))}
              </Text>
              <List size="sm" spacing={2}>
                {abilitiesOf(role).map((action) => (
                  <List.Item key={action}>
                    {capitalise(formatMessage(locale, actionLabelKey(action)))}
                  </List.Item>
                ))}
              </List>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Panel>
  )
}
