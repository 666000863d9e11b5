// SLA clocks: reply targets and working hours, PPID cases (UU KIP), SP4N-LAPOR! referrals, reminders and escalations.
import { defineMessages } from './define-messages.ts'

export const slaMessages = defineMessages({
  'sla.targets_invalid': {
    id: 'Periksa jam kerja dan target balasan.',
    en: 'Check the working hours and reply targets.',
  },
  'sla.hours_start': { id: 'Isi jam mulai dengan format JJ:MM.', en: 'Enter the start time as HH:MM.' },
  'sla.hours_range': {
    id: 'Jam selesai harus JJ:MM dan setelah jam mulai; buka sedikitnya satu hari.',
    en: 'The end time must be HH:MM and after the start time; open on at least one day.',
  },
  'sla.target_range': {
    id: 'Target antara 0 dan {max} jam kerja, atau kosong untuk tanpa target.',
    en: 'A target is between 0 and {max} working hours, or empty for none.',
  },
})
