import type { AttemptEvent } from "./client-core.js";

/**
 * A ready-made `onAttempt` hook, behind the package's `/logger` subpath so that it costs nothing
 * to those who do not import it. Lines hold what an {@link AttemptEvent} holds, which never
 * includes headers, bodies or credentials.
 */

/** Where log lines go, e.g. `console.debug` or a structured logger's method. */
export type LogSink = (line: string, event: AttemptEvent) => void;

/**
 * Creates an `onAttempt` hook that writes one line per attempt:
 * `onelogin-mfa 3f9k2a1b get_enrolled_factors GET /api/1/users/{user_id}/otp_devices attempt 1 → 200 in 12 ms`.
 *
 * @param sink receives each line and the event it describes; `console.debug` by default.
 */
export function createLogger(sink: LogSink = (line) => console.debug(line)): (event: AttemptEvent) => void {
  return (event) =>
    sink(
      `onelogin-mfa ${event.requestId} ${event.operationId} ${event.method} ${event.path} attempt ${event.attempt} → ${event.status ?? "no response"} in ${Math.round(event.durationMs)} ms`,
      event,
    );
}

export type { AttemptEvent } from "./client-core.js";
