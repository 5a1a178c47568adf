import { InputError } from "../../diagnostics.js";
import { type Bump, type ClassifiedChange, maxBump } from "../bump.js";
import { ChangeList, sortChanges } from "./changes.js";
import { classifyDocument } from "./classify-document.js";
import { classifyOperations } from "./classify-operations.js";
import { runEngine } from "./engine.js";
import { loadPair } from "./load-pair.js";
import { firstDifference, observableView } from "./observable-view.js";

/** Every classified difference between two specs, and the bump they add up to. */
export interface SpecDiff {
  changes: ClassifiedChange[];
  bump: Bump;
}

/** A spec diff with the engine's own verdict, for reports and tests that compare the two. */
export interface SpecDiffDetail extends SpecDiff {
  /** Whether openapi-diff itself called the change incompatible (we classify it ourselves). */
  engineIncompatible: boolean;
}

/**
 * Compares two OpenAPI 3.x specs and classifies every difference as a consumer of the generated
 * SDK would observe it. Throws InputError naming the file and place when a spec cannot be read
 * or is invalid.
 */
export async function diffSpecs(oldFile: string, newFile: string): Promise<SpecDiff> {
  const [detail] = await diffSpecPairs([{ oldFile, newFile }]);
  return { changes: detail!.changes, bump: detail!.bump };
}

/**
 * Compares many pairs with one start of the diff engine (the JVM start is most of a diff's
 * cost). Results are in the order of `pairs`; the first invalid spec throws.
 */
export async function diffSpecPairs(pairs: readonly { oldFile: string; newFile: string }[]): Promise<SpecDiffDetail[]> {
  const loaded = await Promise.all(pairs.map((p) => loadPair(p.oldFile, p.newFile)));
  const outcomes = await runEngine(pairs);
  return outcomes.map((outcome, i) => {
    const [before, after] = loaded[i]!;
    if (outcome.error !== undefined) {
      // Validation passed, so this is the engine's parser disagreeing: still a problem with the input.
      throw new InputError([
        {
          severity: "error",
          file: pairs[i]!.newFile,
          message: `openapi-diff could not compare the specs: ${outcome.error}`,
        },
      ]);
    }
    const out = new ChangeList();
    classifyOperations(outcome.diff, out);
    classifyDocument(before.document, after.document, out);
    if (out.items.length === 0) {
      // A safety net for what neither the engine nor our document checks look at.
      const at = firstDifference(observableView(before.document), observableView(after.document));
      if (at !== undefined) {
        out.add(
          "patch",
          "unclassified-difference",
          at,
          "A difference no rule classifies; review it (counted as documentation).",
        );
      }
    }
    const changes = sortChanges(out.items);
    return {
      changes,
      bump: maxBump(...changes.map((c) => c.bump)),
      engineIncompatible: outcome.diff.incompatible === true,
    };
  });
}
