/** What the Node side tells the browser page about the fake it started (via vitest's provide/inject). */
export interface FakeServerInfo {
  url: string;
  token: string;
  controlToken: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    fakeServer: FakeServerInfo;
  }
}
