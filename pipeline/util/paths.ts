// Where the installed tool lives, so bundled codebooks and models are found from source and from dist alike.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'fixtures'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('verbatim: cannot find the package root');
    dir = parent;
  }
}

export const PACKAGE_ROOT: string = findRoot();
export const DEFAULT_CODEBOOK_PATH: string = join(PACKAGE_ROOT, 'fixtures', 'codebooks', 'default.yaml');
