// Child process: runs Verdaccio with the config file given as the only argument on 127.0.0.1 and
// an ephemeral port, and prints `listening <port>` once it accepts connections.
import type { AddressInfo, Server } from "node:net";
import { runServer } from "verdaccio";

const configPath = process.argv[2];
if (configPath === undefined) throw new Error("usage: verdaccio-server.ts <config.yaml>");
const server = (await runServer(configPath)) as Server;
server.listen(0, "127.0.0.1", () => {
  console.log(`listening ${(server.address() as AddressInfo).port}`);
});
