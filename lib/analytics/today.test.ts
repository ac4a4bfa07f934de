import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { metaAccounts, metaAdAccounts } from "@/db/schema";
import { createUser } from "@/tests/support/tenancy";
import { reportingToday } from "./today";

describe("the user's reporting day", () => {
  it("is the latest local date among their connected ad accounts, UTC without any", async () => {
    const user = await createUser();
    // 2026-01-20 22:00 UTC: still the 20th in Los Angeles, already the 21st in Sydney.
    const now = new Date("2026-01-20T22:00:00Z");
    expect(await reportingToday(user.id, now)).toBe("2026-01-20");
    const [connection] = await db.insert(metaAccounts).values({ userId: user.id, metaUserId: "1", accessToken: "unused" }).returning();
    const account = (adAccountId: string, timezone: string, connected = true) =>
      db.insert(metaAdAccounts).values({ userId: user.id, metaAccountId: connection!.id, adAccountId, name: adAccountId, currency: "USD", timezone, accountStatus: 1, connected });
    await account("act_1", "America/Los_Angeles");
    expect(await reportingToday(user.id, now)).toBe("2026-01-20");
    await account("act_2", "Australia/Sydney", false);
    expect(await reportingToday(user.id, now)).toBe("2026-01-20");
    await account("act_3", "Australia/Sydney");
    expect(await reportingToday(user.id, now)).toBe("2026-01-21");
  });
});
