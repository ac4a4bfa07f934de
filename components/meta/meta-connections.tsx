import { AlertTriangle, CheckCircle2, Star } from "lucide-react";
import { connectMetaAction, disconnectMetaAction, setDefaultAdAccountAction, toggleAdAccountAction } from "@/app/(app)/settings/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ConnectionView } from "@/lib/meta/connections";
import { CONNECT_MESSAGES } from "./connect-messages";

function Health({ connection }: { connection: ConnectionView }) {
  if (connection.status !== "active") {
    return (
      <span className="text-destructive flex items-center gap-1 text-sm">
        <AlertTriangle className="size-4" aria-hidden /> Needs reconnect{connection.statusReason ? `: ${connection.statusReason}` : ""}
      </span>
    );
  }
  return (
    <span className="text-muted-foreground flex items-center gap-1 text-sm">
      <CheckCircle2 className="text-primary size-4" aria-hidden />
      {connection.expiresInDays === null ? "Access does not expire" : `Access expires in ${connection.expiresInDays} days`}
      {connection.lastCheckedAt && ` · checked ${connection.lastCheckedAt.slice(0, 10)}`}
    </span>
  );
}

export function MetaConnections({
  connections,
  outcome,
  missingScopes,
  limit,
  sandbox,
}: {
  connections: ConnectionView[];
  outcome?: string;
  missingScopes?: string;
  limit: number;
  sandbox: boolean;
}) {
  const message = outcome ? CONNECT_MESSAGES[outcome] : undefined;
  const connectedCount = connections.flatMap((connection) => connection.adAccounts).filter((account) => account.connected).length;
  return (
    <div className="grid gap-4">
      {message && (
        <Alert variant={message.tone === "error" ? "destructive" : "default"} role="status">
          <AlertDescription>
            {message.text}
            {outcome === "missing" && missingScopes && <span className="block">Missing: {missingScopes.replace(/[^a-z_,]/g, "").split(",").join(", ")}</span>}
          </AlertDescription>
        </Alert>
      )}
      {sandbox && (
        <p className="text-muted-foreground text-sm">
          <Badge variant="outline" className="mr-2">
            Sandbox
          </Badge>
          No Meta app is configured, so connecting uses AdPilot&apos;s sandbox: simulated ad accounts and data, nothing is spent.
        </p>
      )}
      {connections.map((connection) => (
        <div key={connection.id} className="rounded-lg border p-4" data-testid="meta-connection">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <div className="flex items-center gap-2 font-medium">
                {connection.name}
                {connection.sandbox && <Badge variant="outline">Sandbox: simulated Meta data</Badge>}
              </div>
              <Health connection={connection} />
            </div>
            <div className="flex gap-2">
              {connection.status !== "active" && (
                <form action={connectMetaAction}>
                  <Button size="sm">Reconnect</Button>
                </form>
              )}
              <form action={disconnectMetaAction}>
                <input type="hidden" name="id" value={connection.id} />
                <Button size="sm" variant="outline">
                  Disconnect
                </Button>
              </form>
            </div>
          </div>
          <ul className="mt-4 divide-y rounded-md border">
            {connection.adAccounts.map((account) => (
              <li key={account.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
                <div>
                  <span className="font-medium">{account.name}</span>{" "}
                  <span className="text-muted-foreground">
                    {account.adAccountId} · {account.currency}
                    {!account.active && " · not active on Meta"}
                  </span>
                  {account.isDefault && (
                    <Badge variant="secondary" className="ml-2">
                      <Star className="size-3" aria-hidden /> Default
                    </Badge>
                  )}
                </div>
                <div className="flex gap-2">
                  {account.connected && !account.isDefault && (
                    <form action={setDefaultAdAccountAction}>
                      <input type="hidden" name="id" value={account.id} />
                      <Button size="sm" variant="ghost">
                        Make default
                      </Button>
                    </form>
                  )}
                  <form action={toggleAdAccountAction}>
                    <input type="hidden" name="id" value={account.id} />
                    <input type="hidden" name="connected" value={account.connected ? "0" : "1"} />
                    <Button size="sm" variant={account.connected ? "outline" : "default"} disabled={!account.active && !account.connected}>
                      {account.connected ? "Stop managing" : "Manage in AdPilot"}
                    </Button>
                  </form>
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-muted-foreground text-sm">
          {connectedCount} of {limit} ad account{limit === 1 ? "" : "s"} on your plan in use.
        </p>
        <div className="flex gap-2">
          {outcome === "missing" && (
            <form action={connectMetaAction}>
              <input type="hidden" name="rerequest" value="1" />
              <Button variant="outline">Grant missing permissions</Button>
            </form>
          )}
          <form action={connectMetaAction}>
            <Button>{connections.length > 0 ? "Connect another Meta account" : "Connect Meta account"}</Button>
          </form>
        </div>
      </div>
    </div>
  );
}
