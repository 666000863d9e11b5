// npm run bench:classify-cli — the whole `warta classify` process, as a user runs it: a child process pinned to one
// core (taskset -c 0) reading 200,000 SmSA-length JSON lines (about 190 characters) from a file and writing to a pipe
// that this process drains. Throughput counts the child's own CPU time (user + system, from the shell's `times`),
// start-up included, so other load on the machine does not distort it; wall time is printed beside it.
// The last line is machine-read: start_ms=<n> start_cpu_ms=<n> texts_per_s=<n> cpu_s=<n> wall_s=<n>
// (start_ms is wall time, which a busy machine inflates; start_cpu_ms is what the process itself spent).
// Options: --texts=<n> (default 200000), --cpu-prof (writes a V8 CPU profile of the big run into --prof-dir).
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { readOption } from '../src/cli/read-option.ts'

const args = process.argv.slice(2)
const count = Number(readOption(args, 'texts') ?? 200_000)
const profile = args.includes('--cpu-prof')
const repoRoot = resolve(import.meta.dirname, '..')
const warta = join(repoRoot, 'bin/warta.js')
const work = mkdtempSync(join(tmpdir(), 'warta-classify-bench-'))

// SmSA (IndoNLU sentiment: reviews and comments, 189 characters on average) when it is next to the checkout, else a
// fixed mix of comments padded to the same length.
function baseTexts(): string[] {
  const dataDir = process.env.WARTA_NLP_DATA ?? join(repoRoot, '../shared/data')
  const file = join(dataDir, 'indonlu-smsa/train_preprocess.tsv')
  if (existsSync(file)) {
    return readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.slice(0, line.lastIndexOf('\t')))
      .filter((text) => text.length > 0)
  }
  process.stdout.write(`(SmSA not found at ${file}: using a fixed mix)\n`)
  return [
    'min mau tanya, KTP-el saya udh rekam dari bulan juli tp blm dicetak2, itu harus ke dukcapil lg atau nunggu sms? sudah 3 kali bolak balik tapi belum juga jadi, tolong dibantu ya min',
    'PLN GOBLOK!!! tiap ujan dikit langsung padam, kulkas gw udah rusak gara2 kalian. sudah lapor berkali-kali lewat aplikasi tapi tidak ada tanggapan sama sekali, parah bener pelayanannya',
    'Terima kasih Dinas Dukcapil, akta lahir anak saya jadi cuma 2 hari lewat online 🙏 prosesnya mudah, petugasnya ramah dan informasinya jelas. semoga pelayanan seperti ini terus dipertahankan',
  ]
}

const base = baseTexts()
// Every seventh text gets a unique tag, so the per-word caches see a realistic share of unseen strings.
const lines: string[] = []
let chars = 0
for (let i = 0; i < count; i++) {
  const text = `${base[i % base.length]!}${i % 7 === 0 ? ` #t${i}` : ''}`
  chars += text.length
  lines.push(JSON.stringify({ id: i, text }))
}
const inputFile = join(work, 'input.jsonl')
writeFileSync(inputFile, `${lines.join('\n')}\n`)
const emptyFile = join(work, 'empty.jsonl')
writeFileSync(emptyFile, '')

interface Run {
  wallMs: number
  cpuS: number
  outputLines: number
}

// bash's `times` prints the CPU time of the shell's finished children (user and system) on its second line.
const parseTimes = (text: string): number => {
  const line = text.trim().split('\n').at(-1) ?? ''
  const seconds = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]))
  return seconds.reduce((s, x) => s + x, 0)
}

function runClassify(input: string, extraNodeArgs: string[] = []): Promise<Run> {
  const timesFile = join(work, 'times.txt')
  const command = [
    'taskset -c 0',
    JSON.stringify(process.execPath),
    ...extraNodeArgs,
    JSON.stringify(warta),
    'classify <',
    JSON.stringify(input),
    `; status=$?; times > ${JSON.stringify(timesFile)}; exit $status`,
  ].join(' ')
  return new Promise((done, fail) => {
    const started = performance.now()
    const child = spawn('bash', ['-c', command], { stdio: ['ignore', 'pipe', 'inherit'], cwd: work })
    let outputLines = 0
    child.stdout.on('data', (chunk: Buffer) => {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) outputLines++
    })
    child.on('error', fail)
    child.on('close', (code) => {
      const wallMs = performance.now() - started
      if (code !== 0) return fail(new Error(`warta classify exited with ${code}`))
      done({ wallMs, cpuS: parseTimes(readFileSync(timesFile, 'utf8')), outputLines })
    })
  })
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!

// Start-up: the whole process on empty input (load the code and the models, exit), median of five.
const starts: Run[] = []
for (let i = 0; i < 5; i++) starts.push(await runClassify(emptyFile))
const startMs = median(starts.map((r) => r.wallMs))
const startCpuMs = median(starts.map((r) => r.cpuS * 1000))
process.stdout.write(`start: wall ${startMs.toFixed(0)} ms, cpu ${startCpuMs.toFixed(0)} ms (median of 5)\n`)

const profDir = readOption(args, 'prof-dir') ?? join(repoRoot, 'bench/results')
if (profile) mkdirSync(profDir, { recursive: true })
const run = await runClassify(inputFile, profile ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [])
if (run.outputLines !== count) throw new Error(`expected ${count} output lines, got ${run.outputLines}`)
rmSync(work, { recursive: true, force: true })

process.stdout.write(`texts=${count} avg_chars=${(chars / count).toFixed(0)} pinned_to=cpu0\n`)
process.stdout.write(
  `whole process: ${run.cpuS.toFixed(2)} CPU-s, ${(run.wallMs / 1000).toFixed(2)} wall-s, ${Math.round(count / (run.wallMs / 1000))} texts per wall-second\n`,
)
if (profile) process.stdout.write(`cpu profile written to ${profDir}\n`)
process.stdout.write(
  `start_ms=${Math.round(startMs)} start_cpu_ms=${Math.round(startCpuMs)} texts_per_s=${Math.round(count / run.cpuS)} cpu_s=${run.cpuS.toFixed(2)} wall_s=${(run.wallMs / 1000).toFixed(2)}\n`,
)
