import { describe, expect, it } from "vitest";
import { MODEL_IMPORTS_MARKER, resolveModelImports } from "../../src/generate/model-imports.js";

const models = {
  "models/Pet.gen.ts": `${MODEL_IMPORTS_MARKER}\nexport interface Pet { tag?: Tag; owner: Owner }\n`,
  "models/Tag.gen.ts": `${MODEL_IMPORTS_MARKER}\n/** Not a Pet reference. */\nexport interface Tag { name: "Pet" }\n`,
  "models/Owner.gen.ts": `${MODEL_IMPORTS_MARKER}\nexport type Owner = { pets: Array<Pet> };\n`,
  "models/index.gen.ts": `export * from "./Pet.gen.js";\n`,
  "apis/PetApi.gen.ts": `${MODEL_IMPORTS_MARKER}\nexport class PetApi { get(): Promise<Pet> { return null!; } }\n`,
  "apis/Other.gen.ts": `${MODEL_IMPORTS_MARKER}\nexport class Other {}\n`,
  // Ideal Postcodes: a property `wgs84koordinat_længde` names its model with a non-ASCII letter.
  "models/Address.gen.ts": `${MODEL_IMPORTS_MARKER}\nexport interface Address { "længde": AddressLængde }\n`,
  "models/AddressLængde.gen.ts": `${MODEL_IMPORTS_MARKER}\nexport type AddressLængde = string;\n`,
  // An enum's const object has a key spelled like another model (`Refund`); a key is no reference.
  "models/Scenario.gen.ts": `${MODEL_IMPORTS_MARKER}\nexport const Scenario = {\n  Refund: "REFUND",\n  Extra?: 1,\n} as const;\n`,
  "models/Refund.gen.ts": `${MODEL_IMPORTS_MARKER}\nexport interface Refund { id: string }\n`,
  "models/Extra.gen.ts": `${MODEL_IMPORTS_MARKER}\nexport interface Extra { id: string }\n`,
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
  [
    "identifiers with non-ASCII letters are imported whole",
    { file: "models/Address.gen.ts", want: 'import type { AddressLængde } from "./index.gen.js";' },
  ],
  ["object-literal keys are not references", { file: "models/Scenario.gen.ts", want: "" }],
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
