/**
 * `npm run import -- <file> --story <slug> [--layer <id>] [--merge] [--dry-run]
 *   [--columns title=Headline,date=When] [--day-first | --month-first] [--root <folder>]`
 *
 * Turns a CSV, TSV, GeoJSON, KML or GPX file of events into a story folder under `geo/` (or
 * `--root`), or adds to one. Prints one line for every row that was matched in the gazetteer,
 * imported with a warning or skipped, then a summary, then what the validator says of the result.
 * Exits 1 when any row was skipped or the story does not validate.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileStory, formatProblem } from '../src/lib/server/story/compile';
import { ImportError, planImport } from '../src/lib/server/import/import-story';

const USAGE =
  'usage: npm run import -- <file> --story <slug> [--layer <id>] [--merge] [--dry-run] [--columns title=Headline,...] [--day-first | --month-first]';

function parseArgs(argv: string[]) {
  const options: Record<string, string | boolean> = {};
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (['--merge', '--dry-run', '--day-first', '--month-first'].includes(a))
      options[a.slice(2)] = true;
    else if (['--story', '--layer', '--columns', '--root'].includes(a)) {
      const value = argv[++i];
      if (!value || value.startsWith('--')) throw new ImportError(`${a} needs a value\n${USAGE}`);
      options[a.slice(2)] = value;
    } else if (a.startsWith('--')) throw new ImportError(`unknown option ${a}\n${USAGE}`);
    else files.push(a);
  }
  if (files.length !== 1 || typeof options.story !== 'string') throw new ImportError(USAGE);
  if (options['day-first'] && options['month-first']) {
    throw new ImportError('--day-first and --month-first: give one of them');
  }
  return { file: files[0]!, options };
}

function main(): number {
  const { file, options } = parseArgs(process.argv.slice(2));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ImportError(`${file}: no such file`);
  }
  const plan = planImport(file, text, {
    story: options.story as string,
    root: (options.root as string | undefined) ?? 'geo',
    layer: options.layer as string | undefined,
    merge: options.merge === true,
    columns: options.columns as string | undefined,
    order: options['day-first'] ? 'day-first' : options['month-first'] ? 'month-first' : undefined,
  });
  for (const line of plan.report) {
    const what = line.level === 'matched' ? '' : `${line.level}: `;
    const column = line.column ? `${line.column}: ` : '';
    console.log(`${plan.unit} ${line.row}: ${what}${column}${line.message}`);
  }
  const { imported, skipped, warnings } = plan.summary;
  console.log(
    `${imported} imported, ${skipped} skipped, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  );
  if (options['dry-run']) {
    console.log(`\n--dry-run: nothing written. Would write in ${plan.dir}/:`);
    for (const [name, content] of plan.files)
      console.log(`  ${name} (${Buffer.byteLength(content)} bytes)`);
    return skipped ? 1 : 0;
  }
  for (const [name, content] of plan.files) {
    const target = path.join(plan.dir, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  console.log(`wrote ${plan.files.size} files in ${plan.dir}/`);
  // The validator's word on the result, each message about an imported feature with its row.
  const { story, problems, warnings: notes } = compileStory(plan.dir);
  const withRow = (message: string, feature: string) =>
    plan.rowOf.has(feature) ? `${plan.unit} ${plan.rowOf.get(feature)}: ${message}` : message;
  for (const p of problems) console.log(withRow(`problem: ${formatProblem(p)}`, p.feature));
  for (const w of notes) console.log(withRow(`warning: ${formatProblem(w)}`, w.feature));
  console.log(
    story
      ? `${plan.dir} validates.`
      : `${plan.dir} does not validate: fix the problems above, then npm run validate -- ${plan.dir}`,
  );
  return skipped || !story ? 1 : 0;
}

try {
  process.exit(main());
} catch (e) {
  if (e instanceof ImportError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
