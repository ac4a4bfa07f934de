/**
 * A text field's value as it can be stored: without NUL characters, which
 * PostgreSQL refuses in text and JSON columns (the query fails) and which no
 * keyboard types. Only a hand-made request sends them.
 */
export function formText(value: string): string {
  return value.replaceAll("\u0000", "");
}
