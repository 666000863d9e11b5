// Configuration is read from process.env exactly once, validated, and frozen. Everything else receives the
// resulting object (tests build one with `parseConfig({...})` and never touch process.env).
import path from 'node:path'
import { z } from 'zod'
import type { Locale } from './shared/dates.ts'
import { isTerminalMessageKey, type TerminalMessageKey } from './shared/messages/terminal-catalogue.ts'
import type { MessageParams } from './shared/messages/format-message.ts'
import { formatTerminalMessage } from './shared/messages/terminal-catalogue.ts'

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes')

const configSchema = z.object({
  DATABASE_URL: z.string().url('config.database_url').optional(),
  WARTA_DATA_DIR: z.string().min(1).default('./data'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  WARTA_PUBLIC_URL: z.string().url('config.public_url').optional(),
  WARTA_SECRET: z.string().min(32, 'config.secret_short').optional(),
  WARTA_PREVIOUS_SECRET: z.string().min(32, 'config.secret_short').optional(),
  WARTA_SANDBOX_FAULTS: booleanString.default(true),
  // The publishing engine's timings: the first backoff after `unavailable` (doubling) and how long a
  // `publishing` claim holds before it is reconciled. Shortened only by tests and the bench.
  WARTA_PUBLISH_BACKOFF_MS: z.coerce.number().int().min(100).default(30_000),
  WARTA_PUBLISH_LEASE_MS: z.coerce.number().int().min(1_000).default(120_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  WARTA_TRUST_PROXY: booleanString.default(false),
  WARTA_SECURE_COOKIES: booleanString.optional(),
  WARTA_LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  WARTA_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  WARTA_SESSION_HOURS: z.coerce.number().int().min(1).default(12),
  OIDC_ISSUER: z.string().url('config.oidc_issuer').optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_LABEL: z.string().min(1).default('SSO'),
  WARTA_METRICS_TOKEN: z
    .string()
    .min(16, 'config.metrics_token_short')
    .regex(/^\S+$/, 'config.no_spaces')
    .optional(),
  WARTA_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  WARTA_PUBLIC_API_DOCS: booleanString.default(false),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'config.smtp_url')
    .optional(),
  SMTP_FROM: z.string().min(3).optional(),
  WARTA_PASSWORD_RESET_MINUTES: z.coerce.number().int().min(5).max(1440).default(30),
  WARTA_S3_BUCKET: z.string().min(1).optional(),
  WARTA_S3_ENDPOINT: z.string().url('config.s3_endpoint').optional(),
  WARTA_S3_REGION: z.string().min(1).default('us-east-1'),
  WARTA_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  WARTA_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  WARTA_S3_FORCE_PATH_STYLE: booleanString.default(true),
})

/** Where uploaded media are kept: a folder (default: <data dir>/media) or an S3-compatible bucket. */
export type MediaStorageConfig =
  | { readonly kind: 'local'; readonly dir: string }
  | {
      readonly kind: 's3'
      readonly bucket: string
      readonly endpoint: string | undefined
      readonly region: string
      readonly accessKeyId: string | undefined
      readonly secretAccessKey: string | undefined
      readonly forcePathStyle: boolean
    }

export interface Config {
  readonly databaseUrl: string | undefined
  readonly dataDir: string
  readonly host: string
  readonly port: number
  readonly publicUrl: string
  /** Key material for signing and encrypting; generated and stored under dataDir when not given. */
  readonly secret: string | undefined
  /** The secret used before WARTA_SECRET changed: it still opens credentials until `warta keys rotate` re-seals
   *  them under the current one (README, "Rotating the secret"). */
  readonly previousSecret: string | undefined
  /** The sandbox network's simulated latency, rate limits and failures (Mode Latihan); tests turn them off. */
  readonly sandboxFaults: boolean
  /** The publishing engine's first backoff and claim lease (features/publishing). */
  readonly publishing: { readonly backoffMs: number; readonly leaseMs: number }
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  /** JSON lines or readable lines; undefined: readable when stdout is a terminal (src/cli/create-logger.ts). */
  readonly logFormat: 'json' | 'pretty' | undefined
  readonly trustProxy: boolean
  readonly secureCookies: boolean
  readonly login: { readonly maxAttempts: number; readonly lockMinutes: number }
  readonly sessionHours: number
  /** Prometheus metrics: the bearer token /metrics requires, and the port of a separate metrics listener. When
   *  neither is set, /metrics is not served. */
  readonly metrics: { readonly token: string | undefined; readonly port: number | undefined }
  /** Serve /api/docs and /api/openapi.json without a session or token. */
  readonly publicApiDocs: boolean
  /** Outgoing mail (password reset links); undefined: no mail, and the sign-in page offers no reset link. */
  readonly mail: { readonly url: string; readonly from: string } | undefined
  /** How long an e-mailed password reset link stays valid. */
  readonly passwordResetMinutes: number
  /** OAuth clients by platform (lower case); a platform without one is not offered for OAuth connecting. */
  readonly oauthClients: Readonly<Record<string, OAuthClientConfig>>
  /** Webhook secrets by platform (lower case); a platform without them refuses its deliveries. */
  readonly webhookSecrets: Readonly<Record<string, WebhookSecretConfig>>
  readonly mediaStorage: MediaStorageConfig
  readonly oidc:
    | {
        readonly issuer: string
        readonly clientId: string
        readonly clientSecret: string
        readonly label: string
      }
    | undefined
}

/** One configuration variable and what is wrong with it, as a message key. */
export interface ConfigProblem {
  variable: string
  key: TerminalMessageKey
  params?: MessageParams | undefined
}

/** Every problem of the configuration at once; `render(locale)` is what the terminal shows. */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[]

  constructor(problems: readonly ConfigProblem[]) {
    super(renderConfigProblems(problems, 'en'))
    this.name = 'ConfigError'
    this.problems = problems
  }

  render(locale: Locale): string {
    return renderConfigProblems(this.problems, locale)
  }
}

