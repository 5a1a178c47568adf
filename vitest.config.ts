import { playwright } from "@vitest/browser-playwright";
import { defineConfig, type TestProjectConfiguration } from "vitest/config";
import { findChromium } from "./scripts/find-chromium.ts";

/**
 * The contract suite in headless Chromium, driven through playwright-core with the system's
 * Chromium (Debian's `chromium` package), never a downloaded one. Without a Chromium the run
 * is skipped with a message, except under CI=true, where that is an error.
 */
function browserProject(): TestProjectConfiguration[] {
  const executablePath = findChromium();
  if (executablePath === undefined) {
    const message =
      "browser run of the contract suite: no Chromium found (install Debian's `chromium` package or set CHROMIUM_PATH)";
    if (process.env.CI === "true") throw new Error(`${message}; CI=true requires it`);
    process.stderr.write(`${message}; skipping it\n`);
    return [];
  }
  return [
    {
      test: {
        name: "browser",
        root: "packages/contract",
        include: ["test/browser/**/*.test.ts"],
        globalSetup: ["test/browser/global-setup.ts"],
        testTimeout: 60_000,
        hookTimeout: 120_000,
        browser: {
          enabled: true,
          headless: true,
          screenshotFailures: false,
          provider: playwright({ launchOptions: { executablePath } }),
          instances: [{ browser: "chromium" }],
        },
      },
    },
  ];
}

// One runner for the whole repo: each workspace folder is a vitest project.
export default defineConfig({
  test: {
    reporters: ["default", "./scripts/plain-summary-reporter.ts"],
    // Vitest's default leaves one core for itself: on 2 cores, one file at a time. Most of our
    // slow files wait on child processes (the JVM, tsc, tsup), so a worker per core keeps both busy.
    maxWorkers: "100%",
    projects: [
      {
        test: {
          name: "generator",
          root: "generator",
          include: ["test/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: "runtime",
          root: "runtime",
          include: ["test/**/*.test.ts"],
          // One test builds a TypeScript program over the runtime; a loaded machine must not break it.
          testTimeout: 120_000,
          typecheck: { enabled: true, include: ["test/**/*.test-d.ts"] },
        },
      },
      {
        test: {
          name: "packages",
          root: "packages",
          include: ["*/test/**/*.test.ts"],
          // The browser run's files execute in Chromium only (project "browser").
          exclude: ["contract/test/browser/**", "**/node_modules/**"],
          typecheck: { enabled: true, include: ["*/test/**/*.test-d.ts"], tsconfig: "./contract/tsconfig.json" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "corpus",
          root: "corpus",
          include: ["test/**/*.test.ts"],
          // Generating GitHub's API (1,200 operations) takes minutes on a loaded 2-core machine.
          testTimeout: 1_800_000,
          hookTimeout: 3_600_000,
        },
      },
      {
        test: {
          name: "release",
          root: "release",
          include: ["test/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      ...browserProject(),
    ],
  },
});
