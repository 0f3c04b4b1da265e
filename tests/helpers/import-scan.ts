// Finds what a source file imports and checks it against the project's boundary rules.
// Reads text only; it never loads or runs the files it checks.

import { builtinModules } from 'node:module';
import { posix } from 'node:path';

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Every module specifier in static imports/exports, dynamic import() and require(). */
export function importSpecifiers(source: string): string[] {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of withoutComments.matchAll(pattern)) found.push(match[1]!);
  return found;
}

/** The top-level folder an import lands in, or the package name for bare specifiers. */
export function importTarget(fromFile: string, specifier: string): { kind: 'folder' | 'package'; name: string } {
  if (specifier.startsWith('.')) {
    const resolved = posix.normalize(posix.join(posix.dirname(fromFile), specifier));
    return { kind: 'folder', name: resolved.split('/')[0]! };
  }
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  return { kind: 'package', name };
}

export interface BoundaryRule {
  /** Top-level folder the rule applies to. */
  folder: string;
  /** Folders it must not import from. */
  forbiddenFolders: string[];
  /** Whether Node's built-in modules are off limits. */
  noNodeBuiltins: boolean;
  /** Files (repo-relative) allowed to import 'electron'; everything else may not. */
  electronAllowedIn: string[];
}

/** The boundary violations of one file, as readable sentences. */
export function boundaryViolations(file: string, source: string, rule: BoundaryRule): string[] {
  const problems: string[] = [];
  for (const specifier of importSpecifiers(source)) {
    const target = importTarget(file, specifier);
    if (target.kind === 'folder' && target.name !== rule.folder && rule.forbiddenFolders.includes(target.name)) {
      problems.push(`${file} imports ${specifier}: ${rule.folder}/ must not import from ${target.name}/`);
    }
    if (target.kind === 'package' && rule.noNodeBuiltins && NODE_BUILTINS.has(specifier)) {
      problems.push(`${file} imports ${specifier}: ${rule.folder}/ must run in the browser too, so no Node built-ins`);
    }
    if (target.kind === 'package' && target.name === 'electron' && !rule.electronAllowedIn.includes(file)) {
      problems.push(`${file} imports electron: only ${rule.electronAllowedIn.join(', ') || 'no file'} in ${rule.folder}/ may`);
    }
  }
  return problems;
}
