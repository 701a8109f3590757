/**
 * Runs the validator over story folders named one per line on stdin and answers one JSON line per
 * folder on stdout: `{ dir, accepted, problems, sample }`, or `{ dir, crash }` when compileStory
 * threw (it must not). The fuzz test runs it in a child process so that a hang can be timed out.
 */
import { createInterface } from 'node:readline';
import { compileStory, formatProblem } from '../../src/lib/server/story/compile';

const lines = createInterface({ input: process.stdin });
for await (const dir of lines) {
  let answer: Record<string, unknown>;
  try {
    const { story, problems } = compileStory(dir);
    answer = {
      dir,
      accepted: story !== null,
      problems: problems.length,
      sample: problems.slice(0, 3).map(formatProblem),
      // Every problem must name its file and feature, and say what is wrong and how to fix it.
      malformed: problems.map(formatProblem).filter((p) => !/^.+: .+: .+ — .+/s.test(p)),
    };
  } catch (error) {
    answer = {
      dir,
      crash: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
