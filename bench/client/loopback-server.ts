// The loopback server of the overhead benchmark, in its own process so that its work does not
// share the client's event loop. Answers every request with the same small JSON body and
// prints its port on stdout.
import http from "node:http";

const body = JSON.stringify({
  status: { error: false, code: 200, type: "success", message: "Success" },
  data: [{ id: 1, type_id: 2, default: true, active: true, auth_factor_name: "Google Authenticator" }],
});

const server = http.createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`${typeof address === "object" && address ? address.port : 0}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
