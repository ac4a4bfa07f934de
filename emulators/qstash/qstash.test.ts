/**
 * Drives the emulator with the real @upstash/qstash Client and checks its
 * deliveries with the real Receiver, against a small local destination server.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Client, QstashError, Receiver } from "@upstash/qstash";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { signQStashJwt, startQStashEmulator, type QStashEmulator } from "./index";

type Received = { path: string; method: string; headers: IncomingHttpHeaders; body: string };

/** Records every request; answers with the status `statusFor(path)` picks (200 by default). */
async function startDestination() {
  const received: Received[] = [];
  let statusFor: (path: string) => number = () => 200;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ path: req.url ?? "/", method: req.method ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(statusFor(req.url ?? "/")).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path: string) => `${base}${path}`,
    received,
    to: (path: string) => received.filter((request) => request.path === path),
    respondWith(fn: (path: string) => number) {
      statusFor = fn;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const header = (request: Received | undefined, name: string) => {
  const value = request?.headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? "");
};

const clientFor = (emulator: QStashEmulator, token = emulator.token) =>
  // retry: false only disables the client's own network-error retries, so failures surface at once.
  new Client({ token, baseUrl: emulator.url, retry: false, enableTelemetry: false });

const receiverFor = (emulator: QStashEmulator) =>
  new Receiver({ currentSigningKey: emulator.currentSigningKey, nextSigningKey: emulator.nextSigningKey });

const later = (ms: number) => new Date(Date.now() + ms);
const DAY = 86_400_000;

