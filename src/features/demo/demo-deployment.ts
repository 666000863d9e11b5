// Whether this deployment holds the demo (deployment_settings 'demo', written once by loadDemo): the shell shows a
// "Data contoh" banner so nobody mistakes it for a real instansi.
import type { Db } from '../../db/client.ts'
import { readDeploymentValue } from '../../db/deployment-settings-repository.ts'

export const DEMO_DEPLOYMENT_KEY = 'demo'

export async function isDemoDeployment(db: Db): Promise<boolean> {
  return (await readDeploymentValue(db, DEMO_DEPLOYMENT_KEY)) !== null
}
