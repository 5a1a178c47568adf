import { describe, expect, it } from "vitest";
import { MODEL_IMPORTS_MARKER, resolveModelImports } from "../../src/generate/model-imports.js";

const models = {
  "models/Pet.gen.ts": `${MODEL_IMPORTS_MARKER}\nexport interface Pet { tag?: Tag; owner: Owner }\n`,
  "models/Tag.gen.ts": `${MODEL_IMPORTS_MARKER}\n/** Not a Pet reference. */\nexport interface Tag { name: "Pet" }\n`,
  "models/Owner.gen.ts": `${MODEL_IMPORTS_MARKER}\nexport type Owner = { pets: Array<Pet> };\n`,
  "models/index.gen.ts": `export * from "./Pet.gen.js";\n`,
  "apis/PetApi.gen.ts": `${MODEL_IMPORTS_MARKER}\nexport class PetApi { get(): Promise<Pet> { return null!; } }\n`,
  "apis/Other.gen.ts": `${MODEL_IMPORTS_MARKER}\nexport class Other {}\n`,
};

const cases: [string, { file: keyof typeof models; want: string }][] = [
  [
    "model imports what its properties use, sorted",
    { file: "models/Pet.gen.ts", want: 'import type { Owner, Tag } from "./index.gen.js";' },
  ],
  ["names in comments and strings are not imports", { file: "models/Tag.gen.ts", want: "" }],
  ["type aliases count too", { file: "models/Owner.gen.ts", want: 'import type { Pet } from "./index.gen.js";' }],
  [
    "API files import from the models barrel",
    { file: "apis/PetApi.gen.ts", want: 'import type { Pet } from "../models/index.gen.js";' },
  ],
  ["no references, no import line", { file: "apis/Other.gen.ts", want: "" }],
];

describe("resolveModelImports", () => {
  const resolved = resolveModelImports(new Map(Object.entries(models)));
  it.each(cases)("%s", (_name, { file, want }) => {
    expect(resolved.get(file)!.split("\n")[0]).toBe(want);
  });
  it("leaves files without the marker alone", () => {
    expect(resolved.get("models/index.gen.ts")).toBe(models["models/index.gen.ts"]);
  });
});
