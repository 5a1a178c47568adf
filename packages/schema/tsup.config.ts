import { defineConfig } from "tsup";

// ESM and CJS builds with a declaration file for each, as the package.json exports map expects.
export default defineConfig({
  entry: { index: "src/index.gen.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  outDir: "dist",
});
