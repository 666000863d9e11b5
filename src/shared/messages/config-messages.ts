// Problems with the configuration (environment variables and .env), reported at start-up in the terminal's
// language like every other start-up message.
import { defineMessages } from './define-messages.ts'

export const configMessages = defineMessages({
  'config.invalid': {
    id: 'Konfigurasi tidak valid (lihat .env.example):',
    en: 'Invalid configuration (see .env.example):',
  },
  'config.problem': { id: '- {variable}: {problem}', en: '- {variable}: {problem}' },
  'config.invalid_value': {
    id: 'nilai "{value}" tidak valid',
    en: 'the value "{value}" is not valid',
  },
  'config.choose_one': { id: 'pilih salah satu: {options}', en: 'choose one of: {options}' },
  'config.number_range': {
    id: 'harus bilangan bulat {minimum} sampai {maximum}',
    en: 'must be a whole number from {minimum} to {maximum}',
  },
  'config.number_minimum': {
    id: 'harus bilangan bulat paling kecil {minimum}',
    en: 'must be a whole number of at least {minimum}',
  },
  'config.database_url': {
    id: 'harus URL postgres://, misalnya postgres://warta:rahasia@db:5432/warta',
    en: 'must be a postgres:// URL, for example postgres://warta:secret@db:5432/warta',
  },
  'config.public_url': {
    id: 'harus alamat lengkap, misalnya https://warta.contoh.go.id',
    en: 'must be a full URL such as https://warta.example.go.id',
  },
  'config.oidc_issuer': {
    id: 'harus URL penerbit (issuer) penyedia OpenID Anda',
    en: 'must be the issuer URL of your OpenID provider',
  },
  'config.secret_short': {
    id: 'paling sedikit 32 karakter (buat dengan: openssl rand -base64 48)',
    en: 'at least 32 characters (make one with: openssl rand -base64 48)',
  },
  'config.metrics_token_short': { id: 'paling sedikit 16 karakter', en: 'at least 16 characters' },
  'config.no_spaces': { id: 'tidak boleh berisi spasi', en: 'must not contain spaces' },
  'config.not_empty': { id: 'tidak boleh kosong', en: 'must not be empty' },
  'config.oidc_all_or_none': {
    id: 'isi ketiganya (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET) atau tidak sama sekali',
    en: 'set all three (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET) or none',
  },
  'config.smtp_url': {
    id: 'harus URL smtp:// atau smtps://, misalnya smtps://pengguna:rahasia@mail.contoh.go.id',
    en: 'must be an smtp:// or smtps:// URL, e.g. smtps://user:secret@mail.example.go.id',
  },
  'config.s3_endpoint': {
    id: 'harus berupa URL, mis. https://s3.example.go.id atau http://127.0.0.1:9000',
    en: 'must be a URL, e.g. https://s3.example.go.id or http://127.0.0.1:9000',
  },
  'config.s3_keys_both': {
    id: 'isi keduanya (kunci akses dan kunci rahasia S3) atau tidak sama sekali',
    en: 'set both (the S3 access key and secret key) or neither',
  },
  'config.oauth_both': {
    id: 'isi keduanya (CLIENT_ID dan CLIENT_SECRET aplikasi OAuth platform ini) atau tidak sama sekali',
    en: "set both (the platform's OAuth app CLIENT_ID and CLIENT_SECRET) or neither",
  },
  'config.smtp_both': {
    id: 'isi keduanya (SMTP_URL dan SMTP_FROM) atau tidak sama sekali',
    en: 'set both (SMTP_URL and SMTP_FROM) or neither',
  },
  'config.metrics_port_same': {
    id: 'harus berbeda dari PORT (ini pendengar terpisah)',
    en: 'must differ from PORT (it is a separate listener)',
  },
})
