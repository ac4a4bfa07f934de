import fc from "fast-check";

/**
 * Shared pieces of the fuzz suites (issue 9): hostile values, hostile forms,
 * what counts as a clear message, and a watch for unhandled rejections. The
 * seed is fixed so a failure reproduces; fast-check prints it with the
 * counterexample either way.
 */
export const FUZZ_SEED = 20_240_909;

export const fuzzRuns = (numRuns: number): fc.Parameters<unknown> => ({ seed: FUZZ_SEED, numRuns });

const HUGE = "x".repeat(100_000);

/** Values chosen to break parsers: empties, numbers that are not, markup, traversal, direction overrides, NUL. */
const NASTY_STRINGS = [
  "",
  " ",
  " \t\n ",
  "\u0000",
  "a\u0000b",
  "1e309",
  "-1e309",
  "-0",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "0.1",
  "9007199254740993",
  "99999999999999999999999",
  "1,5",
  "0x1F",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  '{"__proto__":{"polluted":true}}',
  '[{"assetId":null}]',
  "[object Object]",
  "__proto__",
  "constructor",
  "../../etc/passwd",
  "users/../../secret.png",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "%00%ff",
  "\u202Egnp.exe",
  "\u200F\u05E9\u05DC\u05D5\u05DD",
  "😀👩‍👩‍👧",
  "\uD800",
  "act_1|",
  "|",
  "https://",
  "javascript:alert(1)",
  "http://169.254.169.254/latest/meta-data/",
  "00000000-0000-0000-0000-000000000000",
  "not-a-uuid",
  HUGE,
];

/** Any string a hostile client could put in a field. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.bigInt().map(String) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.uuid() },
  // Control characters inside otherwise ordinary text: PostgreSQL refuses NUL in text and JSON.
  { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom("\u0000", "\u0007", "\u001b[31m", "\r\n", "\uFEFF", "\u2028"), fc.string({ maxLength: 10 })).map((parts) => parts.join("")) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 3 }), fc.integer({ min: 1_000, max: 40_000 })).map(([text, times]) => text.repeat(times)) },
);

/** Keys that are not the action's fields: random names and the ones that poke at object prototypes. */
const strayKey: fc.Arbitrary<string> = fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "$ACTION_ID_x", "[]", "a[]", ""), fc.string({ maxLength: 12 }));

const hostileFile: fc.Arbitrary<File> = fc
  .record({
    bytes: fc.oneof(fc.uint8Array({ maxLength: 256 }), fc.constant(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))),
    name: fc.oneof(fc.constantFrom("logo.png", "", "../../x.png", "a.svg", "clip.mp4"), fc.string({ maxLength: 20 })),
    type: fc.constantFrom("image/png", "image/svg+xml", "video/mp4", "application/octet-stream", "", "text/html"),
  })
  .map(({ bytes, name, type }) => new File([bytes], name, { type }));

/**
 * A form as a hostile client could post it: each of the action's own fields
 * with a value that gets past the first checks, garbage, a file, twice, or
 * not at all; then stray and prototype-named keys.
 */
export function hostileForm(fields: Record<string, fc.Arbitrary<string | File>>): fc.Arbitrary<FormData> {
  const field = (name: string): fc.Arbitrary<Array<[string, string | File]>> => {
    const usable = fields[name]!;
    const any = fc.oneof(usable, hostileString);
    const once = (value: string | File): Array<[string, string | File]> => [[name, value]];
    return fc.oneof(
      { weight: 10, arbitrary: usable.map(once) },
      { weight: 3, arbitrary: hostileString.map(once) },
      { weight: 1, arbitrary: hostileFile.map(once) },
      { weight: 1, arbitrary: fc.tuple(any, any).map(([first, second]) => [...once(first), ...once(second)]) },
      { weight: 1, arbitrary: fc.constant<Array<[string, string | File]>>([]) },
    );
  };
  const stray = fc.array(fc.tuple(strayKey, fc.oneof(hostileString, hostileFile)), { maxLength: 3 });
  return fc.tuple(fc.tuple(...Object.keys(fields).map(field)), stray).map(([known, noise]) => {
    const entries = [...known.flat(), ...noise];
    const form = new FormData();
    for (const [name, value] of entries) form.append(name, value);
    // fast-check prints a failing form by its entries, with long values cut short.
    return Object.defineProperty(form, fc.toStringMethod, { value: () => `FormData ${fc.stringify(entries.map(([name, value]) => [name, shorten(value)]))}` });
  });
}

