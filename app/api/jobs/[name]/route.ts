// POST /api/jobs/[name]: executes one delivery of a durable job (QStash or the local dispatcher).
import { handleDelivery } from "@/lib/jobs/handle-delivery";

// Job steps use Node APIs and may run for minutes.
export const runtime = "nodejs";
export const maxDuration = 300;

export async function POST(request: Request, context: { params: Promise<{ name: string }> }): Promise<Response> {
  const { name } = await context.params;
  return handleDelivery(request, name);
}
