import path from "node:path";
import type { Diagnostic } from "../diagnostics.js";

/**
 * Collects the errors and warnings of one reconstruction run. Parsing keeps going
 * after a problem so one run reports every problem in every page, not just the first.
 */
export class DiagnosticLog {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];

  /** A reporter that stamps every diagnostic with `file` (shown relative to the working directory). */
  forFile(file: string): FileReporter {
    return new FileReporter(this, displayPath(file));
  }
}

/** Reports problems located in one input file. */
export class FileReporter {
  constructor(
    private readonly log: DiagnosticLog,
    /** The file as shown in messages. */
    readonly file: string,
  ) {}

  /** Records a construct the tool skipped or guessed at; the run still succeeds. */
  warn(line: number | undefined, message: string): void {
    this.log.warnings.push(located(this.file, line, "warning", message));
  }

  /** Records bad input; the run fails and writes nothing. */
  error(line: number | undefined, message: string): void {
    this.log.errors.push(located(this.file, line, "error", message));
  }
}

/**
 * Thrown inside a page parser when the page cannot be read any further (a required
 * table or the title is missing). The loader turns it into an error diagnostic and
 * moves on to the next page.
 */
export class PageAbort extends Error {
  constructor(
    readonly line: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = "PageAbort";
  }
}

function located(
  file: string,
  line: number | undefined,
  severity: Diagnostic["severity"],
  message: string,
): Diagnostic {
  return line === undefined ? { file, severity, message } : { file, line, severity, message };
}

/** Shows `file` relative to the working directory with `/` separators, so messages do not depend on the machine. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  const shown = relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
  return shown.split(path.sep).join("/");
}
