import { randomBytes } from "node:crypto";
import type { FakeClock } from "../clock.js";

/** An API credential pair the token endpoint accepts. */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

/** An access token the fake issued, as tests see it. */
export interface IssuedToken {
  accessToken: string;
  clientId: string;
  /** Fake-clock epoch ms. */
  createdAt: number;
  /** Fake-clock epoch ms; the token is refused from this instant on. */
  expiresAt: number;
}

/** OneLogin's documented access-token lifetime: 10 hours. */
export const DEFAULT_TOKEN_TTL_SECONDS = 36_000;

/**
 * Access tokens issued by the OAuth2 token endpoint, with expiry on the injectable clock.
 * As OneLogin documents, asking again with the same credentials returns the same token
 * until it expires; only then is a new one made.
 */
export class OAuthTokenStore {
  private readonly clients: Map<string, string>;
  private tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly clock: FakeClock,
    clients: readonly OAuthClient[],
    private readonly ttlSeconds: number,
  ) {
    this.clients = new Map(clients.map((c) => [c.clientId, c.clientSecret]));
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) {
      throw new RangeError(`tokenTtlSeconds must be a positive integer, got ${ttlSeconds}`);
    }
  }

  /** Whether the pair is a known client with its secret. */
  authenticates(clientId: string, clientSecret: string): boolean {
    return this.clients.has(clientId) && this.clients.get(clientId) === clientSecret;
  }

  /** The client's live token, or a new one when it has none. */
  issue(clientId: string): IssuedToken {
    const now = this.clock.now();
    const live = [...this.tokens.values()].find((t) => t.clientId === clientId && now < t.expiresAt);
    if (live !== undefined) return { ...live };
    const token: IssuedToken = {
      accessToken: randomBytes(24).toString("hex"),
      clientId,
      createdAt: now,
      expiresAt: now + this.ttlSeconds * 1000,
    };
    this.tokens.set(token.accessToken, token);
    return { ...token };
  }

  /** The clock's current time, epoch ms. */
  now(): number {
    return this.clock.now();
  }

  /** Whether an API call may use this token now. */
  accepts(accessToken: string): boolean {
    const token = this.tokens.get(accessToken);
    return token !== undefined && this.clock.now() < token.expiresAt;
  }

  /** Every token issued since the last reset, oldest first (copies). */
  issued(): IssuedToken[] {
    return [...this.tokens.values()].map((t) => ({ ...t }));
  }

  /** Forgets every issued token (the clients stay). */
  reset(): void {
    this.tokens = new Map();
  }
}
