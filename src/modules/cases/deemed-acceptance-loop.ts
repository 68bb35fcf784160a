import type { CasesDeps } from './deps.js';
import { deemAcceptedCases } from './actions/deem-accepted-cases.js';

/** The loop in every server: every `intervalMs`, deem the overdue received cases; stop() waits for the round in flight. */
export function startDeemedAcceptanceLoop(deps: Pick<CasesDeps, 'db' | 'logger'>, today: () => string, intervalMs = 10 * 60_000): { stop(): Promise<void> } {
  let stopped = false;
  let inFlight: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    inFlight = deemAcceptedCases(deps, today()).catch((e: unknown) => deps.logger.error({ err: e }, 'deemed acceptance round failed'));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await inFlight;
    },
  };
}
