import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser; `CHROMIUM_PATH` points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface OfflineBrowser {
  /** A fresh browser context (its own storage) whose every request is recorded. */
  readonly context: BrowserContext;
  /** Every URL the pages (and their workers) requested, in order, including refused ones. */
  readonly requests: readonly string[];
  /** Requests to anything but 127.0.0.1: a test asserts there are none. */
  offMachineRequests(): string[];
  close(): Promise<void>;
}

/**
 * Headless Chromium that can reach only this machine: every host name but 127.0.0.1 resolves to
 * nothing, everything else is sent to a proxy that does not exist, and Chromium's own background
 * traffic (updates, sync, QUIC probes) is switched off. A page that needs a CDN fails here.
 */
export async function launchOfflineChromium(): Promise<OfflineBrowser> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      // Port 9 is discard: nothing listens, so a request that escapes the resolver rule fails too.
      '--proxy-server=http://127.0.0.1:9',
      '--proxy-bypass-list=127.0.0.1',
    ],
  });
  const context = await browser.newContext();
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  return {
    context,
    requests,
    offMachineRequests: () => requests.filter((url) => !isOnMachine(url)),
    close: () => browser.close(),
  };
}

function isOnMachine(url: string): boolean {
  // Pages make blob: and data: URLs of their own; they never touch the network.
  if (url.startsWith('blob:') || url.startsWith('data:')) return true;
  return new URL(url).hostname === '127.0.0.1';
}
