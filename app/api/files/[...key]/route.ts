// GET /api/files/users/<userId>/...: streams a stored file to its owner, and to no one else.
import { getSessionUser } from "@/lib/auth/session";
import { notFound, unauthorized } from "@/lib/http/errors";
import { parseKey, storage } from "@/lib/storage";

export async function GET(_request: Request, context: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const { key: segments } = await context.params;
  const user = await getSessionUser();
  if (!user) return unauthorized().toResponse();

  const parsed = parseKey(segments.join("/"));
  // Someone else's file answers exactly like a missing one.
  if (!parsed || parsed.ownerId !== user.id) return notFound("file").toResponse();

  const file = await storage().get(parsed.key);
  if (!file) return notFound("file").toResponse();

  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.size),
      // Keys are written once per asset, so the browser may keep its copy; never shared caches.
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
