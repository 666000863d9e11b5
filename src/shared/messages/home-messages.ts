// The home page's "what needs attention": its settings and the lists behind its counts.
import { defineMessages } from './define-messages.ts'

export const homeMessages = defineMessages({
  'home.rotation_days_invalid': {
    id: 'Periode penggantian kata sandi akun resmi harus {minimum}–{maximum} hari.',
    en: 'The password-change period of official accounts must be {minimum}–{maximum} days.',
  },
  'home.rotation_days_field': {
    id: 'Bilangan bulat {minimum}–{maximum}.',
    en: 'A whole number from {minimum} to {maximum}.',
  },
})
