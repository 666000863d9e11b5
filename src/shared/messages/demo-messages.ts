// The demo instansi ("Coba dengan data contoh", `warta demo`) and Mode Latihan per user.
import { defineMessages } from './define-messages.ts'

export const demoMessages = defineMessages({
  'demo.deployment_not_empty': {
    id: 'Data contoh hanya dapat dibuat pada instalasi yang masih kosong; instalasi ini sudah memiliki instansi.',
    en: 'Demo data can only be loaded into an empty deployment; this deployment already has an instansi.',
  },
  'posts.training_sandbox_only': {
    id: 'Anda sedang dalam Mode Latihan: unggahan hanya boleh ditujukan ke akun sandbox, bukan ke akun resmi sungguhan.',
    en: 'You are in Mode Latihan (training mode): posts may only target sandbox accounts, not real official accounts.',
  },
  'posts.training_sandbox_only_field': {
    id: '{handle} bukan akun sandbox; dalam Mode Latihan hanya akun sandbox yang boleh dipilih.',
    en: '{handle} is not a sandbox account; in Mode Latihan only sandbox accounts may be chosen.',
  },
  'publishing.training_mode_refused': {
    id: 'Tidak dikirim: penulis unggahan sedang dalam Mode Latihan, jadi unggahan hanya boleh ke akun sandbox.',
    en: 'Not sent: the author of the post is in Mode Latihan, so the post may only go to sandbox accounts.',
  },
  'users.training_mode_on': {
    id: 'Mode Latihan diaktifkan untuk {name}.',
    en: 'Mode Latihan switched on for {name}.',
  },
  'audit.action.user.training_mode': {
    id: 'Mode Latihan pengguna diubah',
    en: 'User training mode (Mode Latihan) changed',
  },
  'audit.action.publishing.training_refused': {
    id: 'Pengiriman unggahan peserta Mode Latihan ke akun non-sandbox ditolak',
    en: "Sending a training-mode user's post to a non-sandbox account refused",
  },
  'audit.action.demo.create': {
    id: 'Data contoh dibuat',
    en: 'Demo data created',
  },
  'cli.help_demo': {
    id: 'mengisi instalasi kosong dengan instansi contoh (unit, pengguna, akun sandbox, unggahan 3 bulan): warta demo',
    en: 'fill an empty deployment with a demo instansi (units, users, sandbox accounts, 3 months of posts): warta demo',
  },
  'cli.demo_usage': {
    id: 'Pemakaian: warta demo [--seed ANGKA]\nMengisi instalasi yang masih kosong dengan data contoh dan mencetak akun masuknya sekali.',
    en: 'Usage: warta demo [--seed NUMBER]\nFills an empty deployment with demo data and prints its sign-ins once.',
  },
  'cli.demo_refused': {
    id: 'Data contoh tidak dibuat: instalasi ini sudah memiliki instansi. Gunakan basis data kosong.',
    en: 'Demo data not loaded: this deployment already has an instansi. Use an empty database.',
  },
  'cli.demo_built': {
    id: 'Data contoh dibuat dalam {seconds} detik: instansi {instansi}, {units} unit, {accounts} akun sandbox, {posts} unggahan ({published} terbit).',
    en: 'Demo data built in {seconds} s: instansi {instansi}, {units} units, {accounts} sandbox accounts, {posts} posts ({published} published).',
  },
  'cli.demo_inbox': {
    id: 'Kotak masuk: {items} pesan warga, {waiting} menunggu jawaban ({pastTarget} lewat target), {ppidCases} kasus PPID, {laporReferrals} rujukan SP4N-LAPOR!.',
    en: 'Inbox: {items} citizen messages, {waiting} waiting for an answer ({pastTarget} past target), {ppidCases} PPID cases, {laporReferrals} SP4N-LAPOR! referrals.',
  },
  'cli.demo_logins': {
    id: 'Akun masuk contoh (kata sandi ini hanya ditampilkan sekali; admin dan penanggung jawab mendaftarkan 2FA saat pertama masuk):',
    en: 'Demo sign-ins (these passwords are shown only once; admin and penanggung jawab enrol 2FA at first sign-in):',
  },
})
