// GET /api/job-runs/[id]: a run's progress for the signed-in owner (polled by JobProgress).
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { notFound, unauthorized } from "@/lib/http/errors";
import { getRunForUser } from "@/lib/jobs/runs";

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const id = z.uuid().safeParse((await context.params).id);
  const user = await getSessionUser();
  if (!user) return unauthorized().toResponse();
  if (!id.success) return notFound("job run").toResponse();
  const run = await getRunForUser(user.id, id.data);
  if (!run) return notFound("job run").toResponse();
  return Response.json(run, { headers: { "Cache-Control": "no-store" } });
}
