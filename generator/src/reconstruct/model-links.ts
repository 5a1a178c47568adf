import path from "node:path";

/**
 * The generator forgets to fill this placeholder in links nested below the first level of
 * an API page (`[**Error**]({{complexTypePrefix}}Error.md)`); it stands for the models folder.
 */
const PREFIX_PLACEHOLDER = "{{complexTypePrefix}}";

/** Where model links on a page point. */
export interface LinkBase {
  /** The page containing the link. */
  pageFile: string;
  /** `<docs>/models`, for links that kept the placeholder. */
  modelsDir: string;
}

/**
 * Resolves a link URL to a model page file, or undefined when the URL is not a link to a
 * `.md` page (in-page `#anchors`, README links). The caller checks the file is inside the
 * models folder ({@link isInside}).
 */
export function resolveModelFile(url: string, base: LinkBase): string | undefined {
  if (url.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined;
  const withoutFragment = url.split("#")[0] ?? "";
  if (!withoutFragment.endsWith(".md") || path.posix.basename(withoutFragment) === "README.md") return undefined;
  const decoded = safeDecode(withoutFragment);
  if (decoded.startsWith(PREFIX_PLACEHOLDER))
    return path.resolve(base.modelsDir, decoded.slice(PREFIX_PLACEHOLDER.length));
  return path.resolve(path.dirname(base.pageFile), decoded);
}

/** Whether `file` lies inside `folder` (links must not reach outside the docs' models folder). */
export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/** Component names OpenAPI allows (`^[a-zA-Z0-9._-]+$`). */
export function isValidComponentName(name: string): boolean {
  return /^[A-Za-z0-9._-]+$/.test(name);
}

/** The component name for a model page: its file name without `.md`. */
export function modelNameOf(file: string): string {
  return path.basename(file, ".md");
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
