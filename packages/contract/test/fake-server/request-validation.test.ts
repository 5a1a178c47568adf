import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadSpec, type RunningFakeServer, startFakeServer } from "../../src/index.js";
import { resolveRefs } from "../../src/spec/load-spec.js";
import { anErrorBody, rawCall } from "./raw-http.js";

type Schema = { additionalProperties?: unknown; properties?: Record<string, Record<string, unknown>> };

/**
 * Changes, in place, the request body schema of one operation (found by operationId,
 * never by component name) and returns the document.
 */
function withRequestBody(document: Record<string, unknown>, operationId: string, patch: (schema: Schema) => void) {
  const schema = loadSpec({ document }).operation(operationId)?.requestBody?.schema;
  if (schema === undefined) throw new Error(`${operationId} has no request body schema`);
  patch(resolveRefs(document, schema) as Schema);
  return document;
}

/** Unknown fields forbidden and state_token_expires_in capped at 900, as a stricter spec would say. */
function strictSpec(): Record<string, unknown> {
  return withRequestBody(structuredClone(loadSpec().document), "activate_mfa_factors", (schema) => {
    schema.additionalProperties = false;
    schema.properties = { ...schema.properties, state_token_expires_in: { type: "integer", maximum: 900 } };
  });
}

/** No bounds and unknown fields allowed, so only the fake's own (documented) limits apply. */
function lenientSpec(): Record<string, unknown> {
  const document = structuredClone(loadSpec().document);
  const loosen = (schema: Schema) => {
    delete schema.additionalProperties;
    for (const property of Object.values(schema.properties ?? {})) {
      delete property.maximum;
      delete property.minimum;
    }
  };
  withRequestBody(document, "activate_mfa_factors", loosen);
  return withRequestBody(document, "generate_mf_atoken", loosen);
}

let server: RunningFakeServer;
let strict: RunningFakeServer;
let lenient: RunningFakeServer;
beforeAll(async () => {
  server = await startFakeServer();
  strict = await startFakeServer({ specDocument: strictSpec() });
  lenient = await startFakeServer({ specDocument: lenientSpec() });
  for (const s of [server, strict, lenient]) {
    s.state.addUser({ id: 1, devices: [{ id: "d1", factor: "sms", phoneNumber: "+14155550100", active: true }] });
  }
});
afterAll(async () => {
  await Promise.all([server.close(), strict.close(), lenient.close()]);
});
afterEach(() => {
  for (const s of [server, strict, lenient]) expect(s.state.takeViolations()).toEqual([]);
});

describe("requests that break the spec get 400 with an error body", () => {
  it("malformed JSON", async () => {
    const response = await rawCall(server, "POST", "/api/1/users/1/mfa_token", { body: '{"expires_in": 60' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(anErrorBody(400));
    expect((response.body as { message: string }).message).toMatch(/not valid JSON/);
  });

  it("a JSON body sent with a non-JSON content type", async () => {
    const response = await rawCall(server, "POST", "/api/1/users/1/mfa_token", {
      body: '{"expires_in": 60}',
      headers: { "content-type": "text/plain" },
    });
    expect(response.status).toBe(400);
  });

  it.each([
    [
      "a string where an integer is expected",
      "/api/1/users/1/mfa_token",
      { expires_in: "60" },
      /expires_in must be integer/,
    ],
    ["a fractional integer", "/api/1/users/1/mfa_token", { expires_in: 1.5 }, /expires_in must be integer/],
    ["a number where a boolean is expected", "/api/1/users/1/mfa_token", { reusable: 1 }, /reusable must be boolean/],
    ["an array as the body", "/api/1/users/1/mfa_token", [], /body must be object/],
    [
      "an enroll body missing required fields",
      "/api/1/users/1/otp_devices",
      { factor_id: 101 },
      /must have required property 'number'/,
    ],
    [
      "an enroll factor_id of the wrong type",
      "/api/1/users/1/otp_devices",
      { number: "+14155550100", factor_id: "101", display_name: "x" },
      /factor_id must be integer/,
    ],
  ])("%s", async (_, path, body, message) => {
    const response = await rawCall(server, "POST", path, { body });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(anErrorBody(400));
    expect((response.body as { message: string }).message).toMatch(message);
  });

  it.each([
    ["expires_in above the documented 72 h", "/api/1/users/1/mfa_token", { expires_in: 259_201 }],
    ["expires_in of zero", "/api/1/users/1/mfa_token", { expires_in: 0 }],
    [
      "state_token_expires_in above the documented 900 s",
      "/api/1/users/1/otp_devices/d1/trigger",
      { state_token_expires_in: 901 },
    ],
    [
      "an SMS text longer than 160 characters after templating",
      "/api/1/users/1/otp_devices/d1/trigger",
      { sms_message: `${"x".repeat(155)} {{otp_code}}` },
    ],
  ])("out of range even where the spec states no bound: %s", async (_, path, body) => {
    const response = await rawCall(lenient, "POST", path, { body });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(anErrorBody(400));
  });

  it("accepts the documented maxima themselves", async () => {
    expect((await rawCall(lenient, "POST", "/api/1/users/1/mfa_token", { body: { expires_in: 259_200 } })).status).toBe(
      200,
    );
    expect(
      (
        await rawCall(lenient, "POST", "/api/1/users/1/otp_devices/d1/trigger", {
          body: { state_token_expires_in: 900 },
        })
      ).status,
    ).toBe(200);
  });

  it("a user_id that is not an integer", async () => {
    for (const userId of ["abc", "1.5", "1e3"]) {
      const response = await rawCall(server, "GET", `/api/1/users/${userId}/otp_devices`);
      expect({ userId, status: response.status }).toEqual({ userId, status: 400 });
      expect((response.body as { message: string }).message).toMatch(/user_id must be integer/);
    }
  });

  it("a path segment that is not valid percent-encoding", async () => {
    const response = await rawCall(server, "DELETE", "/api/1/users/1/otp_devices/%E0%A4%A");
    expect(response.status).toBe(400);
    expect((response.body as { message: string }).message).toMatch(/percent-encoding/);
  });

  it("unknown fields are accepted while the spec allows them…", async () => {
    const response = await rawCall(lenient, "POST", "/api/1/users/1/otp_devices/d1/trigger", {
      body: { surprise: true },
    });
    expect(response.status).toBe(200);
  });

  it("…and rejected once the schema says additionalProperties: false", async () => {
    const response = await rawCall(strict, "POST", "/api/1/users/1/otp_devices/d1/trigger", {
      body: { surprise: true },
    });
    expect(response.status).toBe(400);
    expect((response.body as { message: string }).message).toMatch(/must NOT have additional properties \(surprise\)/);
  });

  it("a maximum stated in the spec is enforced by schema validation", async () => {
    const response = await rawCall(strict, "POST", "/api/1/users/1/otp_devices/d1/trigger", {
      body: { state_token_expires_in: 901 },
    });
    expect(response.status).toBe(400);
    expect((response.body as { message: string }).message).toMatch(/state_token_expires_in must be <= 900/);
  });

  it("an omitted optional body is fine", async () => {
    const response = await rawCall(server, "POST", "/api/1/users/1/otp_devices/d1/trigger");
    expect(response.status).toBe(200);
  });
});
