// The keys of the message catalogue, apart from the React provider (i18n.tsx) so that plain TypeScript outside the
// web build (the browser tests read web/src/app/pages.ts) can name them.
import type id from './id.json'

export type MessageKey = keyof typeof id
