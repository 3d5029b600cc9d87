/**
 * The built explorer in Chromium beside bench:ui's stand-in server for a generated graph of
 * `nodes` (server/src/bench/ui-server.ts, no database), for the big-graph browser tests. Page
 * errors and Content-Security-Policy complaints are collected in `pageErrors`.
 */
import type { Browser, Page } from 'playwright-core';
import { buildClientIfStale } from '../../server/src/api/client-build.ts';
import { launchChromium } from '../../server/src/bench/browser.ts';
import { generateGraph } from '../../server/src/bench/ui-graph.ts';
import { UI_INIT_SCRIPT } from '../../server/src/bench/ui-page.ts';
import { startUiServer, type UiServer } from '../../server/src/bench/ui-server.ts';

export interface GeneratedGraphPage {
  server: UiServer;
  browser: Browser;
  page: Page;
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openGeneratedGraph(nodes: number): Promise<GeneratedGraphPage> {
  buildClientIfStale();
  const server = await startUiServer(generateGraph(nodes));
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
  });
  await page.addInitScript(UI_INIT_SCRIPT);
  await page.goto(server.baseUrl);
  return {
    server,
    browser,
    page,
    pageErrors,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
