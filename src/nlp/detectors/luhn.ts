/** Standard Luhn (weights 1, 2, 1, … counted from the rightmost digit, which is the check digit). */
export function passesLuhn(digits: string): boolean {
  let sum = 0
  for (let index = 0; index < digits.length; index += 1) {
    let value = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) {
      value *= 2
      if (value > 9) value -= 9
    }
    sum += value
  }
  return digits.length > 0 && sum % 10 === 0
}
