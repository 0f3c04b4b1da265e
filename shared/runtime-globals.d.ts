// The few web-standard globals that both Node 20 and Chromium provide, declared narrowly so that
// shared/ can use them without pulling in the DOM or Node type libraries (which would hide misuse).

declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly host: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly origin: string;
  readonly username: string;
  readonly password: string;
  toString(): string;
}
