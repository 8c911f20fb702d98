/**
 * The Nu Html Checker (vnu.jar from the `vnu-jar` package) on the machine's Java: validates HTML files
 * or whole folders and returns its errors. Its info-level CSP notes are not errors: it judges `'self'`
 * against the `file:` origin of the files it reads, not the origin the site is served from.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const jar = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
  'build/dist/vnu.jar',
);

/** One error: the file (relative to the working folder), its line and the checker's message. */
export interface NuError {
  file: string;
  line: number | undefined;
  message: string;
}

interface NuJson {
  messages: { type: string; url?: string; lastLine?: number; message: string }[];
}

/** Validates files or folders (their .html files); resolves with every error, empty when valid. */
export async function nuErrors(paths: string[]): Promise<NuError[]> {
  const args = ['-jar', jar, '--errors-only', '--skip-non-html', '--format', 'json', ...paths];
  // The checker exits 1 when it finds errors; its JSON report is on stderr either way.
  const stderr = await run('java', args, { maxBuffer: 64 * 1024 * 1024 }).then(
    (result) => result.stderr,
    (error: { stderr?: string; code?: unknown }) => {
      if (error.code === 'ENOENT') {
        throw new Error('java was not found. Hint: install a Java 17+ runtime (Debian: default-jre-headless).');
      }
      return error.stderr ?? '';
    },
  );
  const report = JSON.parse(stderr) as NuJson;
  return report.messages
    .filter((message) => message.type === 'error' || message.type === 'non-document-error')
    .map((message) => ({
      file: message.url ? path.relative(process.cwd(), new URL(message.url).pathname) : '(checker)',
      line: message.lastLine,
      message: message.message,
    }));
}
