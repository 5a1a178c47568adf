// Runs OpenAPITools' openapi-diff on several spec pairs in one JVM and prints its findings as
// JSON for the TypeScript classifier (generator/src/release/spec-diff). Compiled at set-up by
// scripts/fetch-openapi-diff.mjs against the jars pinned in pom.xml beside this file.
//
// Usage: java -cp <jars>:<classes> SpecDiffBatch <old-1> <new-1> [<old-2> <new-2> ...]
// Prints one JSON array, one element per pair: {"diff": {...}} or {"error": "..."}.
//
// The engine's result tree references the whole parsed documents; those are cut down to the few
// fields a change message needs (names, types, required flags), so the output stays small.

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.openapidiff.core.OpenApiCompare;

public final class SpecDiffBatch {
  /** Result-tree properties that repeat other nodes or carry whole documents or engine settings. */
  private static final Set<String> DROPPED =
      Set.of(
          "changedElements", "coreChanged", "context", "extensions", "changedSchemas",
          "oldSpecOpenApi", "newSpecOpenApi", "oldPathMap", "newPathMap", "path",
          "oldParameterList", "newParameterList", "oldApiResponses", "newApiResponses",
          "oldContent", "newContent", "oldHeaders", "newHeaders", "oldMapping", "newMapping",
          "oldSecurityRequirements", "newSecurityRequirements", "options", "config",
          // Restate `different` and `incompatible`, which are kept.
          "compatible", "unchanged");

  private SpecDiffBatch() {}

  /** Writes a parsed-document object (schema, parameter, operation, ...) as a short summary. */
  private static final class SummarySerializer extends JsonSerializer<Object> {
    @Override
    public void serialize(Object value, JsonGenerator out, SerializerProvider provider) throws IOException {
      Map<String, Object> summary = new LinkedHashMap<>();
      // Casts rather than instanceof patterns: this compiles with --release 11.
      if (value instanceof Schema) {
        Schema<?> schema = (Schema<?>) value;
        summary.put("$ref", schema.get$ref());
        summary.put("type", schema.getType() != null ? schema.getType() : firstType(schema));
        summary.put("format", schema.getFormat());
        summary.put("nullable", schema.getNullable());
      } else if (value instanceof Parameter) {
        Parameter parameter = (Parameter) value;
        summary.put("name", parameter.getName());
        summary.put("in", parameter.getIn());
        summary.put("required", parameter.getRequired());
      } else if (value instanceof Operation) {
        summary.put("operationId", ((Operation) value).getOperationId());
      } else if (value instanceof RequestBody) {
        summary.put("required", ((RequestBody) value).getRequired());
      } else if (value instanceof ApiResponse) {
        summary.put("description", ((ApiResponse) value).getDescription());
      }
      summary.values().removeIf(v -> v == null);
      provider.defaultSerializeValue(summary, out);
    }

    private static String firstType(Schema<?> schema) {
      return schema.getTypes() == null || schema.getTypes().isEmpty()
          ? null
          : schema.getTypes().stream().sorted().findFirst().orElse(null);
    }
  }

  private static final class Trim extends BeanSerializerModifier {
    @Override
    public List<BeanPropertyWriter> changeProperties(
        SerializationConfig config, BeanDescription description, List<BeanPropertyWriter> properties) {
      properties.removeIf(p -> DROPPED.contains(p.getName()));
      return properties;
    }

    @Override
    public JsonSerializer<?> modifySerializer(
        SerializationConfig config, BeanDescription description, JsonSerializer<?> serializer) {
      Class<?> type = description.getBeanClass();
      // Enums (HTTP methods) and maps (security requirements: scheme name to scopes) stay whole.
      boolean model =
          type.getName().startsWith("io.swagger.v3.oas.models.")
              && !type.isEnum()
              && !Map.class.isAssignableFrom(type);
      return model ? new SummarySerializer() : serializer;
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 0 || args.length % 2 != 0) {
      System.err.println("usage: SpecDiffBatch <old> <new> [<old> <new> ...]");
      System.exit(2);
    }
    // Keep stdout for the JSON alone: the parser and engine may print warnings.
    PrintStream json = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    System.setOut(System.err);
    JsonMapper mapper =
        JsonMapper.builder()
            .addModule(new SimpleModule().setSerializerModifier(new Trim()))
            // Empty fields are left out, but never map entries: `{bearer: []}` means "bearer, no scopes".
            .defaultPropertyInclusion(
                JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS))
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();
    List<Map<String, Object>> results = new ArrayList<>();
    for (int i = 0; i < args.length; i += 2) {
      Map<String, Object> result = new LinkedHashMap<>();
      try {
        // Serialised per pair so one unserialisable tree fails its own pair only.
        result.put("diff", mapper.readTree(mapper.writeValueAsString(OpenApiCompare.fromLocations(args[i], args[i + 1]))));
      } catch (Throwable error) {
        result.put("error", error.getClass().getSimpleName() + ": " + error.getMessage());
      }
      results.add(result);
    }
    mapper.writeValue(json, results);
    json.flush();
  }
}
