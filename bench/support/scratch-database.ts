import postgres from "postgres";
import { onExit } from "./on-exit";

/** The server benches create their scratch databases on, unless told otherwise. */
export const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * A throwaway PostgreSQL database next to the one `adminUrl` names, dropped
 * (connections and all) when the bench ends, however it ends, unless `keep`.
 */
export async function createScratchDatabase(name: string, options: { adminUrl?: string; keep?: boolean } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const adminUrl = options.adminUrl ?? DEFAULT_ADMIN_URL;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    if (!options.keep) await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  onExit(drop);
  return { url: url.toString(), drop };
}
