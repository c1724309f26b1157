// UPC-A: eleven digits and a check digit (odd positions weigh 3, even positions 1, mod 10).
export function upcCheckDigit(elevenDigits) {
  const sum = [...elevenDigits].reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 3 : 1), 0);
  return String((10 - (sum % 10)) % 10);
}

export function isValidUpc(upc) {
  return /^\d{12}$/.test(upc) && upcCheckDigit(upc.slice(0, 11)) === upc[11];
}

/** A valid UPC-A from a manufacturer prefix (six digits) and an item number. */
export function makeUpc(manufacturerPrefix, itemNumber) {
  const body = `0${String(manufacturerPrefix).padStart(5, '0').slice(-5)}${String(itemNumber).padStart(5, '0').slice(-5)}`;
  return body + upcCheckDigit(body);
}
