import { describe, expect, it } from "vitest";
import type { GeneratorRun } from "../../src/generate/openapi-generator.js";
import { SharedJvm } from "../../src/generate/shared-jvm.js";

const runOf = (name: string, signal?: AbortSignal): GeneratorRun => ({
  repoRoot: "/repo",
  specFile: `/specs/${name}.yaml`,
  workDir: `/work/${name}`,
  jobs: [],
  size: 10,
  ...(signal !== undefined && { signal }),
});

/** A runner that records its calls and settles when the test says. */
function controlledRunner() {
  const calls: string[][] = [];
  let finish: (error?: unknown) => void = () => undefined;
  const shared = (runs: readonly GeneratorRun[]) => {
    calls.push(runs.map((run) => run.specFile));
    return new Promise<void>((resolve, reject) => {
      finish = (error) => (error === undefined ? resolve() : reject(error));
    });
  };
  return { calls, shared, finish: (error?: unknown) => finish(error) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("one JVM shared by a batch", () => {
  it("starts once, when every seat has asked or been released, with every run that asked", async () => {
    const runner = controlledRunner();
    const jvm = new SharedJvm("/repo", 3, { shared: runner.shared });
    const [a, b, c] = [jvm.seat(), jvm.seat(), jvm.seat()];
    const ranA = a.run(runOf("a"));
    await tick();
    c.release(); // c failed before it needed the JVM
    await tick();
    expect(runner.calls).toEqual([]);
    const ranB = b.run(runOf("b"));
    await tick();
    expect(runner.calls).toEqual([["/specs/a.yaml", "/specs/b.yaml"]]);
    runner.finish();
    await expect(Promise.all([ranA, ranB])).resolves.toEqual([undefined, undefined]);
    a.release();
    b.release();
    expect(runner.calls).toHaveLength(1);
  });

  it("after a failed shared run, each run goes alone and gets its own outcome", async () => {
    const runner = controlledRunner();
    const alone: string[] = [];
    const jvm = new SharedJvm("/repo", 2, {
      shared: runner.shared,
      alone: async (run) => {
        alone.push(run.specFile);
        if (run.specFile.includes("bad")) throw new Error(`OpenAPI Generator failed on ${run.specFile}`);
      },
    });
    const good = jvm.seat().run(runOf("good"));
    const bad = jvm.seat().run(runOf("bad"));
    await tick();
    runner.finish(new Error("the batch failed somewhere"));
    await expect(good).resolves.toBeUndefined();
    await expect(bad).rejects.toThrow("OpenAPI Generator failed on /specs/bad.yaml");
    expect(alone).toEqual(["/specs/good.yaml", "/specs/bad.yaml"]);
  });

  it("an aborted run settles only once the shared JVM has exited, with the abort's reason", async () => {
    const runner = controlledRunner();
    const jvm = new SharedJvm("/repo", 2, { shared: runner.shared });
    const control = new AbortController();
    let settled = false;
    const aborted = jvm
      .seat()
      .run(runOf("invalid", control.signal))
      .finally(() => {
        settled = true;
      });
    const other = jvm.seat().run(runOf("other"));
    await tick();
    control.abort(new Error("validation failed"));
    await tick();
    expect(settled).toBe(false); // the JVM may still be writing into its work folder
    runner.finish();
    await expect(aborted).rejects.toThrow("validation failed");
    await expect(other).resolves.toBeUndefined();
  });

  it("a run aborted before the JVM starts never joins it", async () => {
    const runner = controlledRunner();
    const jvm = new SharedJvm("/repo", 2, { shared: runner.shared });
    const control = new AbortController();
    control.abort(new Error("refused early"));
    const early = jvm
      .seat()
      .run(runOf("early", control.signal))
      .then(
        () => "resolved",
        (error: Error) => error.message,
      );
    const late = jvm.seat().run(runOf("late"));
    await tick();
    expect(runner.calls).toEqual([["/specs/late.yaml"]]);
    expect(await early).toBe("refused early");
    runner.finish();
    await expect(late).resolves.toBeUndefined();
  });
});
