// Runs in: the benchmark script (Node). `npm run bench` arguments: which sections, how big.
//   --only=typing,open,library,find   a subset
//   --quick                           a smoke run: 1k words, 1k articles, 20 keys per scenario
//   --words=1000,20000                document sizes for typing (English words)
//   --articles=1000,10000             library sizes
//   --keys=200                        keys per typing scenario
export const SECTIONS = ['typing', 'open', 'library', 'find'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  quick: boolean;
  only: Set<Section>;
  words: number[];
  articles: number[];
  keys: number;
}

const FULL = { words: [1_000, 20_000, 100_000], articles: [1_000, 10_000, 100_000], keys: 200 };
const QUICK = { words: [1_000], articles: [1_000], keys: 20 };
/** Bounds on what an argument may ask for, so a typo cannot start an hours-long run. */
const MAX_WORDS = 200_000;
const MAX_ARTICLES = 200_000;
const MAX_KEYS = 2_000;

function sizes(value: string, name: string, max: number): number[] {
  const out = value.split(',').map((part) => Number(part.replace(/k$/i, '000')));
  if (out.length === 0 || out.some((n) => !Number.isInteger(n) || n < 1 || n > max)) throw new Error(`--${name} takes whole numbers from 1 to ${max} separated by commas (e.g. 1000,20k); got "${value}"`);
  return out;
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const base = quick ? QUICK : FULL;
  const options: BenchOptions = { quick, only: new Set<Section>(SECTIONS), words: [...base.words], articles: [...base.articles], keys: base.keys };
  for (const arg of argv) {
    if (arg === '--quick') continue;
    const [name, value] = arg.split('=', 2) as [string, string | undefined];
    if (value === undefined || value === '') throw new Error(`unknown argument "${arg}" (use --quick, --only=${SECTIONS.join(',')}, --words=…, --articles=…, --keys=…)`);
    if (name === '--only') {
      options.only.clear();
      for (const section of value.split(',')) {
        if (!(SECTIONS as readonly string[]).includes(section)) throw new Error(`--only takes ${SECTIONS.join(', ')}; "${section}" is not one of them`);
        options.only.add(section as Section);
      }
    } else if (name === '--words') options.words = sizes(value, 'words', MAX_WORDS);
    else if (name === '--articles') options.articles = sizes(value, 'articles', MAX_ARTICLES);
    else if (name === '--keys') options.keys = sizes(value, 'keys', MAX_KEYS)[0] as number;
    else throw new Error(`unknown argument "${arg}" (use --quick, --only=${SECTIONS.join(',')}, --words=…, --articles=…, --keys=…)`);
  }
  return options;
}
