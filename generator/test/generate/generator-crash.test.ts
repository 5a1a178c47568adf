import { describe, expect, it } from "vitest";
import { failureSummary, GeneratorCrash } from "../../src/generate/openapi-generator.js";

describe("GeneratorCrash.from", () => {
  it.each([
    [
      "a model, with the innermost cause",
      {
        given: [
          "[pool-1-thread-2] Generation failed for typescript-axios: (RuntimeException) Could not process model 'Thing'.Please make sure that your schema is correct!",
          "java.lang.RuntimeException: Could not process model 'Thing'.Please make sure that your schema is correct!",
          "Caused by: java.lang.IllegalStateException: outer",
          "Caused by: java.lang.StringIndexOutOfBoundsException: begin 7, end 0, length 0",
          "\t... 6 more",
        ].join("\n"),
        want: {
          kind: "model",
          subject: "Thing",
          javaCause: "StringIndexOutOfBoundsException: begin 7, end 0, length 0",
        },
      },
    ],
    [
      "an operation without a cause line",
      {
        given: "Could not process operation 'getThing'",
        want: { kind: "operation", subject: "getThing", javaCause: "no cause given" },
      },
    ],
    [
      "an operation in the block form, with its method and path",
      {
        given: [
          "[pool-1-thread-1] Generation failed for typescript-fetch: (RuntimeException) Could not process operation:",
          "  Tag: class Tag {",
          "    name: Consumers",
          "}",
          "  Operation: postThingsByIdChannels",
          "  Resource: post /things/{id}/channels",
          "  Schemas: {Thing=class ObjectSchema {",
          "}}",
          '  Exception: Cannot read field "isDeprecated" because "cp" is null',
          "\tat org.openapitools.codegen.DefaultGenerator.processOperation(DefaultGenerator.java:1643)",
          'Caused by: java.lang.NullPointerException: Cannot read field "isDeprecated" because "cp" is null',
        ].join("\n"),
        want: {
          kind: "operation",
          subject: "postThingsByIdChannels",
          javaCause: 'NullPointerException: Cannot read field "isDeprecated" because "cp" is null',
          resource: { method: "post", path: "/things/{id}/channels" },
        },
      },
    ],
    [
      "the block form's Exception line when no cause follows",
      {
        given: "Could not process operation:\n  Operation: getThing\n  Exception: boom\n",
        want: { kind: "operation", subject: "getThing", javaCause: "boom", resource: undefined },
      },
    ],
  ])("%s", (_name, { given, want }) => {
    const crash = GeneratorCrash.from(given);
    expect(crash).toBeInstanceOf(GeneratorCrash);
    expect({
      kind: crash?.kind,
      subject: crash?.subject,
      javaCause: crash?.javaCause,
      ...("resource" in want && { resource: crash?.resource }),
    }).toEqual(want);
  });

  it("is not a crash when no model or operation is named", () => {
    expect(GeneratorCrash.from("Exception in thread main java.lang.OutOfMemoryError")).toBeUndefined();
  });
});

describe("failureSummary", () => {
  const dump = (name: string): string[] => [
    ` class ObjectSchema {`,
    `    class Schema {`,
    `        type: null`,
    `        $ref: #/components/schemas/${name}`,
    `    }`,
    `}`,
  ];

  it("keeps each message once, without thread names, schema dumps, progress or stack frames", () => {
    const output = [
      "[pool-1-thread-1] INFO  o.o.codegen.DefaultGenerator - Generating models",
      "[pool-1-thread-1] ERROR o.o.codegen.InlineModelResolver - Illegal schema found with $ref combined with other properties:",
      ...dump("A"),
      "[pool-1-thread-2] ERROR o.o.codegen.InlineModelResolver - Illegal schema found with $ref combined with other properties:",
      ...dump("B"),
      "Exception in thread main java.lang.IllegalStateException: no output",
      "\tat org.openapitools.codegen.DefaultGenerator.generate(DefaultGenerator.java:1319)",
    ].join("\n");
    expect(failureSummary(output)).toBe(
      [
        "ERROR o.o.codegen.InlineModelResolver - Illegal schema found with $ref combined with other properties:",
        "Exception in thread main java.lang.IllegalStateException: no output",
      ].join("\n"),
    );
  });

  it("shows at most 20 lines and counts the rest; long lines are cut", () => {
    const lines = Array.from({ length: 25 }, (_, i) => `ERROR problem ${i} ${"x".repeat(i === 0 ? 400 : 0)}`);
    const summary = failureSummary(lines.join("\n")).split("\n");
    expect(summary).toHaveLength(21);
    expect(summary[0]).toHaveLength(301);
    expect(summary[20]).toBe("(5 more lines)");
  });
});
