/**
 * Writes a synthetic docs folder in the Python generator's layout: `pageCount` API pages
 * of roughly `pageBytes` each (many operations per page) plus the model pages they link.
 * Content comes from a seeded PRNG, so the same arguments always give the same bytes.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** mulberry32: a tiny seeded PRNG, good enough to vary names and shapes reproducibly. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  "account",
  "device",
  "factor",
  "token",
  "policy",
  "session",
  "role",
  "group",
  "event",
  "app",
  "user",
  "rule",
  "report",
  "key",
  "zone",
];
const ANY_TYPES =
  "dict, frozendict.frozendict, str, date, datetime, int, float, bool, decimal.Decimal, None, list, tuple, bytes, io.FileIO, io.BufferedReader";
const ANY_ACCESSED = "frozendict.frozendict, str, BoolClass, decimal.Decimal, NoneClass, tuple, bytes, FileIO";
const SCALARS: ReadonlyArray<[string, string]> = [
  ["str, ", "str, "],
  ["decimal.Decimal, int, ", "decimal.Decimal, "],
  ["bool, ", "BoolClass, "],
  ["decimal.Decimal, int, float, ", "decimal.Decimal, "],
  ["None, str, ", "NoneClass, str, "],
  ["str, datetime, ", "str, "],
];
const MODEL_COUNT = 12;
const SDK_ROWS = `stream | bool | default is False | if True then the response.content will be streamed and loaded from a file like object. When downloading a file, set this to True to force the code to deserialize the content to a FileSchema file
timeout | typing.Optional[typing.Union[int, typing.Tuple]] | default is None | the timeout used by the rest client
skip_deserialization | bool | default is False | when True, headers and body will be unset and an instance of api_client.ApiResponseWithoutDeserialization will be returned`;
const BACK_LINKS =
  "[[Back to top]](#__pageTop) [[Back to API list]](../../../README.md#documentation-for-api-endpoints) [[Back to Model list]](../../../README.md#documentation-for-models) [[Back to README]](../../../README.md)";

/** Generates the folder; returns the total bytes written. */
export async function writeSyntheticDocs(
  root: string,
  pageCount: number,
  pageBytes: number,
  seed = 20240501,
): Promise<number> {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  await mkdir(path.join(root, "apis", "tags"), { recursive: true });
  await mkdir(path.join(root, "models"), { recursive: true });
  let total = 0;

  for (let m = 0; m < MODEL_COUNT; m++) {
    const text = modelPage(m, random, pick);
    total += Buffer.byteLength(text);
    await writeFile(path.join(root, "models", `Model${m}.md`), text);
  }
  for (let p = 0; p < pageCount; p++) {
    const className = `Synthetic${String(p).padStart(2, "0")}Api`;
    const operations: string[] = [];
    const rows: string[] = [];
    let size = 0;
    for (let o = 0; size < pageBytes; o++) {
      const id = `${pick(WORDS)}_${pick(WORDS)}_${p}_${o}`;
      const method = pick(["get", "post", "put", "delete", "patch"]);
      const route = `/api/${p}/${pick(WORDS)}s/{${pick(WORDS)}_id}/op${o}`;
      const section = operationSection(id, method, random, pick);
      rows.push(`[**${id}**](#${id}) | **${method}** ${route} | Summary of ${id.replaceAll("_", " ")}`);
      operations.push(section);
      size += section.length + 120;
    }
    const text = `<a id="__pageTop"></a>
# synthetic.apis.tags.synthetic_${p}_api.${className}

All URIs are relative to *https://synthetic.test*

Method | HTTP request | Description
------------- | ------------- | -------------
${rows.join("\n")}

${operations.join("\n")}`;
    total += Buffer.byteLength(text);
    await writeFile(path.join(root, "apis", "tags", `${className}.md`), text);
  }
  return total;
}

function keyRows(count: number, random: () => number, pick: <T>(items: readonly T[]) => T, prefix: string): string {
  const rows: string[] = [];
  for (let k = 0; k < count; k++) {
    const [input, accessed] = pick(SCALARS);
    const optional = random() < 0.6 ? "[optional] " : "";
    rows.push(
      `**${prefix}${k}** | ${input} | ${accessed} | Field ${k} of the ${pick(WORDS)}; see &#x60;${pick(WORDS)}&#x60; for details. | ${optional}`,
    );
  }
  rows.push(
    `**any_string_name** | ${ANY_TYPES} | ${ANY_ACCESSED} | any string name can be used but the value must be the correct type | [optional]`,
  );
  return rows.join("\n");
}

function modelPage(index: number, random: () => number, pick: <T>(items: readonly T[]) => T): string {
  return `# synthetic.model.model${index}.Model${index}

## Model Type Info
Input Type | Accessed Type | Description | Notes
------------ | ------------- | ------------- | -------------
dict, frozendict.frozendict,  | frozendict.frozendict,  |  | 

### Dictionary Keys
Key | Input Type | Accessed Type | Description | Notes
------------ | ------------- | ------------- | ------------- | -------------
${keyRows(6, random, pick, "field_")}

[[Back to Model list]](../../README.md#documentation-for-models) [[Back to API list]](../../README.md#documentation-for-api-endpoints) [[Back to README]](../../README.md)
`;
}

