import { defineConfig } from "vitest/config";

// One runner for the whole repo: each workspace folder is a vitest project.
export default defineConfig({
  test: {
    reporters: ["default", "./scripts/plain-summary-reporter.ts"],
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
          typecheck: { enabled: true, include: ["test/**/*.test-d.ts"] },
        },
      },
      {
        test: {
          name: "packages",
          root: "packages",
          include: ["*/test/**/*.test.ts"],
          typecheck: { enabled: true, include: ["*/test/**/*.test-d.ts"], tsconfig: "./contract/tsconfig.json" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
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
    ],
  },
});
