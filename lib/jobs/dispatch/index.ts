import "server-only";
import { Client } from "@upstash/qstash";
import { env } from "@/lib/env";
import { LocalDispatcher } from "./local-dispatcher";
import { QStashDispatcher } from "./qstash-dispatcher";
import type { Dispatcher } from "./types";

export type { DeliveryEnvelope, Dispatcher } from "./types";

let instance: Dispatcher | undefined;

export function dispatcher(): Dispatcher {
  instance ??= env.QSTASH_TOKEN
    ? new QStashDispatcher(new Client({ token: env.QSTASH_TOKEN, ...(env.QSTASH_URL ? { baseUrl: env.QSTASH_URL } : {}) }))
    : new LocalDispatcher();
  return instance;
}
