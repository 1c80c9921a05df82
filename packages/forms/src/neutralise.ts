// LOCAL STAND-IN for the shared formula-injection guard ([findings] is adding one, likely
// `neutraliseCell` in @dtts/db): swap this import for it when it lands. A text cell that a
// spreadsheet could take for a formula (= + - @, tab, carriage return) is prefixed with an
// apostrophe, as OWASP's CSV-injection advice says.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
