// `warta api`: the HTTP API and web app without background jobs. Production only (PostgreSQL): run as many as
// the load needs behind a load balancer; migrations serialise on an advisory lock, so they may start together.
import { runService } from '../run-service.ts'

export async function run(_args: string[]): Promise<number> {
  return runService('api')
}
