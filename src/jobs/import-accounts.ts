// On demand, for each CSV import of the account registry (features/accounts/import-accounts.ts): checks the file
// (preview) or applies it, in short batches with their progress stored, so the import never holds the database
// for long and a second delivery or a restart after a crash continues where the last batch ended.
import { z } from 'zod'
import { runAccountImport } from '../features/accounts/import-accounts.ts'
import { defineJob } from './job-definition.ts'
import { cliText } from '../cli/cli-text.ts'

const payload = z.object({ instansiId: z.uuid(), importId: z.uuid() }).strict()

declare module '../features/jobs/job-payloads.ts' {
  interface JobPayloads {
    'import-accounts': z.infer<typeof payload>
  }
}

export const importAccountsJob = defineJob({
  name: 'import-accounts',
  payload,
  // One import at a time per worker: each is already a long run of short transactions.
  batchSize: 1,
  async handle(context, target) {
    const result = await runAccountImport(context, target)
    context.logger.info({ ...target, ...result }, cliText('cli.log_account_import_ran'))
  },
})
