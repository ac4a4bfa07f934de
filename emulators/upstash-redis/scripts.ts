/**
 * Lua script compatibility shim.
 *
 * @upstash/ratelimit scripts start with `#!lua flags=allow-key-locking`, a
 * shebang flag only Upstash understands; stock Redis rejects the whole script
 * ("Unexpected flag in script shebang"). We strip such flags before the
 * script reaches Redis. That changes the script's SHA1, so we also remember
 * "SHA the client computed" -> "SHA Redis knows" and translate EVALSHA /
 * SCRIPT LOAD / SCRIPT EXISTS, otherwise every EVALSHA would miss (NOSCRIPT)
 * and the client would fall back to a full EVAL on every call.
 */
import { createHash } from "node:crypto";
import type { RespValue } from "./resp";

/** Shebang flags that only Upstash's Redis implementation accepts. */
const UPSTASH_ONLY_FLAGS = new Set(["allow-key-locking"]);

const sha1 = (text: string): string => createHash("sha1").update(text, "utf8").digest("hex");

/** Returns the script with Upstash-only shebang flags removed (or unchanged). */
export function stripUpstashFlags(script: string): string {
  if (!script.startsWith("#!")) return script;
  const newline = script.indexOf("\n");
  const shebang = newline === -1 ? script : script.slice(0, newline);
  const rest = newline === -1 ? "" : script.slice(newline);

  let changed = false;
  const tokens = shebang.split(/\s+/).flatMap((token) => {
    if (!token.startsWith("flags=")) return [token];
    const flags = token.slice("flags=".length).split(",");
    const kept = flags.filter((flag) => !UPSTASH_ONLY_FLAGS.has(flag));
    if (kept.length === flags.length) return [token];
    changed = true;
    // Only the first line changes, so Lua error line numbers stay accurate.
    return kept.length > 0 ? [`flags=${kept.join(",")}`] : [];
  });
  return changed ? tokens.join(" ") + rest : script;
}

export type PreparedCommand = {
  args: string[];
  /** Post-processes Redis's reply (identity for most commands). */
  mapReply: (reply: RespValue) => RespValue;
};

const identity = (reply: RespValue): RespValue => reply;

export class ScriptCompat {
  /** SHA of the script as the client sent it -> SHA of what Redis actually stored. */
  private readonly aliases = new Map<string, string>();

  prepare(args: string[]): PreparedCommand {
    const name = args[0]?.toUpperCase();
    const sub = args[1]?.toUpperCase();

    if ((name === "EVAL" || name === "EVAL_RO") && args[1] !== undefined) {
      return { args: this.withScriptAt(args, 1).args, mapReply: identity };
    }
    if ((name === "EVALSHA" || name === "EVALSHA_RO") && args[1] !== undefined) {
      return { args: this.withAliasesFrom(args, 1, 2), mapReply: identity };
    }
    if (name === "SCRIPT" && sub === "LOAD" && args[2] !== undefined) {
      const { args: rewritten, originalSha } = this.withScriptAt(args, 2);
      // Hand back the SHA the client expects, so its later EVALSHA uses it.
      const mapReply = (reply: RespValue): RespValue =>
        originalSha !== undefined && (typeof reply === "string" || Buffer.isBuffer(reply))
          ? Buffer.from(originalSha)
          : reply;
      return { args: rewritten, mapReply };
    }
    if (name === "SCRIPT" && sub === "EXISTS") {
      return { args: this.withAliasesFrom(args, 2, args.length), mapReply: identity };
    }
    return { args, mapReply: identity };
  }

  /** Rewrites the script at `index`; `originalSha` is set only if it changed. */
  private withScriptAt(args: string[], index: number): { args: string[]; originalSha?: string } {
    const script = args[index] ?? "";
    const stripped = stripUpstashFlags(script);
    if (stripped === script) return { args };
    const originalSha = sha1(script);
    this.aliases.set(originalSha, sha1(stripped));
    const copy = [...args];
    copy[index] = stripped;
    return { args: copy, originalSha };
  }

  /** Replaces known SHA aliases in `args[from..to)`. */
  private withAliasesFrom(args: string[], from: number, to: number): string[] {
    return args.map((arg, i) => (i >= from && i < to ? (this.aliases.get(arg.toLowerCase()) ?? arg) : arg));
  }
}