function operationSection(
  id: string,
  method: string,
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
): string {
  const model = `Model${Math.floor(random() * MODEL_COUNT)}`;
  const hasBody = method !== "get" && method !== "delete";
  const body = hasBody
    ? `### body

# SchemaForRequestBodyApplicationJson

## Model Type Info
Input Type | Accessed Type | Description | Notes
------------ | ------------- | ------------- | -------------
dict, frozendict.frozendict,  | frozendict.frozendict,  |  | 

### Dictionary Keys
Key | Input Type | Accessed Type | Description | Notes
------------ | ------------- | ------------- | ------------- | -------------
${keyRows(5, random, pick, "input_")}
**[nested](#nested)** | dict, frozendict.frozendict,  | frozendict.frozendict,  |  | [optional] 

# nested

## Model Type Info
Input Type | Accessed Type | Description | Notes
------------ | ------------- | ------------- | -------------
dict, frozendict.frozendict,  | frozendict.frozendict,  |  | 

### Dictionary Keys
Key | Input Type | Accessed Type | Description | Notes
------------ | ------------- | ------------- | ------------- | -------------
${keyRows(3, random, pick, "inner_")}
`
    : "";
  return `# **${id}**
<a id="${id}"></a>
> {str: (bool, date, datetime, dict, float, int, list, str, none_type)} ${id}(path_id)

Summary of ${id.replaceAll("_", " ")}

Does ${id.replaceAll("_", " ")} for a ${pick(WORDS)} and returns the ${pick(WORDS)}.

### Example

* OAuth Authentication (OAuth2):
\`\`\`python
import synthetic
from synthetic.apis.tags import synthetic_api
from pprint import pprint
configuration = synthetic.Configuration(
    host = "https://synthetic.test",
    access_token = 'YOUR_ACCESS_TOKEN'
)
with synthetic.ApiClient(configuration) as api_client:
    api_instance = synthetic_api.SyntheticApi(api_client)
    path_params = {
        'path_id': 1,
    }
    query_params = {
        'page': 1,
    }
    try:
        api_response = api_instance.${id}(
            path_params=path_params,
            query_params=query_params,
        )
        pprint(api_response)
    except synthetic.ApiException as e:
        print("Exception when calling SyntheticApi->${id}: %s\\n" % e)
\`\`\`
### Parameters

Name | Type | Description  | Notes
------------- | ------------- | ------------- | -------------
${hasBody ? "body | typing.Union[SchemaForRequestBodyApplicationJson, Unset] | optional, default is unset |\n" : ""}query_params | RequestQueryParams | |
path_params | RequestPathParams | |
${hasBody ? "content_type | str | optional, default is 'application/json' | Selects the schema and serialization of the request body\n" : ""}accept_content_types | typing.Tuple[str] | default is ('application/json', ) | Tells the server the content type(s) that are accepted by the client
${SDK_ROWS}

${body}
### query_params
#### RequestQueryParams

Name | Type | Description  | Notes
------------- | ------------- | ------------- | -------------
page | PageSchema | | optional


# PageSchema

## Model Type Info
Input Type | Accessed Type | Description | Notes
------------ | ------------- | ------------- | -------------
decimal.Decimal, int,  | decimal.Decimal,  |  | if omitted the server will use the default value of 1value must be a 32 bit integer

### path_params
#### RequestPathParams

Name | Type | Description  | Notes
------------- | ------------- | ------------- | -------------
path_id | PathIdSchema | | 

# PathIdSchema

## Model Type Info
Input Type | Accessed Type | Description | Notes
------------ | ------------- | ------------- | -------------
decimal.Decimal, int,  | decimal.Decimal,  |  | 

### Return Types, Responses

Code | Class | Description
------------- | ------------- | -------------
n/a | api_client.ApiResponseWithoutDeserialization | When skip_deserialization is True this response is returned
200 | [ApiResponseFor200](#${id}.ApiResponseFor200) | Successful response
404 | [ApiResponseFor404](#${id}.ApiResponseFor404) | Not Found

#### ${id}.ApiResponseFor200
Name | Type | Description  | Notes
------------- | ------------- | ------------- | -------------
response | urllib3.HTTPResponse | Raw response |
body | typing.Union[SchemaFor200ResponseBodyApplicationJson, ] |  |
headers | Unset | headers were not defined |

# SchemaFor200ResponseBodyApplicationJson

## Model Type Info
Input Type | Accessed Type | Description | Notes
------------ | ------------- | ------------- | -------------
dict, frozendict.frozendict,  | frozendict.frozendict,  |  | 

### Dictionary Keys
Key | Input Type | Accessed Type | Description | Notes
------------ | ------------- | ------------- | ------------- | -------------
**status** | [**${model}**]({{complexTypePrefix}}${model}.md) | [**${model}**]({{complexTypePrefix}}${model}.md) |  | [optional] 
**[data](#data)** | list, tuple,  | tuple,  |  | [optional] 
**any_string_name** | ${ANY_TYPES} | ${ANY_ACCESSED} | any string name can be used but the value must be the correct type | [optional]

# data

## Model Type Info
Input Type | Accessed Type | Description | Notes
------------ | ------------- | ------------- | -------------
list, tuple,  | tuple,  |  | 

### Tuple Items
Class Name | Input Type | Accessed Type | Description | Notes
------------- | ------------- | ------------- | ------------- | -------------
[**${model}**]({{complexTypePrefix}}${model}.md) | [**${model}**]({{complexTypePrefix}}${model}.md) | [**${model}**]({{complexTypePrefix}}${model}.md) |  | 

#### ${id}.ApiResponseFor404
Name | Type | Description  | Notes
------------- | ------------- | ------------- | -------------
response | urllib3.HTTPResponse | Raw response |
body | typing.Union[SchemaFor404ResponseBodyApplicationJson, ] |  |
headers | Unset | headers were not defined |

# SchemaFor404ResponseBodyApplicationJson
Type | Description  | Notes
------------- | ------------- | -------------
[**${model}**](../../models/${model}.md) |  | 


### Authorization

[OAuth2](../../../README.md#OAuth2)

${BACK_LINKS}
`;
}
