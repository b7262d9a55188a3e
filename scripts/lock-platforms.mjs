// Adds lockfile entries for rollup's native packages of other platforms, which the registry here does not serve.
// Without them `npm ci` refuses the lockfile ("Missing: @rollup/rollup-… from lock file"); with them, marked optional
// and tagged with their os/cpu, npm skips them on this platform as it would with a lockfile made elsewhere.
// Run after any `npm install` that rewrites package-lock.json: `node scripts/lock-platforms.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const pkgs = lock.packages;
const CPU = { 'arm-eabi': 'arm', 'arm-gnueabihf': 'arm', 'arm-musleabihf': 'arm', arm64: 'arm64', x64: 'x64', ia32: 'ia32', loong64: 'loong64', ppc64: 'ppc64', riscv64: 'riscv64', s390x: 's390x' };
let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  if (!meta.optionalDependencies) continue;
  for (const [name, version] of Object.entries(meta.optionalDependencies)) {
    if (!name.startsWith('@rollup/rollup-')) continue;
    const key = `node_modules/${name}`;
    if (pkgs[key] || pkgs[`${path}/${key}`]) continue;
    const rest = name.slice('@rollup/rollup-'.length);
    const os = rest.split('-')[0];
    const tail = rest.slice(os.length + 1);
    const arch = Object.keys(CPU).find((k) => tail === k || tail.startsWith(`${k}-`));
    const libc = tail.endsWith('-gnu') || tail.endsWith('gnueabihf') ? 'glibc' : tail.includes('musl') ? 'musl' : undefined;
    pkgs[key] = { version, cpu: [CPU[arch] ?? tail], dev: true, license: 'MIT', optional: true, os: [os], ...(libc ? { libc: [libc] } : {}) };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log(`lock-platforms: ${added} entries added`);
