import { createServer } from "node:net";
import type { FakeClock } from "../clock.js";
import type { LoadedSpec } from "../spec/openapi-types.js";
import type { FakeServerState } from "../state-handle.js";
import type { ControlAction } from "./control-surface.js";
import type { FaultSpec } from "./faults.js";

/** The handles the control surface exposes. */
export interface ControlTargets {
  state: FakeServerState;
  clock: FakeClock;
  faults: { inject(fault: FaultSpec): void; clear(): void };
  oauth: { client: unknown; issued(): unknown };
  spec: LoadedSpec;
}

/**
 * Control actions by name: the in-process handles, one to one, so that a remote caller
 * sees exactly what a test holding the server sees. `tamperWithNextResponse` is left out
 * because a function cannot cross HTTP.
 */
export function buildControlActions(targets: ControlTargets): Record<string, ControlAction> {
  const { state, clock, faults, oauth, spec } = targets;
  return {
    "state/addUser": (input: Parameters<FakeServerState["addUser"]>[0]) => state.addUser(input),
    "state/addDevice": (userId: number, device: Parameters<FakeServerState["addDevice"]>[1]) =>
      state.addDevice(userId, device),
    "state/devices": (userId: number) => state.devices(userId),
    "state/device": (userId: number, deviceId: string) => state.device(userId, deviceId),
    "state/lastOtp": (userId: number, deviceId: string) => state.lastOtp(userId, deviceId),
    "state/lastMessage": (userId: number, deviceId: string) => state.lastMessage(userId, deviceId),
    "state/totpSecret": (userId: number, deviceId: string) => state.totpSecret(userId, deviceId),
    "state/approvePush": (userId: number, deviceId: string) => state.approvePush(userId, deviceId),
    "state/mfaTokens": (userId?: number) => state.mfaTokens(userId),
    "state/useMfaToken": (token: string) => state.useMfaToken(token),
    "state/requests": () => state.requests,
    "state/violations": () => state.violations,
    "state/takeViolations": () => state.takeViolations(),
    "state/reset": () => state.reset(),
    "clock/now": () => clock.now(),
    "clock/advance": (ms: number) => clock.advance(ms),
    "clock/set": (epochMs: number) => clock.set(epochMs),
    "faults/inject": (fault: FaultSpec) => faults.inject(fault),
    "faults/clear": () => faults.clear(),
    "oauth/client": () => oauth.client,
    "oauth/issued": () => oauth.issued(),
    spec: () => spec.document,
    "unused-port": unusedPort,
  };
}

/**
 * A 127.0.0.1 port with nothing listening on it (bound, then released), for tests of a
 * refused connection that cannot open a socket themselves, such as a browser page.
 */
function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
