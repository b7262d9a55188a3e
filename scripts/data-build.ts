// The data build: validates data/entities and compiles what the extension loads (data/compiled/).
import { execFileSync } from 'node:child_process';
execFileSync('npx', ['tsx', 'scripts/check-entries.ts'], { stdio: 'inherit' });
