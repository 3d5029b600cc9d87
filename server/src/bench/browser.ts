/**
 * The one way the project starts Debian's Chromium: bench:ui and every browser test (tests/e2e)
 * launch it here, so the flags that keep a headless run quiet and repeatable live in one place.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Headless, no sandbox (containers), no GPU, and none of the background traffic a profile starts. */
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface LaunchOptions {
  /**
   * Offer WebGL through SwiftShader: without a GPU, Chromium gives WebGL only through this CPU
   * implementation, and only when asked.
   */
  softwareWebGl?: boolean;
}

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: options.softwareWebGl ? [...FLAGS, '--enable-unsafe-swiftshader'] : FLAGS,
  });
}
