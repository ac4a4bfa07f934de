import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/common/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { liveOverview } from "@/lib/operations/live";
import { operationsOverview } from "@/lib/operations/overview";

export const metadata: Metadata = { title: "Operations" };

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** Admin → Operations: operators only; everyone else gets the same 404 as a page that does not exist. */
export default async function OperationsPage() {
  const user = await getSessionUser();
  if (user?.role !== "operator") notFound();
  const [overview, live] = await Promise.all([operationsOverview(), liveOverview()]);
  const ms = (value: number | null) => (value === null ? "—" : `${Math.round(value)} ms`);
  return (
    <>
      <PageHeader title="Operations" description="Jobs, AI and syncs across all users. Per-process counters are at /api/metrics." />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Requests, last 5 minutes (this server)</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-1 text-sm" data-testid="requests">
            <p>
              {live.requests.requests} requests · p50 {ms(live.requests.p50Ms)} · p95 {ms(live.requests.p95Ms)} ·{" "}
              <span className={live.requests.errorRate > 0.01 ? "text-destructive" : ""}>errors {percent(live.requests.errorRate)}</span>
            </p>
            <p className="text-muted-foreground text-xs">Slowest routes (p95):</p>
            <ul className="grid gap-1">
              {live.requests.slowest.map((row) => (
                <li key={row.route} className="flex justify-between gap-2">
                  <span className="truncate font-mono text-xs">{row.route}</span>
                  <span className="tabular-nums">
                    {row.requests} · {ms(row.p95Ms)}
                  </span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Meta usage by ad account (latest reading)</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-1 text-sm">
            {live.metaUsage.map((row) => (
              <p key={row.adAccount} className="flex justify-between gap-2">
                <span className="font-mono text-xs">{row.adAccount}</span>
                <span className={row.percent >= 85 ? "text-destructive tabular-nums" : "tabular-nums"}>{row.percent}%</span>
              </p>
            ))}
            {live.metaUsage.length === 0 && <p className="text-muted-foreground">No Graph calls on this server yet.</p>}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Job backlog</CardTitle>
          </CardHeader>
          <CardContent>
            <table className="w-full text-sm" data-testid="backlog">
              <thead>
                <tr className="text-muted-foreground text-left text-xs">
                  <th className="py-1">Job</th>
                  <th>Queued</th>
                  <th>Waiting</th>
                  <th>Running</th>
                  <th>Oldest</th>
                </tr>
              </thead>
              <tbody>
                {overview.backlog.map((row) => (
                  <tr key={row.kind} className="border-t">
                    <td className="py-1 font-mono text-xs">{row.kind}</td>
                    <td>{row.queued}</td>
                    <td>{row.waiting}</td>
                    <td>{row.running}</td>
                    <td>{row.oldestMinutes === null ? "—" : `${row.oldestMinutes} min`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {overview.backlog.length === 0 && <p className="text-muted-foreground text-sm">Nothing waiting.</p>}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Jobs in the last 24 hours</CardTitle>
          </CardHeader>
          <CardContent>
            <table className="w-full text-sm">
              <thead>
                <tr className="text-muted-foreground text-left text-xs">
                  <th className="py-1">Job</th>
                  <th>Succeeded</th>
                  <th>Failed</th>
                  <th>Error rate</th>
                </tr>
              </thead>
              <tbody>
                {overview.failures.map((row) => (
                  <tr key={row.kind} className="border-t">
                    <td className="py-1 font-mono text-xs">{row.kind}</td>
                    <td>{row.succeeded}</td>
                    <td>{row.failed}</td>
                    <td className={row.errorRate > 0.01 ? "text-destructive" : ""}>{percent(row.errorRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>AI, last 24 hours</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-1 text-sm">
            <p>
              {overview.ai.calls} calls · p50 {overview.ai.p50Ms ?? "—"} ms · p95 {overview.ai.p95Ms ?? "—"} ms · errors {percent(overview.ai.errorRate)} · ${Number(overview.ai.costUsd).toFixed(2)}
            </p>
            <p className="text-muted-foreground text-xs">Top spend, last 30 days:</p>
            <ul className="grid gap-1">
              {overview.aiSpendByUser.map((row) => (
                <li key={row.email} className="flex justify-between gap-2">
                  <span className="truncate">{row.email}</span>
                  <span className="tabular-nums">
                    {row.calls} calls · ${Number(row.costUsd).toFixed(2)}
                  </span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Ad account syncs</CardTitle>
          </CardHeader>
          <CardContent className="text-sm">
            {overview.syncs.map((row) => (
              <p key={row.status}>
                {row.status}: {row.accounts}
              </p>
            ))}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
