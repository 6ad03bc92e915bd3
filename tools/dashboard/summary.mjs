// Prints the dashboard check's own count line from Playwright's JSON report: "dashboard check: N passed, N failed".
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-results/results.json';
let stats;
try {
  stats = JSON.parse(readFileSync(file, 'utf8')).stats;
} catch (error) {
  console.log(`dashboard check: 0 passed, 1 failed (no readable report at ${file}: ${error.message})`);
  process.exit(1);
}
const passed = stats.expected + (stats.flaky ?? 0);
const failed = stats.unexpected;
const skipped = stats.skipped ?? 0;
console.log(`dashboard check: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && skipped === 0 && passed > 0 ? 0 : 1);