function shorten(value: string | File): string {
  if (typeof value !== "string") return `<File ${JSON.stringify(value.name)} ${value.type || "no type"} ${value.size} bytes>`;
  return value.length > 120 ? `${value.slice(0, 40)}…(${value.length} characters)` : value;
}

/** What a client could send where an action takes plain values (its previous state, an id). */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, null, {}, [], { status: "idle" }, { __proto__: { status: "error" } }, JSON.parse('{"__proto__":{"polluted":true}}')),
  hostileString,
  fc.anything({ maxDepth: 2, withNullPrototype: true, withMap: true, withSet: true, withDate: true, withBigInt: true }),
);

/**
 * What a forged request (React's encodeReply, sent with a Next-Action header)
 * can put where an action expects FormData: any serializable value, including
 * lookalikes with the form's own field names, a Map (which has a working
 * `get`), a Blob and an object whose `get` is not a function.
 */
export function notAForm(names: readonly string[]): fc.Arbitrary<unknown> {
  const name = names.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...names) }, strayKey) : strayKey;
  const entries = fc.array(fc.tuple(name, hostileString), { maxLength: 4 });
  return fc.oneof(
    fc.constantFrom(undefined, null, "", 0, true, [], {}, { get: "id" }, { getAll: [] }, new Blob(["id=1"]), new Date(0)),
    hostileString,
    entries.map((pairs) => Object.fromEntries(pairs)),
    entries,
    entries.map((pairs) => new Map(pairs)),
    entries.map((pairs) => new Set(pairs.map(([key]) => key))),
    fc.anything({ maxDepth: 2, withNullPrototype: true, withMap: true, withSet: true, withDate: true, withBigInt: true, withTypedArray: true }),
  );
}

/** An action's FormData argument: usually a hostile form, sometimes a forged value that is no form at all. */
export function formArgument(fields: Record<string, fc.Arbitrary<string | File>>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: hostileForm(fields) }, { weight: 1, arbitrary: notAForm(Object.keys(fields)) });
}

const INTERNALS = /TypeError|ReferenceError|RangeError|SyntaxError|ZodError|\bundefined\b|\bnull\b|\bNaN\b|\[object \w+\]|\n\s+at |Invalid input|expected \w+, received \w+/g;

/**
 * Why `message` is not a clear sentence for a person, or null when it is: not
 * empty, ends like a sentence, and shows no internals (error class names,
 * stack frames, zod's default wording, a stray "undefined"), unless that text
 * was in what the caller sent (`sent`) and is only being echoed back.
 */
export function unclearMessage(message: unknown, sent = "", { sentence = true } = {}): string | null {
  if (typeof message !== "string") return `not a string: ${String(message)}`;
  const text = message.trim();
  if (text.length === 0) return "empty";
  const leaked = [...text.matchAll(INTERNALS)].map((match) => match[0]).filter((found) => !sent.includes(found));
  if (leaked.length > 0) return `shows internals (${leaked.join(", ")}): ${text.slice(0, 300)}`;
  if (sentence && !/[.!?)”"]$/.test(text)) return `does not end like a sentence: ${text.slice(0, 300)}`;
  return null;
}

/** Every message in a form state or result object: `message`, `error`, and each field error. */
export function messagesIn(value: unknown): string[] {
  if (!value || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  const messages: unknown[] = [];
  if ("message" in record) messages.push(record.message);
  if ("error" in record && typeof record.error !== "object") messages.push(record.error);
  if (record.error && typeof record.error === "object" && "message" in record.error) messages.push((record.error as { message: unknown }).message);
  if (record.fieldErrors && typeof record.fieldErrors === "object") messages.push(...Object.values(record.fieldErrors));
  return messages.map((message) => (typeof message === "string" ? message : String(message)));
}

/** Process-wide watch for promises rejected with nobody listening, started before the fuzzing and read after it. */
export function watchUnhandledRejections(): { stop(): unknown[] } {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on("unhandledRejection", listener);
  return {
    stop() {
      process.off("unhandledRejection", listener);
      return seen;
    },
  };
}

// ---- Requests to route handlers -------------------------------------------------------

/** Header values as they reach a handler: printable ASCII (anything else is refused by the HTTP layer first). */
const headerText: fc.Arbitrary<string> = hostileString.map((text) => text.replace(/[^\x20-\x7e]/g, "").slice(0, 8_000));

/** Junk in front (which the rate limiter must ignore) and usually a fresh address at the end, so per-IP limits rarely cut a run short. */
const forwardedFor: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.oneof(fc.ipV4(), fc.ipV6(), headerText), fc.ipV4()).map(([junk, address]) => `${junk}, ${address}`) },
  { weight: 1, arbitrary: headerText },
);

