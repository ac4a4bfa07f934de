// GET /api/files/users/<userId>/...: streams a stored file to its owner, and to no one else.
import { getSessionUser } from "@/lib/auth/session";
import { notFound, unauthorized } from "@/lib/http/errors";
import { parseKey, storage } from "@/lib/storage";
import { sliceStream } from "@/lib/storage/slice-stream";

/** "bytes=START-END" (or "START-", or "-SUFFIX") against a file of `size` bytes; null when unusable. */
function parseRange(header: string | null, size: number): { start: number; end: number } | null {
  const match = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!match || (match[1] === "" && match[2] === "")) return null;
  const start = match[1] === "" ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === "" || match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start <= end && start < size ? { start, end } : null;
}

export async function GET(request: Request, context: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const { key: segments } = await context.params;
  const user = await getSessionUser();
  if (!user) return unauthorized().toResponse();

  const parsed = parseKey(segments.join("/"));
  // Someone else's file answers exactly like a missing one.
  if (!parsed || parsed.ownerId !== user.id) return notFound("file").toResponse();

  const file = await storage().get(parsed.key);
  if (!file) return notFound("file").toResponse();

  const headers = {
    "Content-Type": file.contentType,
    "Accept-Ranges": "bytes",
    // Keys are written once per asset, so the browser may keep its copy; never shared caches.
    "Cache-Control": "private, max-age=3600",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
    ...(new URL(request.url).searchParams.has("download") ? { "Content-Disposition": `attachment; filename="${parsed.key.split("/").at(-1)}"` } : {}),
  };

  // Browsers seek in videos with Range requests; answering them makes the player's scrub bar work.
  const range = request.headers.get("range") ? parseRange(request.headers.get("range"), file.size) : null;
  if (request.headers.get("range") && !range) {
    await file.body.cancel();
    return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${file.size}` } });
  }
  if (range) {
    return new Response(sliceStream(file.body, range.start, range.end), {
      status: 206,
      headers: { ...headers, "Content-Length": String(range.end - range.start + 1), "Content-Range": `bytes ${range.start}-${range.end}/${file.size}` },
    });
  }

  return new Response(file.body, {
    headers: {
      ...headers,
      "Content-Length": String(file.size),
    },
  });
}