describe("qstash emulator", () => {
  let emulator: QStashEmulator;
  let client: Client;
  let destination: Awaited<ReturnType<typeof startDestination>>;

  beforeAll(async () => {
    emulator = await startQStashEmulator();
    client = clientFor(emulator);
    destination = await startDestination();
  });

  afterAll(async () => {
    await emulator?.close();
    await destination?.close();
  });

  afterEach(async () => {
    // Leave nothing due for the next test; every test uses its own path anyway.
    await emulator.deliverDue(later(400 * DAY));
    destination.respondWith(() => 200);
  });

  it("delivers a published JSON message with a signature the real Receiver accepts", async () => {
    const url = destination.url("/hooks/basic?tenant=7");
    const body = { job: "sync", ids: [1, 2], text: "héllo ✓" };
    const { messageId } = await client.publishJSON({ url, body, headers: { "X-Custom": "abc" } });
    expect(messageId).toMatch(/^msg_/);
    expect(destination.received.filter((request) => request.path.startsWith("/hooks/basic"))).toHaveLength(0);

    await emulator.deliverDue();
    const [delivery, ...more] = destination.to("/hooks/basic?tenant=7");
    expect(more).toHaveLength(0);
    expect(delivery?.method).toBe("POST");
    expect(delivery?.body).toBe(JSON.stringify(body));
    expect(header(delivery, "content-type")).toBe("application/json");
    expect(header(delivery, "x-custom")).toBe("abc");
    expect(header(delivery, "upstash-message-id")).toBe(messageId);
    expect(header(delivery, "upstash-retried")).toBe("0");
    expect(header(delivery, "user-agent")).toBe("Upstash-QStash");

    const signature = header(delivery, "upstash-signature");
    await expect(receiverFor(emulator).verify({ signature, body: delivery?.body ?? "", url })).resolves.toBe(true);
    // Tampering with the body or the URL must fail, so the check above means something.
    await expect(receiverFor(emulator).verify({ signature, body: "{}", url })).rejects.toThrow(/body hash/);
    await expect(receiverFor(emulator).verify({ signature, body: delivery?.body ?? "", url: destination.url("/other") })).rejects.toThrow(
      /invalid subject/,
    );

    const payload = JSON.parse(Buffer.from(signature.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
    expect(payload).toMatchObject({ iss: "Upstash", sub: url });
    expect(payload.body).toMatch(/=$/);
    expect(Number(payload.exp) - Number(payload.iat)).toBe(300);

    expect(emulator.messages().find((message) => message.messageId === messageId)).toMatchObject({
      state: "DELIVERED",
      url,
      headers: { "content-type": "application/json", "x-custom": "abc" },
      attempts: [{ retried: 0, status: 200 }],
    });
  });

  it("respects Upstash-Delay", async () => {
    const url = destination.url("/hooks/delayed");
    await client.publishJSON({ url, body: { n: 1 }, delay: "30s" });

    await emulator.deliverDue();
    await emulator.deliverDue(later(29_000));
    expect(destination.to("/hooks/delayed")).toHaveLength(0);

    await emulator.deliverDue(later(31_000));
    expect(destination.to("/hooks/delayed")).toHaveLength(1);
  });

  it("deduplicates by Upstash-Deduplication-Id and delivers once", async () => {
    const url = destination.url("/hooks/dedup");
    const first = await client.publishJSON({ url, body: { n: 1 }, deduplicationId: "job-42" });
    const second = await client.publishJSON({ url, body: { n: 2 }, deduplicationId: "job-42" });
    expect(first.deduplicated).toBeFalsy();
    expect(second).toMatchObject({ messageId: first.messageId, deduplicated: true });
    expect(emulator.messages().filter((message) => message.deduplicationId === "job-42")).toHaveLength(1);

    await emulator.deliverDue();
    await emulator.deliverDue();
    expect(destination.to("/hooks/dedup").map((request) => request.body)).toEqual([JSON.stringify({ n: 1 })]);
  });

  it("retries a failing destination with Upstash-Retried incremented, then marks it failed", async () => {
    destination.respondWith((path) => (path === "/hooks/broken" ? 500 : 200));
    const url = destination.url("/hooks/broken");
    const { messageId } = await client.publishJSON({ url, body: { n: 1 } });
    const state = () => emulator.messages().find((message) => message.messageId === messageId);

    await emulator.deliverDue();
    expect(state()).toMatchObject({ state: "RETRY", retried: 1 });
    // The backoff (~12s) has not passed yet.
    await emulator.deliverDue();
    expect(destination.to("/hooks/broken")).toHaveLength(1);

    // Backoff is capped at a day, so stepping a couple of days forces each retry.
    for (let step = 1; step <= 5; step++) await emulator.deliverDue(later(step * 2 * DAY));

    // Default maxRetries is 3: the first attempt plus three retries.
    expect(destination.to("/hooks/broken").map((request) => header(request, "upstash-retried"))).toEqual(["0", "1", "2", "3"]);
    expect(state()).toMatchObject({ state: "FAILED", retried: 4 });
    expect(state()?.attempts.map((attempt) => attempt.status)).toEqual([500, 500, 500, 500]);
  });

  it("honours a per-message Upstash-Retries", async () => {
    destination.respondWith(() => 503);
    const url = destination.url("/hooks/retries-1");
    await client.publishJSON({ url, body: {}, retries: 1 });
    for (let step = 0; step <= 3; step++) await emulator.deliverDue(later(step * 2 * DAY));
    expect(destination.to("/hooks/retries-1").map((request) => header(request, "upstash-retried"))).toEqual(["0", "1"]);
  });

  it("creates, upserts, lists, gets and deletes schedules", async () => {
    const url = destination.url("/cron/report");
    const created = await client.schedules.create({
      destination: url,
      cron: "*/5 * * * *",
      scheduleId: "daily-report",
      body: JSON.stringify({ kind: "report" }),
      headers: { "Content-Type": "application/json", "X-Team": "ops" },
      retries: 2,
    });
    expect(created).toEqual({ scheduleId: "daily-report" });

    const updated = await client.schedules.create({ destination: url, cron: "0 4 * * *", scheduleId: "daily-report", body: "{\"kind\":\"v2\"}" });
    expect(updated.scheduleId).toBe("daily-report");

    const listed = await client.schedules.list();
    expect(listed.filter((schedule) => schedule.scheduleId === "daily-report")).toHaveLength(1);
    const schedule = await client.schedules.get("daily-report");
    expect(schedule).toMatchObject({ scheduleId: "daily-report", cron: "0 4 * * *", destination: url, body: "{\"kind\":\"v2\"}", method: "POST" });
    expect(typeof schedule.createdAt).toBe("number");
    expect(schedule.header).toEqual({ "Content-Type": ["application/json"] });

    const generated = await client.schedules.create({ destination: url, cron: "CRON_TZ=Europe/Berlin 0 9 * * 1" });
    expect(generated.scheduleId).toMatch(/^scd_/);

    await client.schedules.delete("daily-report");
    await client.schedules.delete(generated.scheduleId);
    expect((await client.schedules.list()).map((item) => item.scheduleId)).not.toContain("daily-report");
    await expect(client.schedules.get("daily-report")).rejects.toMatchObject({ status: 404 });
    expect(emulator.schedules()).toHaveLength(0);
  });

  it("rejects an invalid cron", async () => {
    await expect(client.schedules.create({ destination: destination.url("/cron/bad"), cron: "every day" })).rejects.toMatchObject({
      status: 400,
    });
  });

  it("triggerSchedules publishes and delivers one signed message per schedule", async () => {
    const url = destination.url("/cron/tick");
    await client.schedules.create({
      destination: url,
      cron: "* * * * *",
      scheduleId: "tick",
      body: "{\"tick\":true}",
      headers: { "Content-Type": "application/json", "X-Source": "cron" },
    });

    await emulator.triggerSchedules();
    const [delivery, ...more] = destination.to("/cron/tick");
    expect(more).toHaveLength(0);
    expect(delivery?.body).toBe("{\"tick\":true}");
    expect(header(delivery, "upstash-schedule-id")).toBe("tick");
    expect(header(delivery, "x-source")).toBe("cron");
    await expect(receiverFor(emulator).verify({ signature: header(delivery, "upstash-signature"), body: delivery?.body ?? "", url })).resolves.toBe(true);
    expect(emulator.schedules()[0]?.lastScheduleTime).toBeInstanceOf(Date);
    await client.schedules.delete("tick");
  });

  it("rejects a wrong token with 401", async () => {
    const intruder = clientFor(emulator, "not-the-token");
    const error: unknown = await intruder.publishJSON({ url: destination.url("/hooks/never"), body: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QstashError);
    expect(error).toMatchObject({ status: 401 });
    expect(String((error as Error).message)).toContain("\"error\"");
    await expect(intruder.schedules.list()).rejects.toMatchObject({ status: 401 });
  });

  it("failNextPublishes makes the next N publishes throw", async () => {
    const url = destination.url("/hooks/outage");
    const before = emulator.messages().length;
    emulator.failNextPublishes(2);
    await expect(client.publishJSON({ url, body: { n: 1 } })).rejects.toMatchObject({ status: 500 });
    await expect(client.publishJSON({ url, body: { n: 2 } })).rejects.toMatchObject({ status: 500 });
    await expect(client.publishJSON({ url, body: { n: 3 } })).resolves.toMatchObject({ messageId: expect.stringMatching(/^msg_/) });
    expect(emulator.messages()).toHaveLength(before + 1);
  });

  it("signQStashJwt produces tokens the Receiver accepts", async () => {
    const url = "https://app.example.com/api/jobs";
    const signature = signQStashJwt({ key: emulator.currentSigningKey, url, body: "payload" });
    await expect(receiverFor(emulator).verify({ signature, body: "payload", url })).resolves.toBe(true);
    const expired = signQStashJwt({ key: emulator.currentSigningKey, url, body: "payload", now: new Date(Date.now() - 3_600_000) });
    await expect(receiverFor(emulator).verify({ signature: expired, body: "payload", url })).rejects.toThrow();
  });
});

describe("qstash emulator signing with the next key", () => {
  it("signs deliveries with nextSigningKey when signWith is 'next'", async () => {
    const emulator = await startQStashEmulator({ signWith: "next", maxRetries: 0 });
    const destination = await startDestination();
    try {
      const url = destination.url("/rotated");
      await clientFor(emulator).publishJSON({ url, body: { rotated: true } });
      await emulator.deliverDue();
      const [delivery] = destination.received;
      const signature = header(delivery, "upstash-signature");
      const body = delivery?.body ?? "";

      // The normal Receiver config falls back to the next key and accepts it…
      await expect(receiverFor(emulator).verify({ signature, body, url })).resolves.toBe(true);
      // …and it really was the next key: the current key alone does not verify it.
      const currentOnly = new Receiver({ currentSigningKey: emulator.currentSigningKey, nextSigningKey: "sig_wrong" });
      await expect(currentOnly.verify({ signature, body, url })).rejects.toThrow();
      const nextOnly = new Receiver({ currentSigningKey: emulator.nextSigningKey, nextSigningKey: "sig_wrong" });
      await expect(nextOnly.verify({ signature, body, url })).resolves.toBe(true);
    } finally {
      await emulator.close();
      await destination.close();
    }
  });

  it("uses the maxRetries option as the default retry budget", async () => {
    const emulator = await startQStashEmulator({ maxRetries: 0 });
    const destination = await startDestination();
    try {
      destination.respondWith(() => 500);
      await clientFor(emulator).publishJSON({ url: destination.url("/once"), body: {} });
      await emulator.deliverDue();
      await emulator.deliverDue(later(2 * DAY));
      expect(destination.received).toHaveLength(1);
      expect(emulator.messages()[0]).toMatchObject({ state: "FAILED", maxRetries: 0 });
    } finally {
      await emulator.close();
      await destination.close();
    }
  });
});
