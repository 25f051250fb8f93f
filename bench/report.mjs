// The benches' figures, one line each: name, value, baseline (from the same run), ratio,
// target, verdict (PASS or OVER), and a tally at the end. Shared by web_bench.mjs,
// published_bench.mjs and offline_bench.mjs.
export const median = (v) => { const s = [...v].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[n >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2; };

const WIDTH = 44;  // the name's column

export function makeReport(label) {
  const rows = [];
  const line = (text) => { rows.push(text); console.log(text); };
  // `value` against `baseline` (0: none) by `target`: a ratio, or with `absolute` a value.
  const report = (name, value, baseline, unit, target, { absolute = false, note = '' } = {}) => {
    const ratio = baseline > 0 ? value / baseline : Infinity;
    const ok = absolute ? value <= target : ratio <= target;
    const f = (x) => (unit === 'KB' ? (x / 1000).toFixed(1) : unit === 'MB' ? (x / 1e6).toFixed(1) : x.toFixed(x < 10 ? 2 : x < 1000 ? 1 : 0));
    line(`${name.padEnd(WIDTH)} ${(f(value) + ' ' + unit).padStart(11)}  baseline ${baseline > 0 ? (f(baseline) + ' ' + unit).padStart(11) : '          -'}` +
         `  ${baseline > 0 ? 'ratio ' + ratio.toFixed(ratio < 0.1 ? 4 : 2).padStart(6) + 'x  ' : ''}target ${absolute ? '<= ' + f(target) + ' ' + unit : '<= ' + target + 'x'}` +
         `  ${ok ? 'PASS' : 'OVER'}${note ? '  (' + note + ')' : ''}`);
  };
  // A figure with no target: its name and what was seen.
  const figure = (name, text) => line(`${name.padEnd(WIDTH)} ${text}`);
  const fail = (name, e) => line(`${name.padEnd(WIDTH)} ERROR: ${String(e.message || e).split('\n')[0]}`);
  const summary = () => console.log(`${label}: ${rows.filter((r) => / PASS/.test(r)).length} PASS, ${rows.filter((r) => / OVER/.test(r)).length} OVER, ` +
                                    `${rows.filter((r) => /ERROR/.test(r)).length} ERROR`);
  return { report, figure, fail, summary };
}
