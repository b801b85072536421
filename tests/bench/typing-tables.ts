// Runs in: the benchmark script (Node). The typing results as markdown tables: per document size,
// every scenario and measure for Dateline beside bare TipTap and a plain contenteditable, each cell
// "round 1 / round 2"; the opening times per size; and the typing aims of issue 13.
import type { Aim } from './bench-tables';
import { formatMs, formatRatio } from './format-ms';
import type { KeystrokeMeasure } from './keystroke-probe';
import type { Cell, Table } from './print-table';
import { SLOW_MS, type Stats } from './stats';
import { EDITORS, PROBED_COMPONENTS, type EditorKind, type EditorRun, type TypingResult, type TypingRound } from './typing-bench';
import { TYPING_SCENARIOS, type TypingScenario } from './typing-scenarios';

const MEASURE_LABELS: Record<KeystrokeMeasure, string> = {
  work: 'work: keydown → handled (microtask)',
  task: 'keydown → task after handling',
  paint: 'keydown → next frame',
  idle: 'keydown → frame after idle work',
};

const MIDDLE_TYPING_AIM = 1.2;
const ENTER_AIM = 1.3;

type Pick = (run: EditorRun) => Stats;

function perRound(rounds: readonly TypingRound[], editor: EditorKind, pick: Pick, show: (s: Stats) => string): string {
  return rounds.map((r) => show(pick(r[editor]))).join(' / ');
}

function ratioPerRound(rounds: readonly TypingRound[], baseline: EditorKind, pick: Pick): string {
  return rounds.map((r) => formatRatio(pick(r.app).p95, pick(r[baseline]).p95)).join(' / ');
}

export function typingSizeTable(result: TypingResult): Table {
  const rows: Cell[][] = [];
  const { rounds } = result;
  for (const scenario of TYPING_SCENARIOS) {
    for (const measure of Object.keys(MEASURE_LABELS) as KeystrokeMeasure[]) {
      const pick: Pick = (run) => run.scenarios[scenario.id].measures[measure];
      rows.push([
        scenario.label,
        MEASURE_LABELS[measure],
        perRound(rounds, 'app', pick, (s) => formatMs(s.median)),
        perRound(rounds, 'app', pick, (s) => formatMs(s.p95)),
        perRound(rounds, 'tiptap', pick, (s) => formatMs(s.p95)),
        perRound(rounds, 'plain', pick, (s) => formatMs(s.p95)),
        ratioPerRound(rounds, 'tiptap', pick),
        ratioPerRound(rounds, 'plain', pick),
        perRound(rounds, 'app', pick, (s) => formatMs(s.max)),
        perRound(rounds, 'tiptap', pick, (s) => formatMs(s.max)),
        perRound(rounds, 'plain', pick, (s) => formatMs(s.max)),
        perRound(rounds, 'app', pick, (s) => String(s.slow)),
        perRound(rounds, 'tiptap', pick, (s) => String(s.slow)),
        perRound(rounds, 'plain', pick, (s) => String(s.slow)),
      ]);
    }
  }
  return {
    title: `Typing, ${result.typingCase.label}: ${result.keystrokes} keys per scenario, ≥ 50 ms apart (each cell: round 1 / round 2)`,
    headers: ['Keys', 'Measure', 'Dateline p50', 'Dateline p95', 'TipTap p95', 'Plain p95', 'p95 ×TipTap', 'p95 ×plain', 'Dateline max', 'TipTap max', 'Plain max', `Dateline >${SLOW_MS} ms`, `TipTap >${SLOW_MS} ms`, `Plain >${SLOW_MS} ms`],
    rows,
    notes: typingNotes(result),
  };
}