const CONTENT_TYPES = [
  "application/json",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=nope",
  "text/plain",
  "application/octet-stream",
  "image/png",
  "application/json; charset=utf-16",
  ";;;",
];

const MEGABYTE = 1024 * 1024;
const hugeBodies = [new Uint8Array(MEGABYTE).fill(0x7b), `{"signed_request":"${"a".repeat(MEGABYTE)}"}`, `signed_request=${"b".repeat(MEGABYTE)}`];

/** What a route receives: a plain description, made into a fresh Request for every call (a body can be read once). */
export type RequestSpec = { method: string; url: string; headers: Array<[string, string]>; body?: string | Uint8Array<ArrayBuffer> | FormData };

export type RequestShape = {
  method: string;
  /** The path, with any dynamic segments already chosen. */
  path: fc.Arbitrary<string>;
  /** Query parameters the handler reads, with values that get past its first checks. */
  query?: Record<string, fc.Arbitrary<string>>;
  /** Body fields it reads (sent as a form, urlencoded or JSON). */
  body?: Record<string, fc.Arbitrary<string | File>>;
  /** Headers it reads, with meaningful values. */
  headers?: Record<string, fc.Arbitrary<string>>;
  /** How the handler expects its body fields; that encoding is sent half the time, so the fields get read at all. */
  encoding?: "form" | "urlencoded" | "json";
};

function hostileQuery(fields: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const entries = fc.tuple(...Object.entries(fields).map(([name, value]) => fc.option(fc.tuple(fc.constant(name), fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: hostileString })), { freq: 4 })));
  const stray = fc.array(fc.tuple(strayKey, hostileString), { maxLength: 2 });
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(entries, stray).map(([known, noise]) => new URLSearchParams([...known.filter((entry) => entry !== null), ...noise].map(([name, value]) => [name, value.slice(0, 20_000)])).toString()) },
    // Raw query text that no URLSearchParams would write: broken escapes, bare separators.
    { weight: 1, arbitrary: fc.constantFrom("%", "%E0%A4%A", "a=%zz&&&=&", "=", "&", "a[b][c]=1", "__proto__[x]=1", `q=${"%41".repeat(20_000)}`) },
  );
}

function hostileBody(fields: Record<string, fc.Arbitrary<string | File>>, encoding?: RequestShape["encoding"]): fc.Arbitrary<RequestSpec["body"]> {
  const names = Object.keys(fields);
  const values = fc.tuple(...names.map((name) => fc.option(fc.oneof({ weight: 4, arbitrary: fields[name]! }, { weight: 1, arbitrary: hostileString }), { freq: 4 })));
  const pairs = values.map((chosen) => names.flatMap((name, index) => (chosen[index] === null ? [] : [[name, chosen[index]!] as [string, string | File]])));
  const text = (value: string | File) => (typeof value === "string" ? value : value.name);
  const encoded = {
    urlencoded: pairs.map((entries) => new URLSearchParams(entries.map(([name, value]) => [name, text(value)])).toString()),
    json: pairs.map((entries) => JSON.stringify(Object.fromEntries(entries.map(([name, value]) => [name, text(value)])))),
    form: pairs.map((entries) => {
      const form = new FormData();
      for (const [name, value] of entries) form.append(name, value);
      return form;
    }),
  };
  return fc.oneof(
    ...(encoding ? [{ weight: 8, arbitrary: encoded[encoding] }] : []),
    fc.constant(undefined),
    fc.uint8Array({ maxLength: 512 }),
    hostileString,
    fc.json({ maxDepth: 3 }),
    fc.constantFrom('{"a":', "[", "null", '"', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"x":1}}}'),
    fc.constantFrom(...hugeBodies),
    encoded.urlencoded,
    encoded.json,
    encoded.form,
  );
}

