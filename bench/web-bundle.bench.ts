// What the browser downloads before the first page can draw: the entry script, every module it preloads and the
// stylesheets named in web/dist/index.html, gzipped and Brotli-compressed (the build writes both copies and the
// server sends the one the browser accepts). Target (issue #6): ≤ 350 kB gzip. Builds the web app first unless
// BENCH_NO_BUILD=1. The last line is machine-read:
//   first_page_gzip_kb=<n> first_page_br_kb=<n> target_kb=350
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const checkout = fileURLToPath(new URL('../', import.meta.url))
const dist = path.join(checkout, 'web', 'dist')
if (process.env.BENCH_NO_BUILD !== '1')
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: checkout, stdio: 'inherit' })

const html = readFileSync(path.join(dist, 'index.html'), 'utf8')
const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
let total = 0
let totalBr = 0
const rows: string[] = []
for (const asset of assets) {
  const bytes = readFileSync(path.join(dist, asset))
  const gz = gzipSync(bytes).length
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
  total += gz
  totalBr += br
  rows.push(
    `${(gz / 1024).toFixed(1).padStart(8)} kB gzip  ${(bytes.length / 1024).toFixed(1).padStart(8)} kB  ${asset}`,
  )
}
process.stdout.write(`${rows.join('\n')}\n`)
process.stdout.write(
  `first_page_gzip_kb=${(total / 1024).toFixed(1)} first_page_br_kb=${(totalBr / 1024).toFixed(1)} target_kb=350\n`,
)
