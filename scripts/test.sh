#!/usr/bin/env bash
# The whole test suite: unit tests (vitest), then the built extension end to end in Chromium and Firefox.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-browsers.sh || exit 1
mkdir -p tmp
{ npm run --silent zip && npm run --silent build && npm run --silent build:e2e; } >tmp/build.log 2>&1 || { cat tmp/build.log; echo "build failed"; exit 1; }
echo "== unit tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile=tmp/vitest.json
unit=$?
echo "== end-to-end tests (Chromium and Firefox)"
node --import tsx --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=tmp/e2e.tap tests/e2e/*.test.ts
e2e=$?
node -e '
const fs = require("fs");
let p = 0, f = 0;
try { const v = JSON.parse(fs.readFileSync("tmp/vitest.json", "utf8")); p += v.numPassedTests; f += v.numFailedTests; } catch { f += 1; }
try { const t = fs.readFileSync("tmp/e2e.tap", "utf8"); p += +(/^# pass (\d+)/m.exec(t)?.[1] ?? 0); f += +(/^# fail (\d+)/m.exec(t)?.[1] ?? 1); } catch { f += 1; }
console.log(`\nall tests: ${p} passed, ${f} failed`);'
[ $unit -eq 0 ] && [ $e2e -eq 0 ]