function typingNotes(result: TypingResult): string[] {
  const notes: string[] = [
    '_Dateline = the built app in Chromium; TipTap = a bare TipTap StarterKit editor; plain = a `<div contenteditable>`; all hold the same paragraphs with the app’s font and width. Rounds run app, TipTap, plain, then again; each app round types into its own copy of the article._',
  ];
  result.rounds.forEach((round, i) => {
    const app = round.app;
    const bad: string[] = [];
    for (const editor of ['app', 'tiptap', 'plain'] as const) {
      for (const scenario of TYPING_SCENARIOS) {
        const s = round[editor].scenarios[scenario.id];
        if (!s.landed) bad.push(`${editor} ${scenario.id}: keys did NOT land as expected`);
        if (s.missing > 0) bad.push(`${editor} ${scenario.id}: ${s.missing} keys missing a measure`);
      }
    }
    notes.push(
      `- Round ${i + 1}: React renders during the keys: ${rendersText(app)}; host CPU while typing ${app.hostCpuMs === null ? 'n/a' : formatMs(app.hostCpuMs)}; autosave ${app.autosaveSettled ? 'settled after each scenario' : 'did NOT settle within 20 s'}. ${bad.length === 0 ? 'Every key landed and was measured' : bad.join('; ')}.`,
    );
  });
  notes.push(`- Host unresponsive after the API save of a round's article (longest): ${result.hostBusyAfterSaveMs === null ? 'n/a' : formatMs(result.hostBusyAfterSaveMs)}.`);
  return notes;
}

function rendersText(run: EditorRun): string {
  if (!run.renders) return 'n/a (build has no render probe: run npm run build)';
  const renders = run.renders;
  return PROBED_COMPONENTS.map((name) => `${name} +${renders[name] ?? 0}`).join(', ');
}

/** Chromium's long animation frames during each scenario's keys: what held the main thread, per editor. */
export function typingLongFramesTable(result: TypingResult): Table {
  const show = (run: EditorRun, scenario: TypingScenario['id']) => {
    const frames = run.scenarios[scenario].longFrames;
    if (!frames) return 'n/a';
    return frames.longest ? `${frames.count}, longest ${formatMs(frames.longest.duration)}` : '0';
  };
  const rows: Cell[][] = TYPING_SCENARIOS.map((scenario) => [
    scenario.label,
    ...EDITORS.map((editor) => result.rounds.map((round) => show(round[editor], scenario.id)).join(' / ')),
    result.rounds
      .map((round) => {
        const longest = round.app.scenarios[scenario.id].longFrames?.longest;
        return longest ? `${formatMs(longest.duration)} (blocking ${formatMs(longest.blocking)}): ${longest.scripts.join('; ') || 'no script'}` : '—';
      })
      .join(' / '),
  ]);
  return {
    title: `Long animation frames (≥ 50 ms) while typing, ${result.typingCase.label} (each cell: round 1 / round 2)`,
    headers: ['Keys', 'Dateline', 'TipTap', 'Plain', 'Dateline’s longest frame and its scripts'],
    rows,
    notes: ['_Chromium’s own long-animation-frame entries during the keys: frames the main thread held for 50 ms or more, with the scripts that ran in them. The "frame after idle work" measure also counts time a page only waited for an idle period; these count only work._'],
  };
}

export function typingOpenTable(results: readonly TypingResult[]): Table {
  const show = (v: number | null) => (v === null ? 'n/a' : formatMs(v));
  const rows: Cell[][] = results.map((r) => [
    r.typingCase.label,
    r.rounds.map((round) => show(round.app.open.ready)).join(' / '),
    r.rounds.map((round) => show(round.app.open.painted)).join(' / '),
    r.rounds.map((round) => show(round.tiptap.open.painted)).join(' / '),
    r.rounds.map((round) => show(round.plain.open.painted)).join(' / '),
    r.rounds.map((round) => (round.app.open.painted === null || round.tiptap.open.painted === null ? 'n/a' : formatRatio(round.app.open.painted, round.tiptap.open.painted))).join(' / '),
  ]);
  return {
    title: 'Opening a text-only article: time to paint (each cell: round 1 / round 2)',
    headers: ['Document', 'Dateline click → editable', 'Dateline click → painted', 'TipTap new Editor → painted', 'Plain innerHTML → painted', 'Dateline ×TipTap'],
    rows,
    notes: ['_Dateline from the click on Open in the library (loading the article over the API included); TipTap and plain from handing them the HTML already in the page._'],
  };
}

