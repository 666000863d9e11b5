/** One line of the `warta nlp eval` table. */
export interface EvalRow {
  protocol: string
  metric: string
  value: number
  n: number
  note?: string
}
