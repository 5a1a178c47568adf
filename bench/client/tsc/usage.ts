// Calls the seven operations through the generated fetch client: what the strict-tsc figure
// compiles together with the client's sources.
import {
  activateMfaFactors,
  createClient,
  enrollMfaFactor,
  generateMfAtoken,
  getEnrolledFactors,
  getMfaFactors,
  removeMfaFactors,
  verifyMfaFactor,
} from "../../../packages/fetch/src/index.gen.js";

export async function useAll(token: string): Promise<number> {
  const client = createClient({ baseUrl: "https://acme.onelogin.com", accessToken: token });
  const factors = await getMfaFactors(client, { userId: 1 });
  const enrolled = await getEnrolledFactors(client, { userId: 1 });
  const enrolledDevice = await enrollMfaFactor(client, {
    userId: 1,
    body: { factor_id: 1, display_name: "Phone", number: "+15550100" },
  });
  await activateMfaFactors(client, { userId: 1, deviceId: "d" });
  await verifyMfaFactor(client, { userId: 1, deviceId: "d", body: { otp_token: "1" } });
  await generateMfAtoken(client, { userId: 1, body: { expires_in: 60 } });
  await removeMfaFactors(client, { userId: 1, deviceId: "d" });
  return [factors.status, enrolled.status, enrolledDevice.status].filter((status) => status !== undefined).length;
}