function renderConfigProblems(problems: readonly ConfigProblem[], locale: Locale): string {
  const lines = problems.map((problem) =>
    formatTerminalMessage(locale, 'config.problem', {
      variable: problem.variable,
      problem: formatTerminalMessage(locale, problem.key, problem.params),
    }),
  )
  return [formatTerminalMessage(locale, 'config.invalid'), ...lines].join('\n')
}

function problemOf(issue: z.core.$ZodIssue, env: Record<string, string | undefined>): ConfigProblem {
  const variable = issue.path.join('.')
  if (isTerminalMessageKey(issue.message)) return { variable, key: issue.message }
  if (issue.code === 'invalid_value') {
    return { variable, key: 'config.choose_one', params: { options: issue.values.map(String) } }
  }
  if (issue.code === 'too_small') {
    if (issue.origin === 'string') return { variable, key: 'config.not_empty' }
    return { variable, key: 'config.number_minimum', params: { minimum: Number(issue.minimum) } }
  }
  if (issue.code === 'too_big') {
    return { variable, key: 'config.number_range', params: { minimum: 0, maximum: Number(issue.maximum) } }
  }
  return { variable, key: 'config.invalid_value', params: { value: env[variable] ?? '' } }
}

/** The app's registration with a platform's OAuth: WARTA_OAUTH_<PLATFORM>_CLIENT_ID / _CLIENT_SECRET. */
export interface OAuthClientConfig {
  readonly clientId: string
  readonly clientSecret: string
}

/** A platform's webhook secrets: WARTA_WEBHOOK_<PLATFORM>_SECRET / _VERIFY_TOKEN. */
export interface WebhookSecretConfig {
  readonly signingSecret: string
  readonly verifyToken: string | undefined
}

