/** A server action's FormData parameter is whatever the request serialized (a forged one can send any value), so check before reading it. */
export function isFormData(value: unknown): value is FormData {
  return value instanceof FormData;
}