const CONTENT_TYPE_FOR = { form: undefined, urlencoded: "application/x-www-form-urlencoded", json: "application/json" } as const;

/** A request as a hostile client could send it to one handler: its own parameters and junk, odd headers, any body. */
export function hostileRequest(shape: RequestShape): fc.Arbitrary<RequestSpec> {
  const known = Object.entries(shape.headers ?? {}).map(([name, value]) => fc.option(fc.tuple(fc.constant(name), fc.oneof(value, headerText)), { freq: 3 }));
  const headers = fc.tuple(
    forwardedFor,
    fc.option(fc.constantFrom(...CONTENT_TYPES), { freq: 2 }),
    fc.tuple(...known),
    fc.array(fc.tuple(fc.constantFrom("cookie", "authorization", "range", "upstash-signature", "accept", "x-real-ip", "content-encoding", "origin"), headerText), { maxLength: 2 }),
  );
  return fc
    .record({
      path: shape.path,
      query: hostileQuery(shape.query ?? {}),
      headers,
      body: shape.method === "GET" || shape.method === "HEAD" ? fc.constant(undefined) : hostileBody(shape.body ?? {}, shape.encoding),
    })
    .map(({ path, query, headers: [forwarded, junkType, chosen, noise], body }) => {
      // The right content type for the body (a FormData sets its own) unless junk replaced it.
      const rightType = typeof body === "string" && shape.encoding ? CONTENT_TYPE_FOR[shape.encoding] : undefined;
      const contentType = junkType ?? rightType;
      const spec: RequestSpec = {
        method: shape.method,
        url: `http://127.0.0.1:39017${path}${query ? `?${query}` : ""}`,
        headers: [["x-forwarded-for", forwarded], ...(contentType ? [["content-type", contentType] as [string, string]] : []), ...chosen.filter((entry) => entry !== null), ...noise],
        body,
      };
      return Object.defineProperty(spec, fc.toStringMethod, {
        value: () => `${spec.method} ${spec.url.slice(0, 300)} headers=${fc.stringify(spec.headers.map(([name, value]) => [name, value.slice(0, 80)]))} body=${describeBody(spec.body)}`,
      });
    });
}

function describeBody(body: RequestSpec["body"]): string {
  if (body === undefined) return "none";
  if (body instanceof FormData) return `FormData ${fc.stringify([...body.entries()].map(([name, value]) => [name, shorten(value)]))}`;
  if (body instanceof Uint8Array) return `<${body.byteLength} bytes>`;
  return JSON.stringify(shorten(body));
}

export function toRequest(spec: RequestSpec): Request {
  const headers = new Headers();
  for (const [name, value] of spec.headers) headers.append(name, value);
  return new Request(spec.url, { method: spec.method, headers, body: spec.body });
}

/** Everything a request carried, as text: what a message may legitimately echo back. */
export function sentText(spec: RequestSpec): string {
  const body = spec.body instanceof FormData ? [...spec.body.values()].filter((value) => typeof value === "string").join("\n") : typeof spec.body === "string" ? spec.body : "";
  return [safeDecode(spec.url), ...spec.headers.map(([, value]) => value), body, safeDecode(body)].join("\n");
}

/** Everything an action was called with, as text. */
export function argsText(args: unknown[]): string {
  return args
    .map((arg) => (arg instanceof FormData ? [...arg.values()].filter((value) => typeof value === "string").join("\n") : fc.stringify(arg)))
    .join("\n");
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}
