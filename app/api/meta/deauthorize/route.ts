// POST /api/meta/deauthorize: Meta tells us a user removed the app; their tokens are deleted.
import { signedRequestFrom } from "@/lib/meta/callbacks";
import { deleteMetaUserData } from "@/lib/meta/deletion";

export async function POST(request: Request): Promise<Response> {
  const signed = await signedRequestFrom(request);
  if (!signed) return Response.json({ error: "invalid signed_request" }, { status: 400 });
  await deleteMetaUserData(signed.user_id, { recordDeletion: false });
  return Response.json({ success: true });
}
