// Per run and engine: on PostgreSQL, a fresh database created on the server and dropped afterwards, so runs
// never see each other's rows; on PGlite nothing to do (each worker opens its own in-memory instance).
import pg from 'pg'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseUrl: string
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (project.name !== 'int-pg') {
    project.provide('testDatabaseUrl', '')
    return undefined
  }
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl)
    throw new Error('TEST_DATABASE_URL is not set: the PostgreSQL integration tests need a server')
  const name = `warta_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  project.provide('testDatabaseUrl', url.toString())
  return async () => {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    await client.query(`drop database if exists ${name} with (force)`)
    await client.end()
  }
}
