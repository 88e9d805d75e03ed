// `--map COL=FIELD,COL=FIELD`: the CLI's way to choose spreadsheet columns (the app has a column picker).
import type { ColumnField } from '../contract/datasets.js';
import { ColumnField as ColumnFieldSchema } from '../contract/datasets.js';
import { FieldtuneError } from '../contract/errors.js';

const FIELDS = ColumnFieldSchema.options;

/** Column names are matched case-insensitively by the importer; here only the shape is checked. */
export function parseMapArg(arg: string): Record<string, ColumnField> {
  const mapping: Record<string, ColumnField> = {};
  for (const part of arg.split(',')) {
    if (!part.trim()) continue;
    const eq = part.lastIndexOf('=');
    const col = eq > 0 ? part.slice(0, eq).trim() : '';
    const field =
      eq > 0
        ? part
            .slice(eq + 1)
            .trim()
            .toLowerCase()
        : '';
    if (!col || !(FIELDS as readonly string[]).includes(field)) {
      throw new FieldtuneError('BAD_REQUEST', `--map "${part}" is not COLUMN=FIELD with FIELD one of ${FIELDS.join(', ')}.`, {
        issues: [{ path: 'map', message: 'expected COLUMN=FIELD' }],
      });
    }
    mapping[col] = field as ColumnField;
  }
  return mapping;
}
