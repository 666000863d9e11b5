// All tables. One file per area; add a line here when you add a file.
export * from './core.ts'
export * from './identity.ts'
export * from './organisation.ts'
export * from './account-imports.ts'
export * from './audit.ts'
export * from './jobs.ts'
export * from './approvals.ts'
