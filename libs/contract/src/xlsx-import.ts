/**
 * The answer of every xlsx import endpoint (one column specification per sheet yields its
 * template, export and import). `row` is the spreadsheet's row number (the header is row 1),
 * `column` the header label as it appears in the template.
 */
export interface XlsxImportRowError {
  row: number;
  column: string;
  message: string;
}

export interface XlsxImportReport {
  /** true: the file was checked only, nothing was written */
  dryRun: boolean;
  /** data rows read (empty rows are skipped) */
  total: number;
  /** rows without errors */
  valid: number;
  /** rows written (0 on a dry run or when the file was refused) */
  imported: number;
  errors: XlsxImportRowError[];
}

/** What an import does with a file that has bad rows. */
export enum XlsxImportMode {
  /** the whole file or nothing: any bad row refuses the file (400 carrying the report) */
  ALL_OR_NOTHING = 'all-or-nothing',
  /** the valid rows are written (in one transaction), the bad ones are reported */
  VALID_ROWS = 'valid-rows',
}
