// POST /api/meta/deauthorize: Meta tells us a user removed the app; their tokens are deleted.
import { limitByIp, PUBLIC_RATE_LIMITS } from "@/lib/http/limit-by-ip";
import { signedRequestFrom } from "@/lib/meta/callbacks";
import { deleteMetaUserData } from "@/lib/meta/deletion";

export async function POST(request: Request): Promise<Response> {
  const limited = await limitByIp(request, PUBLIC_RATE_LIMITS.metaCallbackPerIp);
  if (limited) return limited;
  const signed = await signedRequestFrom(request);
  if (!signed) return Response.json({ error: "invalid signed_request" }, { status: 400 });
  await deleteMetaUserData(signed.user_id, { recordDeletion: false });
  return Response.json({ success: true });
}
