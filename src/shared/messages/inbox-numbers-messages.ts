// The inbox's numbers page and its CSV ("Angka kotak masuk").
import { defineMessages } from './define-messages.ts'

export const inboxNumbersMessages = defineMessages({
  'inbox_numbers.bad_period': {
    id: 'Periode harus berakhir pada atau setelah awalnya dan paling lama {max:number} hari.',
    en: 'The period must end on or after its start and span at most {max:number} days.',
  },
})
