// POST /api/assets: uploads one image or video (multipart field "file") into the signed-in user's library.
import { ApiError, unauthorized } from "@/lib/http/errors";
import { getSessionUser } from "@/lib/auth/session";
import { CREATIVE_RATE_LIMITS } from "@/lib/creatives/rate-limits";
import { UPLOAD_LIMITS, UploadRejected, uploadAsset } from "@/lib/creatives/upload";
import { limitUser } from "@/lib/auth/user-rate-limit";

export const runtime = "nodejs";

export async function POST(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return unauthorized().toResponse();
  const limited = await limitUser(CREATIVE_RATE_LIMITS.uploadPerUser, user);
  if (!limited.success) {
    return new ApiError("rate_limited", "Too many uploads in the last hour; try again later.", { "Retry-After": String(limited.retryAfterSeconds) }).toResponse();
  }

  // Refuse an oversized body before reading it into memory.
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > UPLOAD_LIMITS.videoBytes + 1024 * 1024) {
    return new ApiError("bad_request:too_large", `Files can be at most ${UPLOAD_LIMITS.videoBytes / 1024 / 1024} MB.`).toResponse();
  }
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) return new ApiError("bad_request:file", "Send the file in a form field called \"file\".").toResponse();

  try {
    const tags = form?.get("tags");
    const id = await uploadAsset(user.id, { name: file.name || "upload", bytes: Buffer.from(await file.arrayBuffer()), tags: typeof tags === "string" ? tags : "" });
    return Response.json({ id }, { status: 201 });
  } catch (error) {
    if (error instanceof UploadRejected) return new ApiError("bad_request:file", error.message).toResponse();
    throw error;
  }
}
