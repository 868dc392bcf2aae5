import type { Command } from 'commander';
import { initProject, PACKAGE_NAME } from '../init/index.js';
import { ExitCode } from '../shared/errors.js';
import { readVersion } from '../shared/version.js';
import { writeOut } from './output.js';

interface InitOptions {
  exemple?: boolean;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('crée un dossier de projet prêt à remplir : rapport.yaml commenté, donnees/ avec une ligne d\'exemple par fichier, textes/')
    .argument('<dossier>', 'dossier du projet à créer (un dossier existant est complété, sans rien remplacer)')
    .option('--exemple', "remplit donnees/ avec les données de l'association de démonstration au lieu d'une ligne d'exemple")
    .action((folder: string, options: InitOptions) => {
      const result = initProject({ folder, example: options.exemple === true, version: readVersion() });
      for (const path of result.created) writeOut(`  créé      ${path}`);
      for (const path of result.kept) writeOut(`  conservé  ${path} (existait déjà, non modifié)`);
      writeOut('');
      writeOut(
        result.created.length === 0
          ? `Rien à créer : tous les fichiers de « ${folder} » existaient déjà.`
          : `Projet prêt dans « ${folder} ». Étapes suivantes (détail dans ${folder}/LISEZMOI.md) :`,
      );
      writeOut(`  npx ${PACKAGE_NAME} check ${folder}    # vérifie les fichiers de donnees/`);
      writeOut(`  npx ${PACKAGE_NAME} build ${folder}    # écrit le PDF dans ${folder}/sortie/`);
      process.exitCode = ExitCode.ok;
    });
}
