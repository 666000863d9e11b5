// `warta worker [--health-port N]`: background jobs only (pg-boss), on PostgreSQL. Any number may run; pg-boss
// hands each job to one of them. The optional health port answers /healthz and /readyz for orchestrators.
import { cliText } from '../cli-text.ts'
import { readOption } from '../read-option.ts'
import { runService } from '../run-service.ts'

export async function run(args: string[]): Promise<number> {
  const raw = readOption(args, 'health-port')
  const healthPort = raw === undefined ? undefined : Number(raw)
  if (healthPort !== undefined && !(Number.isInteger(healthPort) && healthPort >= 0 && healthPort <= 65535)) {
    process.stderr.write(`${cliText('cli.health_port_invalid', { value: raw ?? '' })}\n`)
    return 2
  }
  return runService('worker', { healthPort })
}
