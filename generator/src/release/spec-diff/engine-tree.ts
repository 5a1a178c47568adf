/**
 * The shape of openapi-diff's result tree as SpecDiffBatch.java prints it: the engine's own
 * `Changed…` objects with every parsed-document object cut down to a short summary. Only the
 * fields the classifier reads are typed; each node also carries the engine's own verdict
 * (`different`, `incompatible`), which we report but do not follow (the mapping is ours).
 */

/** Fields every result node has. */
export interface EngineNode {
  different?: boolean;
  incompatible?: boolean;
}

/** A parsed schema, summarised. */
export interface SchemaSummary {
  $ref?: string;
  type?: string;
  format?: string;
  nullable?: boolean;
}

export interface ParameterSummary {
  name: string;
  in: string;
  required?: boolean;
}

/** openapi-diff's ChangedMetadata and ChangedOperationId: a string on each side. */
export interface EngineMetadata extends EngineNode {
  left?: string;
  right?: string;
}

/** ChangedList and its kinds (ChangedEnum, ChangedRequired). */
export interface EngineList extends EngineNode {
  increased?: unknown[];
  missing?: unknown[];
  oldValue?: unknown[];
  newValue?: unknown[];
}

/** Old and new values of a scalar constraint (maxLength, nullable, numeric range, ...). */
export interface EngineConstraint extends EngineNode {
  [field: string]: unknown;
}

export interface EngineSchema extends EngineNode {
  oldSchema?: SchemaSummary;
  newSchema?: SchemaSummary;
  changedType?: boolean;
  changeFormat?: boolean;
  changeDeprecated?: boolean;
  changeTitle?: boolean;
  changeDefault?: boolean;
  discriminatorPropertyChanged?: boolean;
  description?: EngineMetadata;
  example?: EngineNode;
  examples?: EngineNode;
  required?: EngineList;
  enumeration?: EngineList;
  increasedProperties?: Record<string, SchemaSummary>;
  missingProperties?: Record<string, SchemaSummary>;
  changedProperties?: Record<string, EngineSchema>;
  items?: EngineSchema;
  addProp?: EngineSchema;
  oneOfSchema?: EngineComposed;
  nullable?: EngineConstraint;
  readOnly?: EngineConstraint;
  writeOnly?: EngineConstraint;
  maxLength?: EngineConstraint;
  minLength?: EngineConstraint;
  pattern?: EngineConstraint;
  numericRange?: EngineConstraint;
  multipleOf?: EngineConstraint;
  maxItems?: EngineConstraint;
  minItems?: EngineConstraint;
  uniqueItems?: EngineConstraint;
  maxProperties?: EngineConstraint;
  minProperties?: EngineConstraint;
}

/** ChangedOneOfSchema: variants keyed by their mapping name or `$ref`. */
export interface EngineComposed extends EngineNode {
  increased?: Record<string, SchemaSummary>;
  missing?: Record<string, SchemaSummary>;
  changed?: Record<string, EngineSchema>;
}

export interface EngineMediaType extends EngineNode {
  schema?: EngineSchema;
  example?: EngineNode;
  examples?: EngineNode;
}

export interface EngineContent extends EngineNode {
  increased?: Record<string, unknown>;
  missing?: Record<string, unknown>;
  changed?: Record<string, EngineMediaType>;
}

export interface EngineParameter extends EngineNode {
  name: string;
  in: string;
  oldParameter?: ParameterSummary;
  newParameter?: ParameterSummary;
  changeRequired?: boolean;
  deprecated?: boolean;
  changeStyle?: boolean;
  changeExplode?: boolean;
  changeAllowEmptyValue?: boolean;
  description?: EngineMetadata;
  example?: EngineNode;
  examples?: EngineNode;
  schema?: EngineSchema;
  content?: EngineContent;
}

export interface EngineParameters extends EngineNode {
  increased?: ParameterSummary[];
  missing?: ParameterSummary[];
  changed?: EngineParameter[];
}

export interface EngineRequestBody extends EngineNode {
  oldRequestBody?: { required?: boolean };
  newRequestBody?: { required?: boolean };
  changeRequired?: boolean;
  description?: EngineMetadata;
  content?: EngineContent;
}

export interface EngineHeader extends EngineNode {
  required?: boolean;
  deprecated?: boolean;
  description?: EngineMetadata;
  schema?: EngineSchema;
  content?: EngineContent;
}

export interface EngineHeaders extends EngineNode {
  increased?: Record<string, unknown>;
  missing?: Record<string, unknown>;
  changed?: Record<string, EngineHeader>;
}

export interface EngineResponse extends EngineNode {
  description?: EngineMetadata;
  headers?: EngineHeaders;
  content?: EngineContent;
}

export interface EngineResponses extends EngineNode {
  increased?: Record<string, unknown>;
  missing?: Record<string, unknown>;
  changed?: Record<string, EngineResponse>;
}

/** A security requirement: scheme name → scopes. */
export type SecurityRequirement = Record<string, string[]>;

export interface EngineSecurityRequirement extends EngineNode {
  missing?: SecurityRequirement;
  increased?: SecurityRequirement;
  changed?: (EngineNode & {
    changedType?: boolean;
    changedIn?: boolean;
    changedScheme?: boolean;
    changedBearerFormat?: boolean;
    description?: EngineMetadata;
    changedScopes?: EngineList;
  })[];
}

export interface EngineSecurityRequirements extends EngineNode {
  missing?: SecurityRequirement[];
  increased?: SecurityRequirement[];
  changed?: EngineSecurityRequirement[];
}

export interface EngineOperation extends EngineNode {
  pathUrl: string;
  httpMethod: string;
  oldOperation?: { operationId?: string };
  newOperation?: { operationId?: string };
  summary?: EngineMetadata;
  description?: EngineMetadata;
  operationId?: EngineMetadata;
  deprecated?: boolean;
  parameters?: EngineParameters;
  requestBody?: EngineRequestBody;
  apiResponses?: EngineResponses;
  securityRequirements?: EngineSecurityRequirements;
}

export interface EngineEndpoint {
  pathUrl: string;
  method: string;
  summary?: string;
  operation?: { operationId?: string };
}

/** ChangedOpenApi, the root of one pair's result. */
export interface EngineDiff extends EngineNode {
  newEndpoints?: EngineEndpoint[];
  missingEndpoints?: EngineEndpoint[];
  deprecatedEndpoints?: EngineEndpoint[];
  changedOperations?: EngineOperation[];
}
