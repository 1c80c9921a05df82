// Errors that carry their context; the pipeline's CLI prints them in one place.

/** A file that cannot be read at all: it fails its source, named by its path. */
export class SourceFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'SourceFileError';
  }
}
