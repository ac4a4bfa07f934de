import "server-only";
import { deployment, env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import "../catalog";
import { LocalDelivery, localDelivery, setLocalDelivery } from "../dispatch/local-dispatcher";
import { LocalCron } from "./local-cron";

const globalCache = globalThis as typeof globalThis & { __adpilotLocalCron?: LocalCron };

/**
 * Started once per server process from instrumentation.ts when QStash is not
 * configured: the local dispatcher delivers job deliveries and the in-process
 * cron fires the schedules.
 */
export function startEmbeddedWorkers(): void {
  if (deployment.jobs !== "local-dispatcher" || env.NEXT_PHASE === "phase-production-build" || localDelivery()) return;
  const delivery = new LocalDelivery({ baseUrl: env.APP_URL });
  setLocalDelivery(delivery);
  delivery.start();
  globalCache.__adpilotLocalCron ??= new LocalCron();
  globalCache.__adpilotLocalCron.start();
  logger.info("embedded job workers started", { baseUrl: env.APP_URL });
}