function worstRatio(result: TypingResult, scenario: TypingScenario['id'], baseline: EditorKind): { value: number; app: Stats; base: Stats } {
  let worst = { value: Number.NaN, app: result.rounds[0]!.app.scenarios[scenario].measures.work, base: result.rounds[0]![baseline].scenarios[scenario].measures.work };
  for (const round of result.rounds) {
    const app = round.app.scenarios[scenario].measures.work;
    const base = round[baseline].scenarios[scenario].measures.work;
    const value = app.p95 / base.p95;
    if (!(value <= worst.value)) worst = { value, app, base };
  }
  return worst;
}

export function typingAims(results: readonly TypingResult[]): Aim[] {
  const aims: Aim[] = [];
  const find = (size: number) => results.find((r) => r.typingCase.language === 'en' && r.typingCase.size === size);
  const ratioAim = (result: TypingResult | undefined, scenario: TypingScenario['id'], label: string, target: number) => {
    if (!result || result.rounds.length === 0) return;
    const w = worstRatio(result, scenario, 'plain');
    aims.push({
      aim: `Typing: ${label} at ${result.typingCase.label}, p95 work vs plain (worse round)`,
      measured: formatMs(w.app.p95),
      baseline: formatMs(w.base.p95),
      ratio: formatRatio(w.app.p95, w.base.p95),
      target: `≤ ${target}×`,
      met: Number.isFinite(w.value) ? w.value <= target : null,
    });
  };
  ratioAim(find(100_000), 'middle', 'letters in the middle', MIDDLE_TYPING_AIM);
  ratioAim(find(20_000), 'enter', 'Enter', ENTER_AIM);
  // Slow keys: the app may have no more keys over 50 ms (any measure) than the worse baseline.
  let appSlow = 0;
  let baseSlow = 0;
  for (const r of results) {
    for (const round of r.rounds) {
      for (const scenario of TYPING_SCENARIOS) {
        const slow = (editor: EditorKind) => Math.max(...Object.values(round[editor].scenarios[scenario.id].measures).map((s) => s.slow));
        appSlow += slow('app');
        baseSlow += Math.max(slow('tiptap'), slow('plain'));
      }
    }
  }
  if (results.length > 0) {
    aims.push({
      aim: `Typing: keys over ${SLOW_MS} ms (worst measure per scenario, all sizes and rounds)`,
      measured: String(appSlow),
      baseline: String(baseSlow),
      ratio: '',
      target: 'none the baselines do not show',
      met: appSlow <= baseSlow,
    });
  }
  // Long frames: what held the main thread 50 ms or more, by Chromium's own account.
  let appLong = 0;
  let baseLong = 0;
  let known = results.length > 0;
  for (const r of results) {
    for (const round of r.rounds) {
      for (const scenario of TYPING_SCENARIOS) {
        const count = (editor: EditorKind) => round[editor].scenarios[scenario.id].longFrames?.count;
        const [app, tiptap, plain] = [count('app'), count('tiptap'), count('plain')];
        if (app === undefined || tiptap === undefined || plain === undefined) known = false;
        appLong += app ?? 0;
        baseLong += Math.max(tiptap ?? 0, plain ?? 0);
      }
    }
  }
  if (results.length > 0) {
    aims.push({
      aim: 'Typing: long animation frames (≥ 50 ms, Chromium’s LoAF) while typing, all sizes and rounds',
      measured: known ? String(appLong) : 'n/a',
      baseline: known ? String(baseLong) : 'n/a',
      ratio: '',
      target: 'none the baselines do not show',
      met: known ? appLong <= baseLong : null,
    });
  }
  const renders = results.flatMap((r) => r.rounds.map((round) => (round.app.renders ? (round.app.renders.ArticleEditor ?? 0) + (round.app.renders.EditorHost ?? 0) : null)));
  if (renders.length > 0) {
    const unknown = renders.some((v) => v === null);
    aims.push({
      aim: 'Typing: React renders of the editor tree (ArticleEditor + EditorHost) while typing',
      measured: unknown ? 'n/a (build has no render probe)' : `${renders.reduce<number>((a, v) => a + (v ?? 0), 0)} renders`,
      baseline: '—',
      ratio: '',
      target: '0 per keystroke',
      met: unknown ? null : renders.every((v) => v === 0),
    });
  }
  return aims;
}
