/**
 * The one reporter every compile step writes to: problems (the story does not build) and warnings
 * (it builds, but something should be fixed), each as `file: feature-id: what is wrong — how to
 * fix`, with file paths relative to the working directory as the author typed them.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from './types';

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.feature}: ${p.message}`;
}

export class Reporter {
  readonly problems: Problem[] = [];
  readonly warnings: Problem[] = [];

  constructor(
    /** The story folder. */
    readonly dir: string,
  ) {}

  /** A path inside the story folder, as the author would type it from the working directory. */
  rel(...parts: string[]): string {
    return path.relative(process.cwd(), path.join(this.dir, ...parts)) || '.';
  }

  problem(file: string, feature: string, message: string): void {
    this.problems.push({ file, feature, message });
  }

  warn(file: string, feature: string, message: string): void {
    this.warnings.push({ file, feature, message });
  }

  /** Problems about one thing: `report('…')` files them under that file and feature. */
  about(file: string, feature: string): (message: string) => void {
    return (message) => this.problem(file, feature, message);
  }

  /** How many problems so far: a step compares counts to know whether its item passed. */
  get count(): number {
    return this.problems.length;
  }

  /**
   * Reads a JSON file of the story folder (`parts` inside it), or reports why it cannot and gives
   * `undefined`. A byte-order mark (left by some Windows editors) is not part of the JSON.
   */
  readJson(...parts: string[]): unknown {
    const file = path.join(this.dir, ...parts);
    const label = this.rel(...parts);
    if (!existsSync(file) || !statSync(file).isFile()) {
      this.problem(label, '-', 'file not found — create it, or remove it from story.json');
      return undefined;
    }
    try {
      return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      const reason = (error as Error).message.replace(/\s+/g, ' ');
      this.problem(
        label,
        '-',
        `not valid JSON (${reason}) — fix the syntax; a JSON linter shows where`,
      );
      return undefined;
    }
  }
}

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
