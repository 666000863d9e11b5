// `warta start` (`npm start`): API, background jobs and the web app in one process, on the embedded database
// under WARTA_DATA_DIR unless DATABASE_URL is set.
import { runService } from '../run-service.ts'

export async function run(_args: string[]): Promise<number> {
  return runService('start')
}
