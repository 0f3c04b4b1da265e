// Stands in for an npm script whose piece of DACA Watch is not built yet: says so and fails.
// It must never pretend to succeed.

const pieces = {
  build: 'the Electron shell and the dashboard bundles (issues "The Electron shell" and "The Svelte dashboard")',
  start: 'the Electron shell (issue "The Electron shell")',
  demo: 'the Electron shell, which starts the simulator in-process (issue "The Electron shell")',
  dist: 'the Electron shell and its packaging (issue "The Electron shell")',
};

const script = process.argv[2] ?? 'this script';
const piece = pieces[script] ?? 'a part of DACA Watch';
process.stderr.write(
  `DACA Watch: "npm run ${script}" needs ${piece}, which is not built yet.\n` +
    'What works today: "npm test", and "npm run simulator -- --scenario daca-renewal" (a local myUSCIS you can sign in to in a browser).\n',
);
process.exit(1);
