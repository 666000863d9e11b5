/** A match inside the checked text: UTF-16 offsets, as JavaScript strings index, end exclusive. */
export interface DetectorSpan {
  start: number
  end: number
}
