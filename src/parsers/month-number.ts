const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The month (1-12) an English abbreviation (`Jan` ... `Dec`) names, 0 for none (utcMillis refuses it). */
export function monthNumber(abbreviation: string): number {
  return MONTHS.indexOf(abbreviation) + 1;
}
