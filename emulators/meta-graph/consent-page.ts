import type { UserRecord } from "./types";

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** What each permission lets AdPilot do, in the words a consent screen would use. */
const PERMISSION_TEXT: Record<string, string> = {
  ads_management: "Create and manage ads for your ad accounts",
  ads_read: "Access your ads performance reports",
  business_management: "Manage your business",
  pages_show_list: "Show a list of the Pages you manage",
  pages_read_engagement: "Read content posted on your Pages",
  public_profile: "Your name and profile picture",
  email: "Your email address",
};

export type ConsentRequest = { clientId: string; redirectUri: string; state: string; scopes: string[]; action: string };

/**
 * The sandbox stand-in for Facebook's login dialog: pick a sandbox user, untick
 * any permission to decline it, then Continue or Cancel. Submits back to the emulator.
 */
export function consentPage(request: ConsentRequest, users: UserRecord[]): string {
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escape(value)}">`;
  const userOptions = users
    .map((user, index) => `<label class="row"><input type="radio" name="user_id" value="${escape(user.id)}"${index === 0 ? " checked" : ""}> ${escape(user.name)}</label>`)
    .join("\n");
  const permissionRows = request.scopes
    .map((scope) => `<label class="row"><input type="checkbox" name="granted_scopes" value="${escape(scope)}" checked> <b>${escape(scope)}</b> <span>${escape(PERMISSION_TEXT[scope] ?? "")}</span></label>`)
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Log in with Facebook (sandbox)</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;background:#f0f2f5;margin:0;padding:2rem}
main{max-width:28rem;margin:auto;background:#fff;border-radius:8px;padding:1.5rem;box-shadow:0 1px 3px #0002}
h1{font-size:1.2rem;color:#1877f2}.row{display:block;margin:.4rem 0}.row span{color:#65676b;font-size:.9rem}
fieldset{border:1px solid #ddd;border-radius:6px;margin:1rem 0}.actions{display:flex;gap:.5rem;justify-content:flex-end}
button{padding:.5rem 1rem;border-radius:6px;border:0;font-weight:600;cursor:pointer}
button[value=grant]{background:#1877f2;color:#fff}button[value=deny]{background:#e4e6eb}
</style></head>
<body><main>
<h1>Sandbox: Facebook Login</h1>
<p>App <b>${escape(request.clientId)}</b> is requesting access. This is the AdPilot Graph emulator; no real Facebook account is used.</p>
<form method="post" action="${escape(request.action)}">
${hidden("client_id", request.clientId)}
${hidden("redirect_uri", request.redirectUri)}
${hidden("state", request.state)}
${hidden("scope", request.scopes.join(","))}
<fieldset><legend>Continue as</legend>
${userOptions}
</fieldset>
<fieldset><legend>Permissions</legend>
${permissionRows}
</fieldset>
<div class="actions">
<button type="submit" name="decision" value="deny">Cancel</button>
<button type="submit" name="decision" value="grant">Continue</button>
</div>
</form>
</main></body></html>`;
}