/** Per-platform settings named by pattern (the platform in upper case); a half-configured client is an error. */
function platformSettings(env: Record<string, string>): {
  oauthClients: Readonly<Record<string, OAuthClientConfig>>
  webhookSecrets: Readonly<Record<string, WebhookSecretConfig>>
} {
  const oauthClients: Record<string, OAuthClientConfig> = {}
  const webhookSecrets: Record<string, WebhookSecretConfig> = {}
  for (const name of Object.keys(env)) {
    const oauth = /^WARTA_OAUTH_([A-Z]+)_CLIENT_(ID|SECRET)$/.exec(name)
    if (oauth) {
      const upper = oauth[1]!
      const clientId = env[`WARTA_OAUTH_${upper}_CLIENT_ID`]
      const clientSecret = env[`WARTA_OAUTH_${upper}_CLIENT_SECRET`]
      if (!clientId || !clientSecret)
        throw new ConfigError([
          {
            variable: `WARTA_OAUTH_${upper}_CLIENT_ID, WARTA_OAUTH_${upper}_CLIENT_SECRET`,
            key: 'config.oauth_both',
          },
        ])
      oauthClients[upper.toLowerCase()] = Object.freeze({ clientId, clientSecret })
    }
    const webhook = /^WARTA_WEBHOOK_([A-Z]+)_SECRET$/.exec(name)
    if (webhook) {
      const upper = webhook[1]!
      webhookSecrets[upper.toLowerCase()] = Object.freeze({
        signingSecret: env[name]!,
        verifyToken: env[`WARTA_WEBHOOK_${upper}_VERIFY_TOKEN`],
      })
    }
  }
  return { oauthClients: Object.freeze(oauthClients), webhookSecrets: Object.freeze(webhookSecrets) }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  )
  const result = configSchema.safeParse(cleaned)
  if (!result.success) throw new ConfigError(result.error.issues.map((issue) => problemOf(issue, cleaned)))
  const e = result.data
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET]
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    throw new ConfigError([{ variable: 'OIDC_*', key: 'config.oidc_all_or_none' }])
  }
  if (Boolean(e.SMTP_URL) !== Boolean(e.SMTP_FROM)) {
    throw new ConfigError([{ variable: 'SMTP_URL, SMTP_FROM', key: 'config.smtp_both' }])
  }
  if (e.WARTA_METRICS_PORT !== undefined && e.WARTA_METRICS_PORT !== 0 && e.WARTA_METRICS_PORT === e.PORT) {
    throw new ConfigError([{ variable: 'WARTA_METRICS_PORT', key: 'config.metrics_port_same' }])
  }
  if (Boolean(e.WARTA_S3_ACCESS_KEY_ID) !== Boolean(e.WARTA_S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError([
      { variable: 'WARTA_S3_ACCESS_KEY_ID, WARTA_S3_SECRET_ACCESS_KEY', key: 'config.s3_keys_both' },
    ])
  }
  const platforms = platformSettings(cleaned as Record<string, string>)
  const dataDir = path.resolve(e.WARTA_DATA_DIR)
  const publicUrl = e.WARTA_PUBLIC_URL ?? `http://localhost:${e.PORT}`
  return Object.freeze({
    databaseUrl: e.DATABASE_URL,
    dataDir,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    secret: e.WARTA_SECRET,
    previousSecret: e.WARTA_PREVIOUS_SECRET,
    sandboxFaults: e.WARTA_SANDBOX_FAULTS,
    publishing: Object.freeze({ backoffMs: e.WARTA_PUBLISH_BACKOFF_MS, leaseMs: e.WARTA_PUBLISH_LEASE_MS }),
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    trustProxy: e.WARTA_TRUST_PROXY,
    secureCookies: e.WARTA_SECURE_COOKIES ?? publicUrl.startsWith('https://'),
    login: Object.freeze({
      maxAttempts: e.WARTA_LOGIN_MAX_ATTEMPTS,
      lockMinutes: e.WARTA_LOGIN_LOCK_MINUTES,
    }),
    sessionHours: e.WARTA_SESSION_HOURS,
    metrics: Object.freeze({ token: e.WARTA_METRICS_TOKEN, port: e.WARTA_METRICS_PORT }),
    publicApiDocs: e.WARTA_PUBLIC_API_DOCS,
    mail: e.SMTP_URL && e.SMTP_FROM ? Object.freeze({ url: e.SMTP_URL, from: e.SMTP_FROM }) : undefined,
    passwordResetMinutes: e.WARTA_PASSWORD_RESET_MINUTES,
    mediaStorage: Object.freeze(
      e.WARTA_S3_BUCKET
        ? {
            kind: 's3' as const,
            bucket: e.WARTA_S3_BUCKET,
            endpoint: e.WARTA_S3_ENDPOINT,
            region: e.WARTA_S3_REGION,
            accessKeyId: e.WARTA_S3_ACCESS_KEY_ID,
            secretAccessKey: e.WARTA_S3_SECRET_ACCESS_KEY,
            forcePathStyle: e.WARTA_S3_FORCE_PATH_STYLE,
          }
        : { kind: 'local' as const, dir: path.join(dataDir, 'media') },
    ),
    oauthClients: platforms.oauthClients,
    webhookSecrets: platforms.webhookSecrets,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? Object.freeze({
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            label: e.OIDC_LABEL,
          })
        : undefined,
  })
}

let cached: Config | undefined
/** The process configuration; reads process.env on first call only. */
export function loadConfig(): Config {
  cached ??= parseConfig(process.env)
  return cached
}
