import type { Command } from 'commander';
import type { DiagnosticCheck } from '../shared/diagnostic.js';
import { ExitCode } from '../shared/errors.js';
import { readVersion } from '../shared/version.js';
import { writeOut } from './output.js';

interface DiagnosticOptions {
  json?: boolean;
}

const SYSTEMS = [
  ['debian', 'Debian / Ubuntu'],
  ['macos', 'macOS (Homebrew)'],
  ['windows', 'Windows'],
] as const;

export function formatDiagnosticText(checks: readonly DiagnosticCheck[]): string {
  const lines = [`Diagnostic de rapport ${readVersion()} (${process.platform} ${process.arch})`, ''];
  for (const check of checks) lines.push(`  ${check.ok ? '[ok]    ' : check.required ? '[MANQUE]' : '[avert.]'} ${check.label}\u00a0: ${check.detail}`);
  const failed = checks.filter((check) => !check.ok);
  lines.push('');
  if (failed.length === 0) {
    lines.push('Tout est prêt\u00a0: « rapport build » peut produire le PDF.');
    return lines.join('\n');
  }
  lines.push('À corriger\u00a0:');
  for (const check of failed) {
    lines.push('', `- ${check.label}\u00a0: ${check.detail}`);
    if (check.commands !== undefined) {
      for (const [key, name] of SYSTEMS) lines.push(`  ${name}\u00a0: ${check.commands[key]}`);
    }
    if (check.hint !== undefined) lines.push(`  ${check.hint}`);
  }
  lines.push('', 'Puis relancez « rapport diagnostic ».');
  return lines.join('\n');
}

export function registerDiagnostic(program: Command): void {
  program
    .command('diagnostic')
    .description('vérifie que cette machine peut produire le rapport : Node.js, navigateur, polices, canvas, droits d\'écriture')
    .argument('[dossier]', 'dossier du projet : vérifie aussi que son dossier sortie/ est accessible en écriture')
    .option('--json', 'affiche le résultat en JSON : { ready, checks: [{ id, label, ok, required, detail, hint?, commands? }] }')
    .action(async (folder: string | undefined, options: DiagnosticOptions) => {
      // Loaded on demand, like build: puppeteer and canvas cost a second that other commands must not pay.
      const { runDiagnostics } = await import('../pipeline/run-diagnostics.js');
      const checks = await runDiagnostics(folder === undefined ? {} : { folder });
      const ready = checks.every((check) => check.ok || !check.required);
      writeOut(options.json ? JSON.stringify({ ready, checks }, null, 2) : formatDiagnosticText(checks));
      process.exitCode = ready ? ExitCode.ok : ExitCode.render;
    });
}
