/**
 * Clean-ups that run however a bench ends: normally (the bench calls
 * runExitHooks in its `finally`), on an error, or on Ctrl-C / SIGTERM. Last
 * registered runs first, like nested `finally` blocks.
 */
type Hook = () => unknown;

const hooks: Hook[] = [];

export function onExit(hook: Hook): void {
  hooks.unshift(hook);
}

export async function runExitHooks(): Promise<void> {
  for (let hook = hooks.shift(); hook; hook = hooks.shift()) {
    try {
      await hook();
    } catch (error) {
      console.error("clean-up failed:", error instanceof Error ? error.message : error);
    }
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    void runExitHooks().finally(() => process.exit(130));
  });
}
