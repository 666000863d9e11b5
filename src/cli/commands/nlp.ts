// `warta nlp train` rebuilds every language model; `warta nlp eval` runs the evaluation protocols
// (../shared/data/BASELINES.md and the in-domain test splits). Both show a progress bar and end with a table.
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import {
  committedModelsDir,
  EVAL_PROTOCOLS,
  evaluateAll,
  formatCheckHoaxEvaluation,
  trainAllModels,
  type EvalRow,
  type HeadSummary,
} from '../../nlp/index.ts'

import { cliText } from '../cli-text.ts'

const usage = (): string => `${cliText('cli.nlp_usage', { protocols: EVAL_PROTOCOLS.join(',') })}\n`

function progressBar(started: number): (done: number, total: number, label: string) => void {
  const tty = process.stderr.isTTY
  return (done, total, label) => {
    const width = 30
    const filled = total === 0 ? width : Math.round((done / total) * width)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label} (${seconds} s)`
    if (tty) process.stderr.write(`\r${line.padEnd(90)}${done === total ? '\n' : ''}`)
    else process.stderr.write(`${line}\n`)
  }
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n')
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args
  // The verdicts export reads the database and none of the models: its own module, loaded only for it.
  if (sub === 'feedback') return (await import('./nlp-feedback.ts')).run(rest)
  const seedText = option(rest, '--seed')
  const seed = seedText === undefined ? undefined : Number(seedText)
  if (seed !== undefined && !Number.isInteger(seed)) {
    process.stderr.write(`${cliText('cli.nlp_seed_invalid')}\n`)
    return 2
  }
  const started = performance.now()
  if (sub === 'train') {
    const includeNoncommercial = rest.includes('--include-noncommercial')
    const outText = option(rest, '--out')
    const outDir = outText === undefined ? undefined : resolve(outText)
    if (includeNoncommercial) {
      // The committed models must stay licence-clean: models trained on CC BY-NC-SA data go to a folder of their own.
      if (outDir === undefined || outDir === resolve(committedModelsDir)) {
        process.stderr.write(`${cliText('cli.nlp_noncommercial_needs_out')}\n`)
        return 2
      }
      process.stderr.write(`${cliText('cli.nlp_noncommercial_licence', { dir: outDir })}\n`)
    }
    if (outDir !== undefined) mkdirSync(outDir, { recursive: true })
    const summaries: HeadSummary[] = trainAllModels({
      seed,
      outDir,
      includeNoncommercial,
      onProgress: progressBar(started),
    })
    process.stdout.write(
      `${table(
        ['model', 'head', 'rows', 'OOF macro-F1', 'temperature', 'int8 agreement', 'seconds'],
        summaries.map((s) => [
          s.model,
          s.head,
          String(s.rows),
          s.outOfFoldMacroF1.toFixed(3),
          s.temperature.toFixed(2),
          s.int8Agreement?.toFixed(3) ?? '',
          s.seconds.toFixed(1),
        ]),
      )}\n`,
    )
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    process.stdout.write(
      `${cliText('cli.nlp_models_written', { seconds, dir: outDir ?? committedModelsDir })}\n`,
    )
    return 0
  }
  if (sub === 'eval') {
    const only = option(rest, '--only')?.split(',')
    const unknown = only?.filter((p) => !(EVAL_PROTOCOLS as readonly string[]).includes(p)) ?? []
    if (unknown.length > 0) {
      process.stderr.write(`${cliText('cli.nlp_unknown_protocols', { protocols: unknown })}\n`)
      return 2
    }
    const rows: EvalRow[] = evaluateAll({ seed, only, onProgress: progressBar(started) })
    process.stdout.write(
      `${table(
        ['protocol', 'metric', 'value', 'n', 'note'],
        rows.map((r) => [r.protocol, r.metric, r.value.toFixed(4), String(r.n), r.note ?? '']),
      )}\n`,
    )
    if (only === undefined || only.includes('check-hoax')) {
      // The compliance check and hoax matcher are evaluated by their own module (docs/nlp/evaluation-check-hoax.md).
      process.stdout.write(`\n${formatCheckHoaxEvaluation()}\n`)
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    process.stdout.write(`${cliText('cli.nlp_done', { seconds })}\n`)
    return 0
  }
  process.stdout.write(usage())
  return sub === undefined || sub === '--help' || sub === '-h' ? 0 : 2
}
