// CI: fails when the browser run's output (Playwright plus the app server's logs)
// contains a secret: the known ones of that run or anything shaped like a token.
//   tsx scripts/check-log-secrets.ts <log file> <DATA_DIR>
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { findSecrets } from "../lib/observability/secret-scan";

const [logFile, dataDir] = process.argv.slice(2);
if (!logFile || !dataDir) {
  console.error("usage: check-log-secrets <log file> <DATA_DIR>");
  process.exit(2);
}
const known = [{ name: "e2e password", value: "Harbour-lights-42" }];
const secretsFile = path.join(dataDir, "secrets.json");
if (existsSync(secretsFile)) {
  const secrets = JSON.parse(readFileSync(secretsFile, "utf8")) as { authSecret: string; encryptionKeys: Array<{ id: string; key: string }>; qstashSigningKeys?: { current: string; next: string } };
  known.push({ name: "AUTH_SECRET", value: secrets.authSecret });
  for (const key of secrets.encryptionKeys) known.push({ name: `encryption key ${key.id}`, value: key.key });
  if (secrets.qstashSigningKeys) known.push({ name: "job signing key", value: secrets.qstashSigningKeys.current }, { name: "job signing key", value: secrets.qstashSigningKeys.next });
}
const findings = findSecrets(readFileSync(logFile, "utf8"), known);
if (findings.length > 0) {
  for (const finding of findings) console.error(`${logFile}:${finding.line}: ${finding.what}`);
  process.exit(1);
}
console.log(`No secrets in ${logFile} (${known.length} known values and 3 token shapes checked).`);
