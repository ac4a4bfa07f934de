import { eq } from "drizzle-orm";
import type { Metadata } from "next";
import { db } from "@/db";
import { metaDataDeletions } from "@/db/schema";

export const metadata: Metadata = { title: "Data deletion status" };

// Public on purpose: Meta links people here with only the confirmation code.
export default async function DataDeletionStatusPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const [request] = /^[0-9a-f]{24}$/.test(code)
    ? await db.select().from(metaDataDeletions).where(eq(metaDataDeletions.confirmationCode, code))
    : [];
  return (
    <div className="mx-auto max-w-xl px-4 py-20">
      <h1 className="text-2xl font-semibold">Data deletion request</h1>
      {request ? (
        <div className="mt-6 grid gap-2 text-sm">
          <p>
            Confirmation code: <code className="bg-muted rounded px-1.5 py-0.5">{request.confirmationCode}</code>
          </p>
          <p>
            Status: <strong>{request.status === "completed" ? "Completed" : "Received"}</strong>
            {request.completedAt && ` on ${request.completedAt.toISOString().slice(0, 10)}`}
          </p>
          <p className="text-muted-foreground">
            AdPilot deleted the access tokens, ad account links and synced performance data it held for this Facebook
            account ({request.deletedConnections} connection{request.deletedConnections === 1 ? "" : "s"}).
          </p>
        </div>
      ) : (
        <p className="text-muted-foreground mt-6 text-sm">No deletion request has this confirmation code.</p>
      )}
    </div>
  );
}
