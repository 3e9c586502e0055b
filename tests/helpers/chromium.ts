// How Chromium is started for the browser tests and the benchmark: Debian's binary, headless, and unable
// to reach anything but 127.0.0.1.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Belt and braces with request routing: no host name resolves, so even traffic that routing cannot see
  // (WebSockets, prefetches) cannot leave the machine. 127.0.0.1 is an address, not a name.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
