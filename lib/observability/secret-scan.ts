/**
 * Finds secrets in log text: the values we know (passwords used by a test run,
 * AUTH_SECRET, encryption and signing keys) and anything shaped like a Meta
 * access token or OAuth code. Used by CI on the whole output of the browser
 * run (server logs included), so a log line that leaks one fails the build.
 */
const SHAPES: Array<{ name: string; pattern: RegExp }> = [
  // Meta user and page tokens start with EAA and run to well over 100 characters.
  { name: "Meta access token", pattern: /EAA[A-Za-z0-9]{100,}/ },
  { name: "Meta OAuth code", pattern: /\bAQ[A-Za-z0-9_-]{200,}/ },
  { name: "Google API key", pattern: /AIza[0-9A-Za-z_-]{30,}/ },
];

export type SecretFinding = { what: string; line: number };

export function findSecrets(log: string, known: Array<{ name: string; value: string }>): SecretFinding[] {
  const findings: SecretFinding[] = [];
  const lines = log.split("\n");
  // Short values would match by accident; every real secret here is long.
  const values = known.filter((secret) => secret.value.length >= 12);
  lines.forEach((text, index) => {
    for (const secret of values) if (text.includes(secret.value)) findings.push({ what: secret.name, line: index + 1 });
    for (const shape of SHAPES) if (shape.pattern.test(text)) findings.push({ what: shape.name, line: index + 1 });
  });
  return findings;
}
