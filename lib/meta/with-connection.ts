import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { metaAccounts, type MetaAccount } from "@/db/schema";
import { PermanentJobError, RetryLater } from "@/lib/jobs/errors";
import { graphApiFor, markNeedsReconnect } from "./connections";
import { MetaApiError } from "./errors";
import type { GraphApi } from "./graph-api";
import { accountPauseSeconds, recordUsage } from "./usage-store";

/**
 * How background work talks to Meta for one connection: refuses to start on a
 * connection that needs reconnecting, waits (as a delayed re-delivery) while the
 * ad account is near its rate limit, and turns Meta's answers into job outcomes:
 * a token error marks the connection and stops for good (never a retry loop),
 * throttling becomes RetryLater, a bad request fails with Meta's message.
 */
export async function withMetaConnection<T>(
  metaAccountId: string,
  options: { adAccountId?: string },
  work: (api: GraphApi, connection: MetaAccount) => Promise<T>,
): Promise<T> {
  const [connection] = await db.select().from(metaAccounts).where(eq(metaAccounts.id, metaAccountId));
  if (!connection) throw new PermanentJobError("The Meta connection was removed.");
  if (connection.status !== "active") throw new PermanentJobError("The Meta connection needs to be reconnected in Settings.");
  if (options.adAccountId) {
    const wait = await accountPauseSeconds(connection.userId, options.adAccountId);
    if (wait > 0) throw new RetryLater(wait, "Waiting for Meta's rate limit on this ad account to recover");
  }
  const api = graphApiFor(connection);
  api.onUsage = (usage) => void recordUsage(connection.userId, usage);
  try {
    return await work(api, connection);
  } catch (error) {
    if (!(error instanceof MetaApiError)) throw error;
    if (error.kind === "auth") {
      await markNeedsReconnect(connection.id, error.userMessage, connection.accessToken);
      throw new PermanentJobError(error.userMessage);
    }
    if (error.kind === "rate_limited") throw new RetryLater(error.details.retryAfterSeconds ?? 300, error.userMessage);
    if (error.kind === "permission" || error.kind === "invalid_request") throw new PermanentJobError(error.userMessage);
    throw error;
  }
}
