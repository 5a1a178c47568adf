#!/usr/bin/env node
// `pnpm fake-server [--port <n>]`: runs the fake OneLogin MFA API for manual poking and
// for trying a client by hand. Real time is used, so state tokens expire as they would.
import { startFakeServer } from "./server/start-fake-server.js";
import { FACTOR_CATALOG } from "./state/factor-catalog.js";

const USAGE = "usage: pnpm fake-server [--port <number>]";

/** Demo data: one user with devices of every kind, one with nothing enrolled yet. */
const DEMO_USER_WITH_DEVICES = 1001;
const DEMO_USER_WITHOUT_DEVICES = 1002;

/** Reads `--port <n>` / `--port=<n>`; anything else is a usage error. */
function parsePort(argv: string[]): number | undefined {
  let port: number | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (arg === "--") continue;
    const value = arg.startsWith("--port=")
      ? arg.slice("--port=".length)
      : arg === "--port"
        ? argv[++index]
        : undefined;
    if (value === undefined) throw new Error(`unexpected argument ${arg}\n${USAGE}`);
    port = Number(value);
    if (value.trim() === "" || !Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`invalid --port ${value}\n${USAGE}`);
    }
  }
  return port;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = parsePort(argv);
  const server = await startFakeServer({
    ...(port !== undefined ? { port } : {}),
    now: Date.now,
    onMessage: (m) => process.stdout.write(`[${m.channel} to user ${m.userId}, device ${m.deviceId}] ${m.text}\n`),
  });

  const [, authenticator] = server.state.addUser({
    id: DEMO_USER_WITH_DEVICES,
    devices: [
      { factor: "sms", displayName: "Work phone", phoneNumber: "+14155550100", active: true },
      { factor: "authenticator", displayName: "Google Authenticator", active: true },
    ],
  });
  server.state.addUser({ id: DEMO_USER_WITHOUT_DEVICES });
  const secret = authenticator ? server.state.totpSecret(DEMO_USER_WITH_DEVICES, authenticator.id) : undefined;

  const factors = Object.values(FACTOR_CATALOG)
    .map((f) => `${f.factorId} (${f.name})`)
    .join(", ");
  process.stdout.write(
    [
      `Fake OneLogin MFA v1 API listening on ${server.url}`,
      `Bearer token: ${server.token}`,
      `OAuth2 client credentials (POST ${server.oauth.tokenPath}): ${server.oauth.client.clientId} / ${server.oauth.client.clientSecret}`,
      `Control surface: POST ${server.url}/__control/<action> with header x-fake-control-token: ${server.controlToken}`,
      `Demo users: ${DEMO_USER_WITH_DEVICES} (SMS + authenticator enrolled), ${DEMO_USER_WITHOUT_DEVICES} (nothing enrolled)`,
      `Factor ids for enrollment: ${factors}`,
      secret
        ? `TOTP secret of user ${DEMO_USER_WITH_DEVICES}'s authenticator (device ${authenticator?.id}): ${secret}`
        : "",
      "SMS and email codes are printed here when sent.",
      "",
      "Try:",
      `  curl -H 'Authorization: Bearer ${server.token}' ${server.url}/api/1/users/${DEMO_USER_WITH_DEVICES}/otp_devices`,
      "",
      "Ctrl-C to stop.",
      "",
    ].join("\n"),
  );

  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
