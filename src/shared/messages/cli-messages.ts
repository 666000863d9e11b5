// What the `warta` command and the long-running processes (start, api, worker) say to the person at the terminal:
// start-up and shutdown lines, the data-folder lock, one-shot commands (migrate, user, backup, restore) and the
// stderr notes of the language tools. Shown in Bahasa Indonesia unless WARTA_LOCALE=en or the POSIX locale is
// English (src/cli/cli-text.ts). The JSON Lines output of classify/check/hoax is a contract and never comes from here.
import { defineMessages } from './define-messages.ts'

export const cliMessages = defineMessages({
  // --- warta help and dispatch ---------------------------------------------------------------------------------
  'cli.usage': {
    id: 'Pemakaian: warta <perintah> [opsi]\n\nPerintah:',
    en: 'Usage: warta <command> [options]\n\nCommands:',
  },
  'cli.unknown_command': {
    id: "warta: perintah '{name}' tidak dikenal. Jalankan 'warta help' untuk daftar perintah.",
    en: "warta: unknown command '{name}'. Run 'warta help' for the list of commands.",
  },
  'cli.failed': { id: 'warta: {message}', en: 'warta: {message}' },
  'cli.node_too_old': {
    id:
      'Warta memerlukan Node.js 24 atau lebih baru (ini {version}). Jalankan lewat npm (npm start, npx warta), ' +
      'yang memakai Node 24 dari devDependencies, atau pasang Node 24.',
    en:
      'Warta needs Node.js 24 or newer (this is {version}). Run it through npm (npm start, npx warta), ' +
      'which uses the Node 24 pinned in devDependencies, or install Node 24.',
  },
  'cli.help_start': {
    id: 'API, pekerja latar, dan aplikasi web dalam satu proses (basis data bawaan kecuali DATABASE_URL diisi)',
    en: 'API, background jobs and web app in one process (embedded database unless DATABASE_URL is set)',
  },
  'cli.help_api': {
    id: 'hanya API HTTP dan aplikasi web (produksi: perlu DATABASE_URL)',
    en: 'the HTTP API and web app only (production: needs DATABASE_URL)',
  },
  'cli.help_worker': {
    id: 'hanya pekerjaan latar (produksi: perlu DATABASE_URL) [--health-port N]',
    en: 'background jobs only (production: needs DATABASE_URL) [--health-port N]',
  },
  'cli.help_migrate': {
    id: 'terapkan migrasi basis data lalu selesai',
    en: 'apply database migrations and exit',
  },
  'cli.help_user': {
    id: 'kelola pengguna: warta user create --instansi SLUG --email E --name N --role R --unit KODE',
    en: 'user administration: warta user create --instansi SLUG --email E --name N --role R --unit CODE',
  },
  'cli.help_audit': {
    id: 'log audit: warta audit verify [--instansi SLUG] [--checkpoint FILE --fingerprint HEX] | checkpoint | key',
    en: 'audit log: warta audit verify [--instansi SLUG] [--checkpoint FILE --fingerprint HEX] | checkpoint | key',
  },
  'cli.help_backup': {
    id: 'cadangkan seluruh basis data: warta backup BERKAS|- (- = stdout; pada basis data bawaan hentikan npm start dulu)',
    en: 'back the whole database up: warta backup FILE|- (- is stdout; on the embedded database stop npm start first)',
  },
  'cli.help_restore': {
    id: 'pulihkan cadangan ke basis data kosong, mesin mana pun: warta restore BERKAS|- (- = stdin)',
    en: 'restore a backup into an empty database, either engine: warta restore FILE|- (- is stdin)',
  },
  'cli.help_classify': {
    id: 'klasifikasi JSON Lines {id,text} dari stdin (sentimen, kata kasar, ujaran kebencian, maksud)',
    en: 'classify JSON Lines {id,text} from stdin (sentiment, abusive, hate speech, intent)',
  },
  'cli.help_check': {
    id: 'pemeriksaan kepatuhan JSON Lines {id,platform,text} dari stdin [--claims BERKAS]',
    en: 'compliance check of JSON Lines {id,platform,text} from stdin [--claims FILE]',
  },
  'cli.help_hoax': {
    id: 'pencocok hoaks: warta hoax match --claims BERKAS < teks.jsonl',
    en: 'hoax matcher: warta hoax match --claims FILE < texts.jsonl',
  },
  'cli.help_keys': {
    id: 'kunci enkripsi kredensial platform: warta keys rotate',
    en: 'encryption key of platform credentials: warta keys rotate',
  },
  'cli.help_nlp': {
    id: 'model bahasa: warta nlp train | warta nlp eval | warta nlp feedback export',
    en: 'language models: warta nlp train | warta nlp eval | warta nlp feedback export',
  },

  // --- start, api, worker: start-up ----------------------------------------------------------------------------
  'cli.database_url_missing': {
    id:
      'warta {role}: DATABASE_URL belum diisi. Perintah ini untuk produksi dengan PostgreSQL ' +
      '(contoh: DATABASE_URL=postgres://warta:rahasia@db:5432/warta). ' +
      "Untuk satu proses dengan basis data bawaan, jalankan 'npm start' (warta start).",
    en:
      'warta {role}: DATABASE_URL is not set. This command is for production on PostgreSQL ' +
      '(for example DATABASE_URL=postgres://warta:secret@db:5432/warta). ' +
      "For one process on the embedded database, run 'npm start' (warta start).",
  },
  'cli.data_dir_locked': {
    id:
      'Folder data {dir} sedang dipakai proses Warta lain (pid {pid}). Hentikan proses itu dulu, atau beri proses ' +
      'ini folder sendiri dengan WARTA_DATA_DIR. (Basis data bawaan hanya dapat dibuka satu proses; untuk ' +
      'menjalankan beberapa proses, pakai PostgreSQL lewat DATABASE_URL.)',
    en:
      'The data folder {dir} is in use by another Warta process (pid {pid}). Stop that process first, or give ' +
      'this one its own folder with WARTA_DATA_DIR. (The embedded database opens in one process only; to run ' +
      'several, use PostgreSQL through DATABASE_URL.)',
  },
  'cli.data_dir_open_here': {
    id: 'Folder data {dir} sudah dibuka oleh proses ini.',
    en: 'The data folder {dir} is already open in this process.',
  },
  'cli.data_dir_lock_stuck': {
    id:
      'Folder data {dir} tidak dapat dikunci: kunci lama sedang diambil alih proses lain yang belum selesai. ' +
      'Bila tidak ada proses Warta yang berjalan, hapus {lockFile} lalu ulangi.',
    en:
      'The data folder {dir} could not be locked: another process is taking over a stale lock and has not ' +
      'finished. If no Warta process is running, remove {lockFile} and try again.',
  },
  'cli.web_building': {
    id: 'Membangun aplikasi web untuk pertama kali (sekali saja, beberapa detik)…',
    en: 'Building the web app for the first time (once only, a few seconds)…',
  },
  'cli.web_rebuilding': {
    id: 'Aplikasi web berubah sejak terakhir dibangun: membangun ulang (beberapa detik)…',
    en: 'The web app changed since it was last built: rebuilding (a few seconds)…',
  },
  'cli.web_stale': {
    id: "web/dist dibangun dari sumber aplikasi web yang lain: jalankan 'npm run build' lalu mulai ulang",
    en: "web/dist was built from other web app sources: run 'npm run build' and restart",
  },
  'cli.web_build_failed': {
    id: "Gagal membangun aplikasi web. Jalankan 'npm run build' untuk melihat kesalahannya.",
    en: "The web app could not be built. Run 'npm run build' to see the error.",
  },
  'cli.web_missing': {
    id: "web/dist tidak ada: hanya API yang dilayani; jalankan 'npm run build' untuk melayani aplikasi web",
    en: "web/dist is missing: only the API is served; run 'npm run build' to serve the web app",
  },
  'cli.ready_first_run': {
    id: 'Warta siap di {url} — buka di peramban: wizard penyiapan awal menunggu di sana (belum ada instansi).',
    en: 'Warta is ready at {url} — open it in a browser: the first-run wizard is waiting there (no instansi yet).',
  },
  'cli.ready': {
    id: 'Warta siap di {url} — buka di peramban untuk masuk.',
    en: 'Warta is ready at {url} — open it in a browser to sign in.',
  },
  'cli.api_ready': {
    id: 'Warta API siap di {url} ({engine}).',
    en: 'Warta API is ready at {url} ({engine}).',
  },
  'cli.worker_ready': {
    id: 'Warta worker berjalan ({engine}); hentikan dengan Ctrl+C.',
    en: 'Warta worker is running ({engine}); stop it with Ctrl+C.',
  },
  'cli.port_in_use': {
    id: 'warta {role}: port {port} sudah dipakai proses lain. Pilih port lain dengan PORT=…',
    en: 'warta {role}: port {port} is already in use by another process. Choose another one with PORT=…',
  },
  'cli.health_port_invalid': {
    id: "warta worker: --health-port harus berupa nomor port 0–65535, bukan '{value}'.",
    en: "warta worker: --health-port must be a port number 0–65535, not '{value}'.",
  },
  'cli.health_not_found': {
    id: 'Hanya /healthz dan /readyz.',
    en: 'Only /healthz and /readyz.',
  },
  // Log lines of the long-running processes (the pretty terminal log and the JSON log alike).
  'cli.log_database_migrated': {
    id: 'basis data diperbarui ({count} migrasi)',
    en: 'database migrated ({count} migrations)',
  },
  // Fastify's own "Server listening at …" line, once per address, in the terminal's language.
  'cli.log_listening': { id: 'menerima permintaan di {address}', en: 'listening at {address}' },
  'cli.log_metrics_listening': {
    id: 'metrik Prometheus tersedia di {address}/metrics',
    en: 'Prometheus metrics at {address}/metrics',
  },
  'cli.log_readiness_failed': {
    id: 'pemeriksaan kesiapan gagal: basis data tidak menjawab',
    en: 'readiness check failed: the database did not answer',
  },
  'cli.log_started': {
    id: 'Warta berjalan (warta {role}, basis data {engine})',
    en: 'Warta running (warta {role}, {engine} database)',
  },
  'cli.log_worker_started': { id: 'pekerja latar berjalan', en: 'worker started' },

  // Log lines of the background jobs (src/jobs), in the same language as the rest of the process.
  'cli.log_variant_reconciled': { id: 'pencocokan ulang varian selesai', en: 'variant reconcile handled' },
  'cli.log_variant_published': { id: 'publikasi varian diproses', en: 'variant publish handled' },
  'cli.log_replies_reconciled': {
    id: 'balasan yang tertunda dicocokkan ulang',
    en: 'stale replies reconciled',
  },
  'cli.log_webhook_deliveries_purged': {
    id: 'kiriman webhook lama dihapus',
    en: 'purged old webhook deliveries',
  },
  'cli.log_sessions_purged': { id: 'sesi kedaluwarsa dihapus', en: 'purged expired sessions' },
  'cli.log_publications_swept': { id: 'jadwal publikasi diperiksa', en: 'publications swept' },
  'cli.log_posts_expired': {
    id: 'unggahan kedaluwarsa sebelum disetujui',
    en: 'posts expired before approval',
  },
  'cli.log_post_metrics_collected': { id: 'metrik unggahan dikumpulkan', en: 'post metrics collected' },
  'cli.log_connections_expiry_warned': {
    id: 'penanggung jawab diberi tahu tentang koneksi yang akan kedaluwarsa',
    en: 'penanggung jawab warned of expiring connections',
  },
  'cli.log_password_reset_handled': {
    id: 'permintaan atur ulang kata sandi diproses',
    en: 'password reset request handled',
  },
  'cli.log_notification_mail_handled': { id: 'surel notifikasi diproses', en: 'notification mail handled' },
  'cli.log_notification_digests_sent': {
    id: 'ringkasan notifikasi dikirim',
    en: 'notification digests sent',
  },
  'cli.log_job_queue_error': { id: 'galat antrean tugas', en: 'job queue error' },
  'cli.log_outbox_relay_failed': {
    id: 'penerusan kotak keluar tugas gagal; dicoba lagi',
    en: 'job outbox relay failed; retrying',
  },
  'cli.log_job_failed': { id: 'tugas gagal', en: 'job failed' },
  'cli.log_unhandled_error': { id: 'galat tak tertangani', en: 'unhandled error' },
  'cli.log_webhook_refused': { id: 'kiriman webhook ditolak', en: 'webhook delivery refused' },
  'cli.log_oauth_callback': { id: 'kembalian OAuth diterima', en: 'oauth callback' },
  'cli.log_oidc_refused': { id: 'masuk lewat SSO ditolak', en: 'oidc login refused' },
  'cli.log_inbox_events_failed': {
    id: 'pembaruan langsung kotak masuk gagal',
    en: 'inbox events poll failed',
  },
  'cli.log_job_payload_invalid': {
    id: 'muatan tugas tidak sah; tidak dicoba lagi',
    en: 'invalid job payload',
  },
  'cli.log_inbox_swept': { id: 'kotak masuk diperiksa', en: 'inbox swept' },
  'cli.log_inbox_polled': { id: 'kotak masuk diambil', en: 'inbox polled' },
  'cli.log_outbox_handoff_failed': {
    id: 'tugas dari kotak keluar tidak dapat diserahkan ke pg-boss',
    en: 'could not hand an outbox job to pg-boss',
  },
  'cli.log_connection_tokens_refreshed': {
    id: 'token koneksi diperbarui',
    en: 'connection tokens refreshed',
  },
  'cli.log_audit_checkpoints_refused': {
    id: 'titik periksa audit ditolak karena rantai rusak',
    en: 'audit checkpoints refused for broken chains',
  },
  'cli.log_audit_checkpoints_made': { id: 'titik periksa audit dibuat', en: 'audit checkpoints made' },
  'cli.log_account_import_ran': { id: 'tugas impor akun berjalan', en: 'account import job ran' },
  'cli.log_sla_alerts_sent': {
    id: 'pengingat dan eskalasi SLA dikirim',
    en: 'SLA reminders and escalations sent',
  },
  'cli.log_ppid_receipt_handled': { id: 'tanda terima PPID diproses', en: 'PPID receipt handled' },

  // --- shutdown ------------------------------------------------------------------------------------------------
  'cli.log_shutting_down': { id: 'menghentikan Warta ({signal})', en: 'shutting down ({signal})' },
  'cli.log_shutdown_too_long': {
    id: 'penghentian terlalu lama; keluar paksa',
    en: 'shutdown took too long; exiting',
  },
  'cli.log_close_server_failed': {
    id: 'gagal menutup server',
    en: 'error while closing the server',
  },
  'cli.log_close_database_failed': {
    id: 'gagal menutup basis data',
    en: 'error while closing the database',
  },
  'cli.log_stopped': { id: 'Warta berhenti', en: 'Warta stopped' },
  'cli.forced_stop': { id: 'Dihentikan paksa.', en: 'Stopped at once.' },

  // --- migrate -------------------------------------------------------------------------------------------------
  'cli.migrate_up_to_date': {
    id: 'Basis data ({engine}) sudah mutakhir.',
    en: 'The database ({engine}) is up to date.',
  },
  'cli.migrate_applied': {
    id: 'Migrasi diterapkan ({engine}): {migrations:list}',
    en: 'Migrations applied ({engine}): {migrations:list}',
  },

  // --- backup and restore --------------------------------------------------------------------------------------
  'cli.backup_usage': {
    id: 'Pemakaian: warta backup BERKAS|-   (contoh: warta backup cadangan-2026-11-22.jsonl.gz)',
    en: 'Usage: warta backup FILE|-   (for example: warta backup backup-2026-11-22.jsonl.gz)',
  },
  'cli.backup_written': {
    id: 'Cadangan ditulis ke {target}: {rows:number} baris dari {tables} tabel ({engine}).',
    en: 'Backup written to {target}: {rows:number} rows from {tables} tables ({engine}).',
  },
  'cli.backup_reader_closed': {
    id: 'warta backup: penerima stdout berhenti membaca sebelum cadangan selesai; cadangan itu TIDAK lengkap.',
    en: 'warta backup: the reader of stdout stopped before the backup was complete; that backup is NOT complete.',
  },
  'cli.restore_usage': {
    id: 'Pemakaian: warta restore BERKAS|-   (ke basis data kosong; atur DATABASE_URL atau WARTA_DATA_DIR dulu)',
    en: 'Usage: warta restore FILE|-   (into an empty database; set DATABASE_URL or WARTA_DATA_DIR first)',
  },
  'cli.restore_file_missing': {
    id: 'warta restore: berkas {file} tidak ditemukan.',
    en: 'warta restore: file {file} not found.',
  },
  'cli.restore_done': {
    id: 'Dipulihkan ke {engine}: {rows:number} baris dari {tables} tabel (cadangan {sourceEngine}, {createdAt:datetime}).',
    en: 'Restored into {engine}: {rows:number} rows from {tables} tables (backup of {sourceEngine}, {createdAt:datetime}).',
  },
  'cli.restore_older_backup': {
    id: 'Catatan: cadangan lebih tua dari migrasi {migrations:list}; kolom barunya berisi nilai bawaan.',
    en: 'Note: the backup predates migrations {migrations:list}; their new columns hold their defaults.',
  },
  'cli.restore_verify_hint': {
    id: "Periksa rantai log audit dengan 'warta audit verify'.",
    en: "Check the audit log's hash chains with 'warta audit verify'.",
  },
  'cli.backup_not_a_backup': {
    id: 'Berkas ini bukan cadangan Warta (kepala berkas tidak dikenali).',
    en: 'This file is not a Warta backup (its header is not recognised).',
  },
  'cli.backup_wrong_version': {
    id: 'Cadangan ini berformat versi {version}, sedangkan Warta ini membaca versi {supported}. Pulihkan dengan versi Warta yang membuatnya.',
    en: 'This backup has format version {version}; this Warta reads version {supported}. Restore it with the Warta version that made it.',
  },
  'cli.backup_no_migrations': {
    id: 'Kepala cadangan rusak: daftar migrasi tidak ada.',
    en: 'The backup header is damaged: the list of migrations is missing.',
  },
  'cli.backup_line_not_json': {
    id: 'Baris {line} cadangan rusak (bukan JSON).',
    en: 'Line {line} of the backup is damaged (not JSON).',
  },
  'cli.backup_line_unknown': {
    id: 'Baris {line} cadangan tidak dikenali.',
    en: 'Line {line} of the backup is not recognised.',
  },
  'cli.backup_table_cycle': {
    id: 'Tabel saling merujuk ({tables}); urutan pemulihan tidak dapat ditentukan.',
    en: 'Tables refer to each other in a cycle ({tables}); no restore order exists.',
  },
  'cli.backup_from_newer_warta': {
    id: 'Cadangan ini dibuat oleh Warta yang lebih baru (migrasi {migrations:list} belum dikenal). Perbarui Warta lalu ulangi pemulihan.',
    en: 'This backup was made by a newer Warta (migrations {migrations:list} are unknown here). Update Warta and restore again.',
  },
  'cli.backup_line_after_end': {
    id: 'Baris {line} cadangan ada setelah penutup berkas; berkas rusak.',
    en: 'Line {line} of the backup comes after its closing line; the file is damaged.',
  },
  'cli.backup_row_before_table': {
    id: 'Baris {line} cadangan berisi data sebelum nama tabelnya.',
    en: 'Line {line} of the backup holds data before the name of its table.',
  },
  'cli.backup_truncated': {
    id: 'Cadangan terpotong (penutup berkas tidak ada): berkas tidak lengkap, tidak ada yang dipulihkan.',
    en: 'The backup is cut short (its closing line is missing): the file is incomplete, nothing was restored.',
  },
  'cli.backup_counts_differ': {
    id: 'Cadangan tidak utuh: penutup mencatat {expectedRows} baris di {expectedTables} tabel, terbaca {rows} baris di {tables} tabel.',
    en: 'The backup is not whole: its closing line records {expectedRows} rows in {expectedTables} tables, but {rows} rows in {tables} tables were read.',
  },
  'cli.backup_row_cycle': {
    id: 'Baris tabel {table} saling merujuk dalam lingkaran; tidak dapat dipulihkan.',
    en: 'Rows of table {table} refer to each other in a cycle; they cannot be restored.',
  },
  'cli.backup_target_not_empty': {
    id:
      'Basis data tujuan tidak kosong (tabel {table} sudah berisi data). Pemulihan hanya ke basis data baru yang kosong: ' +
      'buat basis data PostgreSQL baru (DATABASE_URL) atau folder data baru (WARTA_DATA_DIR), lalu ulangi.',
    en:
      'The target database is not empty (table {table} already holds data). A restore goes into a new, empty database only: ' +
      'create a new PostgreSQL database (DATABASE_URL) or a new data folder (WARTA_DATA_DIR), then try again.',
  },
  'cli.backup_unknown_table': {
    id: 'Tabel {table} dari cadangan tidak ada di basis data tujuan.',
    en: 'Table {table} of the backup does not exist in the target database.',
  },
  'cli.backup_unknown_columns': {
    id: 'Kolom {columns:list} di tabel {table} dari cadangan tidak ada di basis data tujuan.',
    en: 'Columns {columns:list} of table {table} in the backup do not exist in the target database.',
  },

  // --- warta keys ----------------------------------------------------------------------------------------------
  'cli.keys_usage': {
    id:
      'Pemakaian: warta keys rotate [--instansi SLUG]\n' +
      'Mengenkripsi ulang semua kredensial platform dengan kunci dari WARTA_SECRET saat ini. Rahasia lama diberikan\n' +
      'lewat WARTA_PREVIOUS_SECRET selama rotasi (lihat README, "Mengganti rahasia").',
    en:
      'Usage: warta keys rotate [--instansi SLUG]\n' +
      'Re-encrypts every platform credential under the key of the current WARTA_SECRET. Give the previous secret\n' +
      'in WARTA_PREVIOUS_SECRET during the rotation (see README, "Rotating the secret").',
  },
  'cli.keys_rotated': {
    id: 'Kunci {keyId}: {total} kredensial, {reEncrypted} dienkripsi ulang, {alreadyCurrent} sudah memakai kunci ini.',
    en: 'Key {keyId}: {total} credentials, {reEncrypted} re-encrypted, {alreadyCurrent} already under this key.',
  },
  'cli.keys_rotated_totp': {
    id: 'Rahasia 2FA: {total} pengguna, {reEncrypted} dienkripsi ulang, {alreadyCurrent} sudah memakai rahasia ini.',
    en: '2FA secrets: {total} users, {reEncrypted} re-encrypted, {alreadyCurrent} already under this secret.',
  },
  'cli.keys_unreadable_totp': {
    id: 'Rahasia 2FA pengguna {userId} tidak dapat dibuka; dibiarkan apa adanya (pengguna dapat mendaftar ulang 2FA).',
    en: 'The 2FA secret of user {userId} cannot be opened; left as it is (the user can enrol 2FA again).',
  },
  'cli.keys_unknown_instansi': {
    id: "warta keys: instansi '{slug}' tidak ditemukan.",
    en: "warta keys: no instansi '{slug}'.",
  },
  'cli.keys_unreadable': {
    id: 'Kredensial akun {accountId} (kunci {keyId}) tidak dapat dibuka; dibiarkan apa adanya.',
    en: 'The credentials of account {accountId} (key {keyId}) cannot be opened; left as they are.',
  },
  'cli.keys_unreadable_hint': {
    id: 'Berikan rahasia lama di WARTA_PREVIOUS_SECRET lalu jalankan lagi, atau hubungkan ulang akun tersebut.',
    en: 'Give the previous secret in WARTA_PREVIOUS_SECRET and run again, or reconnect those accounts.',
  },

  // --- warta user ----------------------------------------------------------------------------------------------
  'cli.user_usage': {
    id:
      'Pemakaian:\n' +
      '  warta user create --instansi SLUG --email E --name N --role R --unit KODE [--password P]\n' +
      '  warta user create-instansi --slug SLUG --name NAMA --unit-code KODE --unit-name NAMA_UNIT --admin-email E --admin-name N [--password P]\n' +
      'Tanpa --password, kata sandi sementara dibuat, dicetak sekali, dan wajib diganti saat masuk pertama.',
    en:
      'Usage:\n' +
      '  warta user create --instansi SLUG --email E --name N --role R --unit CODE [--password P]\n' +
      '  warta user create-instansi --slug SLUG --name NAME --unit-code CODE --unit-name UNIT_NAME --admin-email E --admin-name N [--password P]\n' +
      'Without --password a temporary password is made, printed once, and must be changed at first sign-in.',
  },
  'cli.user_missing_options': {
    id: 'warta user: opsi wajib belum diisi: {options:list}',
    en: 'warta user: required options are missing: {options:list}',
  },
  'cli.user_unknown_role': {
    id: "warta user: peran '{role}' tidak dikenal. Pilihan: {roles:list}.",
    en: "warta user: unknown role '{role}'. Choose one of: {roles:list}.",
  },
  'cli.user_created': {
    id: 'Pengguna dibuat: {email} ({role} pada {unit}), id {userId}',
    en: 'User created: {email} ({role} on {unit}), id {userId}',
  },
  'cli.user_temporary_password': {
    id: 'Kata sandi sementara (tampil sekali, wajib diganti saat masuk): {password}',
    en: 'Temporary password (shown once, must be changed at sign-in): {password}',
  },
  'cli.instansi_created': {
    id: 'Instansi dibuat: {slug} (id {instansiId}); admin {email}',
    en: 'Instansi created: {slug} (id {instansiId}); admin {email}',
  },
  'cli.admin_temporary_password': {
    id: 'Kata sandi sementara admin (tampil sekali, wajib diganti saat masuk): {password}',
    en: "The admin's temporary password (shown once, must be changed at sign-in): {password}",
  },
  'cli.admin_two_factor': {
    id: 'Admin wajib mengaktifkan verifikasi dua langkah saat pertama masuk.',
    en: 'The admin must turn on two-step verification at first sign-in.',
  },

  // --- classify, check, hoax match (stderr only: stdout is the JSON Lines contract) ----------------------------
  'cli.line_not_json': {
    id: 'baris {line}: bukan JSON yang sah ({reason}); perbaiki atau hapus baris ini',
    en: 'line {line}: not valid JSON ({reason}); fix or remove this line',
  },
  'cli.line_invalid': { id: 'baris {line}: {issues}', en: 'line {line}: {issues}' },
  'cli.lines_failed': {
    id: '{command}: {count} baris gagal diproses (lihat pesan di atas)',
    en: '{command}: {count} lines failed (see the messages above)',
  },
  'cli.classify_usage': {
    id:
      'Pemakaian: warta classify < masukan.jsonl\n' +
      'Masukan: satu objek JSON per baris {"id", "text"}. Keluaran: satu baris per masukan, urutan sama:\n' +
      '{"id", "sentiment": {"label","score"}, "abusive": {"label","score"}, ' +
      '"hate_speech": {"label","score","target","category"}, "intent": {"label","score"}}',
    en:
      'Usage: warta classify < input.jsonl\n' +
      'Input: one JSON object per line {"id", "text"}. Output: one line per input, in the same order:\n' +
      '{"id", "sentiment": {"label","score"}, "abusive": {"label","score"}, ' +
      '"hate_speech": {"label","score","target","category"}, "intent": {"label","score"}}',
  },
  'cli.check_usage': {
    id:
      'Pemakaian: warta check [--claims KLAIM.jsonl | --instansi KODE] < draf.jsonl\n' +
      '--instansi: klaim aktif basis pengetahuan hoaks instansi itu (DATABASE_URL, atau folder data Warta).\n' +
      'Tanpa keduanya: basis pengetahuan instansi satu-satunya di basis data itu, bila hanya ada satu.\n' +
      'Masukan: {"id", "platform", "text"} per baris; platform: {platforms:list}.\n' +
      'Keluaran: {"id", "findings": [{"code", "severity", "start", "end", "message"}]} per baris, urutan sama.',
    en:
      'Usage: warta check [--claims CLAIMS.jsonl | --instansi SLUG] < drafts.jsonl\n' +
      '--instansi: the active claims of that agency’s hoax knowledge base (DATABASE_URL, or Warta’s data folder).\n' +
      'Without either: the knowledge base of the only instansi in that database, when there is just one.\n' +
      'Input: {"id", "platform", "text"} per line; platform: {platforms:list}.\n' +
      'Output: {"id", "findings": [{"code", "severity", "start", "end", "message"}]} per line, in the same order.',
  },
  'cli.check_hoax_off': {
    id:
      'warta check: pemeriksaan hoaks TIDAK aktif (tanpa --claims atau --instansi, dan tidak ada basis data Warta ' +
      'yang dapat dibaca). Aktifkan dengan --claims KLAIM.jsonl (satu objek {"id", "claim", "fact"} per baris) ' +
      'atau --instansi KODE (basis pengetahuan hoaks instansi itu; DATABASE_URL, atau folder data Warta).',
    en:
      'warta check: the hoax check is OFF (no --claims or --instansi, and no Warta database it can read). ' +
      'Turn it on with --claims CLAIMS.jsonl (one {"id", "claim", "fact"} object per line) or --instansi SLUG ' +
      '(that instansi’s hoax knowledge base; DATABASE_URL, or Warta’s data folder).',
  },
  'cli.check_hoax_off_no_instansi': {
    id:
      'warta check: pemeriksaan hoaks TIDAK aktif: basis data Warta belum berisi instansi. Aktifkan dengan ' +
      '--claims KLAIM.jsonl (satu objek {"id", "claim", "fact"} per baris).',
    en:
      'warta check: the hoax check is OFF: the Warta database holds no instansi yet. Turn it on with ' +
      '--claims CLAIMS.jsonl (one {"id", "claim", "fact"} object per line).',
  },
  'cli.check_hoax_off_several': {
    id:
      'warta check: pemeriksaan hoaks TIDAK aktif: basis data berisi beberapa instansi. Pilih satu dengan ' +
      '--instansi KODE: {slugs:list}.',
    en:
      'warta check: the hoax check is OFF: the database holds several instansi. Choose one with ' +
      '--instansi SLUG: {slugs:list}.',
  },
  'cli.check_instansi_default': {
    id: 'warta check: pemeriksaan hoaks memakai basis pengetahuan instansi {slug} (klaim aktif: {count}).',
    en: 'warta check: the hoax check uses the knowledge base of instansi {slug} (active claims: {count}).',
  },
  'cli.hoax_usage': {
    id:
      'Pemakaian: warta hoax match (--claims KLAIM.jsonl | --instansi KODE) < teks.jsonl\n' +
      'KLAIM.jsonl: satu objek per baris {"id", "claim", "fact"}, boleh dengan "variants" dan "keywords" (daftar teks).\n' +
      'Masukan: {"id", "text"} per baris.\n' +
      'Keluaran: {"id", "match": "<id klaim>" | null, "score"} per baris, urutan sama dengan masukan.',
    en:
      'Usage: warta hoax match (--claims CLAIMS.jsonl | --instansi SLUG) < texts.jsonl\n' +
      'CLAIMS.jsonl: one object per line {"id", "claim", "fact"}, optionally with "variants" and "keywords" (lists of text).\n' +
      'Input: {"id", "text"} per line.\n' +
      'Output: {"id", "match": "<claim id>" | null, "score"} per line, in the order of the input.',
  },
  'cli.hoax_unknown_subcommand': {
    id: "warta hoax: sub-perintah tidak dikenal '{name}'.",
    en: "warta hoax: unknown sub-command '{name}'.",
  },
  'cli.hoax_claims_required': {
    id: 'warta hoax match: isi --claims BERKAS atau --instansi KODE.',
    en: 'warta hoax match: give --claims FILE or --instansi SLUG.',
  },
  'cli.claims_file_missing': {
    id: '{command}: --claims perlu nama berkas',
    en: '{command}: --claims needs a file name',
  },
  'cli.claims_unreadable': {
    id: '{command}: berkas klaim {file} tidak dapat dibaca ({reason})',
    en: '{command}: the claims file {file} cannot be read ({reason})',
  },
  'cli.claims_line_invalid': {
    id: '{file} baris {line}: {reason}',
    en: '{file} line {line}: {reason}',
  },

  // --- warta nlp (developer tool) ------------------------------------------------------------------------------
  'cli.nlp_usage': {
    id:
      'Pemakaian:\n' +
      '  warta nlp train [--seed N] [--out folder] [--include-noncommercial]\n' +
      '                                             latih ulang semua model (bawaan: src/nlp/models, hanya data\n' +
      '                                             yang boleh dipakai komersial; --include-noncommercial perlu --out)\n' +
      '  warta nlp eval [--only {protocols}] [--seed N]\n' +
      '                                             ukur model dengan protokol BASELINES.md dan data uji in-domain\n' +
      '  warta nlp feedback export [--instansi <kode>] [--out berkas]\n' +
      '                                             penilaian operator atas kecocokan hoaks sebagai pasangan latih (JSON Lines)\n' +
      'Data: ../shared/data (atau WARTA_NLP_DATA) dan corpus/gov-comments.',
    en:
      'Usage:\n' +
      '  warta nlp train [--seed N] [--out folder] [--include-noncommercial]\n' +
      '                                             retrain every model (default: src/nlp/models, only data that\n' +
      '                                             allows commercial use; --include-noncommercial needs --out)\n' +
      '  warta nlp eval [--only {protocols}] [--seed N]\n' +
      '                                             measure the models with the BASELINES.md protocols and in-domain test data\n' +
      '  warta nlp feedback export [--instansi <code>] [--out file]\n' +
      "                                             operators' verdicts on hoax matches as training pairs (JSON Lines)\n" +
      'Data: ../shared/data (or WARTA_NLP_DATA) and corpus/gov-comments.',
  },
  'cli.nlp_seed_invalid': {
    id: 'warta nlp: --seed harus bilangan bulat',
    en: 'warta nlp: --seed must be a whole number',
  },
  'cli.nlp_unknown_protocols': {
    id: 'warta nlp eval: protokol tidak dikenal: {protocols:list}',
    en: 'warta nlp eval: unknown protocols: {protocols:list}',
  },
  'cli.nlp_models_written': {
    id: 'Model ditulis ke {dir} dalam {seconds} s',
    en: 'Models written to {dir} in {seconds} s',
  },
  'cli.nlp_noncommercial_needs_out': {
    id:
      'warta nlp train: --include-noncommercial memerlukan --out <folder> di luar src/nlp/models — model yang ' +
      'di-commit hanya boleh dilatih dengan data yang lisensinya mengizinkan penggunaan komersial',
    en:
      'warta nlp train: --include-noncommercial needs --out <folder> outside src/nlp/models — the committed ' +
      'models may only be trained on data whose licence allows commercial use',
  },
  'cli.nlp_noncommercial_licence': {
    id:
      'LISENSI: model abusive dan hate-speech akan dilatih juga dengan Ibrohim & Budi 2019 (CC BY-NC-SA 4.0: ' +
      'atribusi, NonKomersial, BerbagiSerupa). Penerapan berbayar atau kontrak vendor adalah penggunaan komersial: ' +
      'mintalah izin penulisnya (okkyibrohim@cs.ui.ac.id) atau pakai model bawaan. Kartu model di {dir} ' +
      'mencatat lisensi ini. Pakai model ini dengan WARTA_NLP_MODELS={dir}.',
    en:
      'LICENCE: the abusive and hate-speech models will also be trained on Ibrohim & Budi 2019 (CC BY-NC-SA 4.0: ' +
      'attribution, NonCommercial, ShareAlike). A paid deployment or a vendor contract is commercial use: ask the ' +
      "authors' permission (okkyibrohim@cs.ui.ac.id) or use the committed models. The model cards in {dir} record " +
      'this licence. Use these models with WARTA_NLP_MODELS={dir}.',
  },
  'cli.nlp_done': { id: 'Selesai dalam {seconds} s', en: 'Done in {seconds} s' },
})
