import "server-only";
import { z } from "zod";
import { renewExpiringTokens, validateTokens } from "@/lib/meta/token-lifecycle";
import { defineJob } from "../define-job";

export const metaTokenCheck = defineJob({
  name: "meta.token-check",
  schema: z.object({}).passthrough(),
  async run(context) {
    return context.step("renew-expiring", () => renewExpiringTokens());
  },
});

export const metaTokenRefresh = defineJob({
  name: "meta.token-refresh",
  schema: z.object({}).passthrough(),
  async run(context) {
    return context.step("validate-all", () => validateTokens());
  },
});
