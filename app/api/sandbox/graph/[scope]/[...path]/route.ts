// GET, POST, DELETE /api/sandbox/graph/<scope>/v24.0/…: the Meta sandbox (Graph API emulator) for one user.
import { handleSandboxRequest } from "@/lib/meta/sandbox/mount";

type Context = { params: Promise<{ scope: string }> };

const handle = async (request: Request, context: Context) => handleSandboxRequest(request, (await context.params).scope);

export const GET = handle;
export const POST = handle;
export const DELETE = handle;
