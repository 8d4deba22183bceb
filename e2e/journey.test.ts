/**
 * The first-run journey in a real browser: setup → clients and brands → invitation → the invited
 * client approver sees only their brand → switches to Russian → signs out.
 *
 * Needs the UI build (`npm run build`) and Debian's Chromium at /usr/bin/chromium; without
 * Chromium the suite is skipped (CI installs it). Screenshots go to /tmp/repute-e2e/.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const UI_INDEX = path.join(ROOT, "dist/web/index.html");
const SHOTS = "/tmp/repute-e2e";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `[e2e] SKIPPED: ${CHROMIUM} is missing. Install it with: apt-get update && apt-get install -y chromium fonts-dejavu-core`,
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForBuild(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(UI_INDEX)) {
    if (Date.now() > deadline)
      throw new Error(`The UI build is missing (${UI_INDEX}). Run \`npm run build\` before the e2e test.`);
    await sleep(500);
  }
}

/** The project's pinned Node (npm scripts use it); the current one otherwise. */
function nodeBinary(): string {
  const pinned = path.join(ROOT, "node_modules/.bin/node");
  return existsSync(pinned) ? pinned : process.execPath;
}

describe.skipIf(!hasChromium)("web UI journey (Chromium)", () => {
  let server: ChildProcess | undefined;
  let serverLog = "";
  let dataDir = "";
  let base = "";
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    await waitForBuild(30_000);
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(path.join(tmpdir(), "repute-e2e-"));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // A fresh embedded database, whatever the surrounding environment points at.
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, PUBLIC_URL: base, LOG_LEVEL: "warn" };
    delete env["DATABASE_URL"];
    server = spawn(nodeBinary(), ["--import", "tsx", "src/server/main.ts", "start"], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout?.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
    server.stderr?.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));

    const deadline = Date.now() + 90_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`The server exited with ${server.exitCode}:\n${serverLog}`);
      try {
        const response = await fetch(`${base}/api/health`);
        if (response.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`The server did not become healthy in 90 s:\n${serverLog}`);
      await sleep(250);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    const child = server;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(10_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function newPage(): Promise<Page> {
    if (!browser) throw new Error("no browser");
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

  /** Picks an option of a Mantine Select (the options live in a portal). */
  async function choose(page: Page, selectTestId: string, optionName: string): Promise<void> {
    await byTestId(page, selectTestId).click();
    await page.getByRole("option", { name: optionName, exact: true }).click();
  }

  /** On failure, a screenshot of every open page tells what the browser showed. */
  async function shotAllOnFailure(run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      let n = 0;
      for (const context of contexts) for (const page of context.pages()) await shot(page, `failure-${++n}`).catch(() => undefined);
      throw error;
    }
  }

  it("sets up, invites a client approver to one brand, and that user works in Russian", () => shotAllOnFailure(async () => {
    const admin = await newPage();

    // First start: every address leads to the setup form.
    await admin.goto(`${base}/`);
    await admin.waitForURL(/\/setup$/);
    await byTestId(admin, "setup-workspace").fill("Northwind Reputation");
    await byTestId(admin, "setup-name").fill("Alice Admin");
    await byTestId(admin, "setup-email").fill("alice@northwind.test");
    await byTestId(admin, "setup-password").fill("correct horse battery");
    await shot(admin, "01-setup");
    await byTestId(admin, "setup-submit").click();

    // The new workspace has no brands yet: the admin is pointed to Settings.
    await byTestId(admin, "no-brands").waitFor();
    await expect(byTestId(admin, "workspace-name").textContent()).resolves.toBe("Northwind Reputation");
    await shot(admin, "02-admin-no-brands");

    // Settings → Clients & brands: one client, two brands.
    await byTestId(admin, "nav-settings").click();
    await admin.waitForURL(/\/settings\/clients$/);
    await byTestId(admin, "clients-create").click();
    await byTestId(admin, "client-form-name").fill("Acme Foods");
    await byTestId(admin, "client-form-submit").click();
    await byTestId(admin, "client-form-name").waitFor({ state: "detached" });
    const card = admin.locator('[data-testid="client-card"][data-client-name="Acme Foods"]');
    await card.waitFor();
    for (const brand of ["Acme Burgers", "Acme Coffee"]) {
      await card.locator('[data-testid="client-add-brand"]').click();
      await byTestId(admin, "brand-form-name").fill(brand);
      await byTestId(admin, "brand-form-submit").click();
      await byTestId(admin, "brand-form-name").waitFor({ state: "detached" });
      await card.locator(`[data-testid="brand-row"][data-brand-name="${brand}"]`).waitFor();
    }
    await shot(admin, "03-clients-and-brands");

    // The admin sees both brands in the switcher.
    await byTestId(admin, "brand-switcher").click();
    await expect(admin.getByRole("option").count()).resolves.toBe(2);
    await admin.keyboard.press("Escape");

    // Settings → Invitations: a client approver for ONE brand; the link is read from the page.
    await byTestId(admin, "settings-tab-invitations").click();
    await admin.waitForURL(/\/settings\/invitations$/);
    await byTestId(admin, "invite-email").fill("carol@acme.test");
    await choose(admin, "invite-role", "Client approver");
    await choose(admin, "invite-scope", "Brand Acme Burgers");
    await byTestId(admin, "invite-submit").click();
    const linkOutput = byTestId(admin, "invitation-link");
    await linkOutput.waitFor();
    const link = (await linkOutput.textContent())?.trim() ?? "";
    expect(link).toMatch(/\/invite\/[^/\s]+$/);
    await admin.locator('[data-testid="invitation-row"][data-status="pending"]').waitFor();
    await shot(admin, "04-invitation-link");

    // The admin signs out.
    await byTestId(admin, "user-menu").click();
    await byTestId(admin, "sign-out").click();
    await admin.waitForURL(/\/sign-in$/);
    await byTestId(admin, "login-email").waitFor();
    await shot(admin, "05-admin-signed-out");

    // The invited person opens the link in a fresh browser and accepts.
    const carol = await newPage();
    await carol.goto(link);
    await byTestId(carol, "invitation-summary").waitFor();
    await expect(byTestId(carol, "invitation-email").textContent()).resolves.toBe("carol@acme.test");
    await expect(byTestId(carol, "invitation-scope").textContent()).resolves.toContain("Acme Burgers");
    await byTestId(carol, "accept-name").fill("Carol Client");
    await byTestId(carol, "accept-password").fill("another long password");
    await shot(carol, "06-accept-invitation");
    await byTestId(carol, "accept-submit").click();

    // Signed in, inside the one brand, and the switcher offers only that brand.
    await carol.waitForURL(/\/b\/[^/]+\/environment$/);
    await byTestId(carol, "section-empty-environment").waitFor();
    await byTestId(carol, "brand-switcher").click();
    const options = carol.getByRole("option");
    await expect(options.count()).resolves.toBe(1);
    await expect(options.first().textContent()).resolves.toContain("Acme Burgers");
    await expect(options.first().textContent()).resolves.toContain("Client approver");
    await shot(carol, "07-client-one-brand");
    await carol.keyboard.press("Escape");
    await expect(byTestId(carol, "nav-settings").isVisible()).resolves.toBe(true);

    // Russian, one click; the navigation follows, and the choice survives a reload.
    const saved = carol.waitForResponse((r) => r.url().endsWith("/api/me") && r.request().method() === "PATCH");
    await byTestId(carol, "language-ru").click();
    await byTestId(carol, "nav-mentions").filter({ hasText: "Упоминания" }).waitFor();
    expect((await saved).ok()).toBe(true);
    await carol.waitForTimeout(300); // let the switch's indicator finish sliding before the screenshot
    await expect(byTestId(carol, "nav-environment").textContent()).resolves.toContain("Репутационная среда");
    await expect(byTestId(carol, "nav-settings").textContent()).resolves.toContain("Настройки");
    await shot(carol, "08-client-russian");
    await carol.reload();
    await byTestId(carol, "nav-mentions").filter({ hasText: "Упоминания" }).waitFor();

    // Sign out lands on the sign-in page, still in Russian.
    await byTestId(carol, "user-menu").click();
    await byTestId(carol, "sign-out").click();
    await carol.waitForURL(/\/sign-in$/);
    await byTestId(carol, "login-submit").filter({ hasText: "Войти" }).waitFor();
    await shot(carol, "09-client-signed-out");
  }));
});
