// POST /api/meta/data-deletion: Meta's data deletion request; answers with a status URL and code.
import { env } from "@/lib/env";
import { limitByIp, PUBLIC_RATE_LIMITS } from "@/lib/http/limit-by-ip";
import { signedRequestFrom } from "@/lib/meta/callbacks";
import { deleteMetaUserData } from "@/lib/meta/deletion";

export async function POST(request: Request): Promise<Response> {
  const limited = await limitByIp(request, PUBLIC_RATE_LIMITS.metaCallbackPerIp);
  if (limited) return limited;
  const signed = await signedRequestFrom(request);
  if (!signed) return Response.json({ error: "invalid signed_request" }, { status: 400 });
  const { confirmationCode } = await deleteMetaUserData(signed.user_id, { recordDeletion: true });
  return Response.json({
    url: new URL(`/meta/data-deletion/${confirmationCode}`, env.APP_URL).toString(),
    confirmation_code: confirmationCode,
  });
}
