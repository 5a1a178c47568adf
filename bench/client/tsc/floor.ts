// The hand-written floor of the strict-tsc figure: raw fetch calling the same seven endpoints
// with hand-written types.
interface Status {
  error: boolean;
  code: number;
  type: string;
  message: string;
}
interface Envelope<T> {
  status: Status;
  data?: T;
}
interface Factor {
  factor_id?: number;
  name?: string;
}
interface Device {
  id?: number;
  active?: boolean;
}

async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<Envelope<T>> {
  const response = await fetch(`https://acme.onelogin.com${path}`, {
    method,
    headers: { accept: "application/json", authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  return (await response.json()) as Envelope<T>;
}

export async function useAll(token: string): Promise<number> {
  const user = encodeURIComponent(1);
  const device = encodeURIComponent("d");
  const factors = await call<{ auth_factors?: Factor[] }>(token, "GET", `/api/1/users/${user}/auth_factor`);
  const enrolled = await call<Device[]>(token, "GET", `/api/1/users/${user}/otp_devices`);
  const enrolledDevice = await call<Device>(token, "POST", `/api/1/users/${user}/otp_devices`, {
    factor_id: 1,
    display_name: "Phone",
    number: "+15550100",
  });
  await call<Device>(token, "POST", `/api/1/users/${user}/otp_devices/${device}/trigger`, {});
  await call<Device>(token, "POST", `/api/1/users/${user}/otp_devices/${device}/verify`, { otp_token: "1" });
  await call<{ mfa_token?: string }>(token, "POST", `/api/1/users/${user}/mfa_token`, { expires_in: 60 });
  await call<undefined>(token, "DELETE", `/api/1/users/${user}/otp_devices/${device}`);
  return [factors.status, enrolled.status, enrolledDevice.status].filter((status) => status !== undefined).length;
}
