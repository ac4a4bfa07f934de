import { GRAPH_VERSION, type CallContext, type EmulatorContext } from "./context";
import { GraphError, errorBody, expiredToken, transientError } from "./errors";
import type { FaultPlan } from "./faults";
import { InsightsError } from "./insights";
import type { Params } from "./params";
import { accountThrottled, chargeCall, usageHeaders, usageSnapshot, type UseCase } from "./rate-limit";
import { planCall } from "./router";
import { authenticate } from "./tokens";

/** One Graph call, from a plain HTTP request or a batch item. */
export type GraphCall = { method: "GET" | "POST" | "DELETE"; path: string; params: Params; authorization: string | null };

export type GraphResult = {
  status: number;
  /** JSON value, or a raw string for non-JSON failures (fault "http500") */
  body: unknown;
  headers: Record<string, string>;
  /** the ad account the call touched, if any */
  accountId?: string;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Best guess at the account for headers when routing failed before finding it. */
const accountFromPath = (path: string) => /^act_(\d+)/.exec(path)?.[1];
/** Best guess at the use case likewise (report-run reads are only known once routed). */
const guessUseCase = (path: string): UseCase => (/(^|\/)insights$/.test(path) ? "ads_insights" : "ads_management");

export async function executeCall(ctx: EmulatorContext, call: GraphCall): Promise<GraphResult> {
  const plan = ctx.faults.take(call.method, `/${GRAPH_VERSION}/${call.path}`);
  if (plan.delayMs > 0) await sleep(plan.delayMs);
  let accountId = accountFromPath(call.path);
  let useCase = guessUseCase(call.path);
  try {
    if (plan.failure && plan.failure.kind !== "lostResponse") return await injectedFailure(ctx, plan.failure, accountId, useCase);
    const { token, user } = await authenticate(ctx, call.params, call.authorization);
    const callCtx: CallContext = { ...ctx, method: call.method, path: call.path, params: call.params, token, user };
    const planned = await planCall(callCtx);
    accountId = planned.accountId ?? accountId;
    useCase = planned.useCase ?? "ads_management";
    await chargeCall(ctx, planned.accountId, planned.isWrite ?? call.method !== "GET", useCase);
    const body = await planned.run();
    // The work is done (and stored); only the answer goes missing, as when a connection drops.
    if (plan.failure?.kind === "lostResponse") return await injectedFailure(ctx, plan.failure, accountId, useCase);
    return { status: 200, body, headers: usageHeaders(ctx, await usageSnapshot(ctx, accountId, useCase)), accountId };
  } catch (error) {
    const graphError = toGraphError(error);
    return { status: graphError.status, body: errorBody(graphError), headers: usageHeaders(ctx, await usageSnapshot(ctx, accountId, useCase)), accountId };
  }
}

/** The insights module throws its own plain error type; it carries Meta's code, subcode, status and texts. */
function toGraphError(error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  if (error instanceof InsightsError) {
    return new GraphError({
      message: error.message,
      code: error.code,
      subcode: error.subcode,
      type: error.type,
      status: error.status,
      userTitle: error.userTitle,
      userMsg: error.userMsg,
      isTransient: error.isTransient,
    });
  }
  return unexpected(error);
}

function unexpected(error: unknown): GraphError {
  // An emulator bug; surface it loudly in test output while still answering like Graph would.
  console.error("[meta-graph emulator] unexpected error", error);
  return transientError(1);
}

async function injectedFailure(ctx: EmulatorContext, failure: NonNullable<FaultPlan["failure"]>, accountId: string | undefined, useCase: UseCase): Promise<GraphResult> {
  const headers = usageHeaders(ctx, await usageSnapshot(ctx, accountId, useCase));
  switch (failure.kind) {
    case "transient": {
      const error = transientError(failure.code ?? 2);
      return { status: error.status, body: errorBody(error), headers, accountId };
    }
    case "lostResponse": {
      const error = transientError(2);
      return { status: error.status, body: errorBody(error), headers, accountId };
    }
    case "error": {
      const error = new GraphError({
        message: failure.message ?? (failure.userMsg ? "Invalid parameter" : `(#${failure.code}) Injected error`),
        code: failure.code,
        subcode: failure.subcode,
        status: failure.status,
        userTitle: failure.userTitle,
        userMsg: failure.userMsg,
      });
      return { status: error.status, body: errorBody(error), headers, accountId };
    }
    case "http500":
      return { status: 500, body: "<html><body><h1>500 Internal Server Error</h1></body></html>", headers, accountId };
    case "tokenExpired": {
      const now = ctx.now();
      return { status: 400, body: errorBody(expiredToken(new Date(now.getTime() - 1000), now)), headers, accountId };
    }
    case "rateLimit": {
      const regain = failure.regainMinutes ?? 5;
      const usage = { ...(await usageSnapshot(ctx, accountId ?? "0", useCase)), accountPct: 100, bucPct: 100, regainMinutes: regain, resetSeconds: regain * 60 };
      return { status: 400, body: errorBody(accountThrottled()), headers: usageHeaders(ctx, usage), accountId };
    }
  }
}
