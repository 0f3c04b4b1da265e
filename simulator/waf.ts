// A WAF-like JavaScript challenge for the data host, modelled on AWS WAF: without a fresh
// `aws-waf-token` cookie a request gets a 202 page whose script sets the token and reloads.
// A browser engine passes; a plain HTTP client does not. It decides nothing about sign-in.

import { randomToken } from './http-kit';

export const WAF_COOKIE = 'aws-waf-token';

/** The small proof a challenge script computes from its nonce (a stand-in for the real proof of work). */
export function solveChallenge(nonce: string): string {
  let sum = 0;
  for (let i = 0; i < nonce.length; i += 1) sum = (sum * 31 + nonce.charCodeAt(i)) >>> 0;
  return `${nonce}.${sum.toString(36)}`;
}

export class WafChallenge {
  enabled: boolean;
  private readonly issued = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    enabled: boolean,
    /** How long a solved token stays fresh (AWS's default immunity time is 300 s). */
    public tokenTtlMs: number,
  ) {
    this.enabled = enabled;
  }

  /** Whether a request carrying this cookie value may pass. */
  passes(token: string | undefined): boolean {
    if (!this.enabled) return true;
    if (!token) return false;
    const dot = token.lastIndexOf('.');
    const nonce = dot > 0 ? token.slice(0, dot) : '';
    const issuedAt = this.issued.get(nonce);
    if (issuedAt === undefined || solveChallenge(nonce) !== token) return false;
    if (this.now() - issuedAt > this.tokenTtlMs) {
      this.issued.delete(nonce);
      return false;
    }
    return true;
  }

  /** The challenge page: its script computes the token, stores it as a cookie and reloads. */
  challengePage(): string {
    if (this.issued.size > 10_000) this.issued.clear();
    const nonce = randomToken(12);
    this.issued.set(nonce, this.now());
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Checking your browser</title></head>
<body><noscript>JavaScript is required to continue.</noscript><p id="challenge">Checking your browser…</p>
<script>
(function () {
  var nonce = ${JSON.stringify(nonce)};
  var sum = 0;
  for (var i = 0; i < nonce.length; i += 1) { sum = (sum * 31 + nonce.charCodeAt(i)) >>> 0; }
  document.cookie = "${WAF_COOKIE}=" + nonce + "." + sum.toString(36) + "; path=/; SameSite=Lax";
  location.reload();
})();
</script></body></html>`;
  }
}
