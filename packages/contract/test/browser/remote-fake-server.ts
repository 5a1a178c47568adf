import type {
  DeviceSnapshot,
  FakeClock,
  FakeServerState,
  FaultSpec,
  IssuedToken,
  MfaTokenSnapshot,
  OAuthClient,
  RecordedExchange,
  SpecViolation,
} from "../../src/portable.js";
import { CONTROL_PREFIX, CONTROL_TOKEN_HEADER, indexSpec } from "../../src/portable.js";
import type { ContractServer } from "../suite/contract-server.js";
import type { FakeServerInfo } from "./fake-server-info.js";

/**
 * The fake server, seen from a browser page: every state, clock and fault call goes over the
 * HTTP control surface. The calls are synchronous XMLHttpRequests on purpose: the suite's
 * handle is synchronous (`state.devices(id)`, `clock.now()`), and keeping that shape lets the
 * very same scenarios run in Node and in Chromium. Page-side sync XHR is deprecated for UI
 * code, but this page is a test harness that has nothing else to keep responsive.
 */
export function connectRemoteFakeServer(info: FakeServerInfo): ContractServer {
  const call = <T>(action: string, ...args: unknown[]): T => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${info.url}${CONTROL_PREFIX}${action}`, false);
    xhr.setRequestHeader("content-type", "application/json");
    xhr.setRequestHeader(CONTROL_TOKEN_HEADER, info.controlToken);
    xhr.send(JSON.stringify({ args }));
    const answer = JSON.parse(xhr.responseText || "{}") as { result?: T; error?: string };
    // Same message as the in-process handle would throw, so scenarios read the same.
    if (xhr.status !== 200) throw new Error(answer.error ?? `control ${action} answered ${xhr.status}`);
    return answer.result as T;
  };

  const state: FakeServerState = {
    addUser: (input) => call<DeviceSnapshot[]>("state/addUser", input),
    addDevice: (userId, device) => call<DeviceSnapshot>("state/addDevice", userId, device),
    devices: (userId) => call<DeviceSnapshot[]>("state/devices", userId),
    device: (userId, deviceId) => call<DeviceSnapshot | undefined>("state/device", userId, deviceId),
    lastOtp: (userId, deviceId) => call<string | undefined>("state/lastOtp", userId, deviceId),
    lastMessage: (userId, deviceId) => call("state/lastMessage", userId, deviceId),
    totpSecret: (userId, deviceId) => call<string | undefined>("state/totpSecret", userId, deviceId),
    approvePush: (userId, deviceId) => call<void>("state/approvePush", userId, deviceId),
    mfaTokens: (userId) => call<MfaTokenSnapshot[]>("state/mfaTokens", ...(userId === undefined ? [] : [userId])),
    useMfaToken: (token) => call("state/useMfaToken", token),
    get requests() {
      return call<RecordedExchange[]>("state/requests");
    },
    get violations() {
      return call<SpecViolation[]>("state/violations");
    },
    takeViolations: () => call<SpecViolation[]>("state/takeViolations"),
    reset: () => call<void>("state/reset"),
    tamperWithNextResponse() {
      throw new Error("tamperWithNextResponse takes a function and is not available over HTTP");
    },
  };
  const clock: FakeClock = {
    now: () => call<number>("clock/now"),
    advance: (ms) => call<void>("clock/advance", ms),
    set: (epochMs) => call<void>("clock/set", epochMs),
  };
  const faults = {
    inject: (fault: FaultSpec) => call<void>("faults/inject", fault),
    clear: () => call<void>("faults/clear"),
    get pending(): number {
      throw new Error("faults.pending is not exposed over HTTP");
    },
  };
  return {
    url: info.url,
    token: info.token,
    state,
    clock,
    faults,
    oauth: {
      get client() {
        return call<OAuthClient>("oauth/client");
      },
      tokenPath: "/auth/oauth2/v2/token",
      issued: () => call<IssuedToken[]>("oauth/issued"),
    },
    spec: indexSpec(call<Record<string, unknown>>("spec")),
    unusedPort: async () => call<number>("unused-port"),
    close: async () => undefined,
  };
}
