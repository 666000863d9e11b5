// The shapes of the account registry's answers, from the generated API types (web/src/api/openapi.d.ts). The
// vocabulary (platforms, statuses) is in src/shared.
import type { components, paths } from '../../api/openapi.d.ts'
import type { JsonAnswer } from '../../api/openapi-shapes.ts'

export type Account = components['schemas']['Account']
export type AccountPengelola = Account['pengelola'][number]
export type NamingVerdict = NonNullable<Account['naming']>
export type AccountPage = JsonAnswer<paths['/api/accounts']['get']>
export type AccountPeople = JsonAnswer<paths['/api/accounts/people']['get']>
export type AccountPerson = AccountPeople['penanggungJawab'][number]
export type NamingIssue = JsonAnswer<paths['/api/naming/report']['get']>['items'][number]

export type AccountImport = components['schemas']['AccountImport']
export type ImportItemsPage = JsonAnswer<paths['/api/accounts/imports/{id}/items']['get']>
export type ImportItem = ImportItemsPage['items'][number]
export type ImportOutcome = ImportItem['outcome']

export type ConnectionHealth = components['schemas']['ConnectionHealth']
