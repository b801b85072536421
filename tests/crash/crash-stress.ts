// Runs in: Node (`npm run stress:crash [kills]`). The long form of the crash-safety test: by
// default 1,000 SIGKILLs of the built host (`npm run build` first) in the middle of saves.
import { runCrashCycles } from './crash-cycles';

const kills = Number(process.argv[2] ?? 1000);
const started = Date.now();
const report = await runCrashCycles({
  kills,
  useBuilt: true,
  log: (line) => {
    if (/cycle (\d+)\//.exec(line)?.[1]?.endsWith('00')) console.log(line);
  },
});
console.log(JSON.stringify({ ...report, problems: report.problems.slice(0, 20), seconds: Math.round((Date.now() - started) / 1000) }, null, 2));
process.exit(report.problems.length === 0 ? 0 : 1);
