// Starts a real Safeguard server for browser tests: a small synthetic council in a temporary SQLite
// database, served on a free loopback port. Also launches Debian's Chromium through playwright-core.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const DEMO_PASSWORD = 'demo-password-2026';

const binary = process.env.SAFEGUARD_BINARY ?? new URL('../../build/safeguard', import.meta.url).pathname;

export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'safeguard-e2e-'));
  const db = join(dir, 'council.db');
  execFileSync(binary, ['demo', '--db', db, '--scale', 'small', '--seed', '7'], { stdio: 'pipe' });
  const child = spawn(binary, ['serve', '--db', db, '--port', '0', '--bind', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) resolve(match[1].replace(/\/$/, ''));
    });
    child.on('exit', (code) => reject(new Error(`safeguard serve exited with ${code}: ${output}`)));
  });
  return {
    url,
    db,
    cli: (...args) => execFileSync(binary, args, { encoding: 'utf8' }),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.on('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser({ javaScriptEnabled = true } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'safeguard-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    javaScriptEnabled,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function signIn(page, url, username) {
  await page.goto(`${url}/`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
