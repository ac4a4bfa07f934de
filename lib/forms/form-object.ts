import { formText } from "./form-text";

/**
 * FormData as a plain object for zod: a field sent once is a string, a field
 * sent several times (checkbox groups) an array of strings; files are dropped.
 */
export function formObject(formData: FormData, only?: readonly string[]): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (only && !only.includes(key)) continue;
    const values = formData
      .getAll(key)
      .filter((value): value is string => typeof value === "string")
      .map(formText);
    if (values.length === 0) continue;
    result[key] = values.length === 1 && !key.endsWith("[]") ? values[0]! : values;
  }
  return result;
}
