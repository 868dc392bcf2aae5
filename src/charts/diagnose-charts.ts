// `rapport diagnostic`, chart part: the document font files are there, and the native
// `canvas` module loads and draws text with them (a missing cairo/pango library fails here).
import type { DiagnosticCheck, InstallCommands } from '../shared/diagnostic.js';
import { describeFailure } from '../shared/diagnostic.js';
import { CSS_FONT_FAMILY, fontFiles, registerChartFonts } from './fonts.js';

const REINSTALL = 'npm install -g rapport-activite';

/** canvas ships prebuilt binaries for common systems; elsewhere it compiles against cairo and pango. */
export const CANVAS_INSTALL: InstallCommands = {
  debian:
    'sudo apt-get install -y build-essential pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev' +
    ` && ${REINSTALL}`,
  macos: `brew install pkg-config cairo pango libpng jpeg giflib librsvg && ${REINSTALL}`,
  windows: `${REINSTALL}   (le module canvas y est fourni précompilé ; sinon installez « Visual Studio Build Tools »)`,
};

export async function diagnoseCharts(): Promise<DiagnosticCheck[]> {
  const checks: DiagnosticCheck[] = [];
  let fontsOk = false;
  try {
    const files = fontFiles();
    fontsOk = true;
    checks.push({ id: 'polices', label: 'Police du document (Source Sans 3)', ok: true, required: true, detail: `${files.length} fichiers trouvés` });
  } catch (error) {
    checks.push({ id: 'polices', label: 'Police du document (Source Sans 3)', ok: false, required: true, detail: describeFailure(error),
      hint: `réinstallez rapport : ${REINSTALL}` });
  }
  try {
    const { createCanvas } = await import('canvas');
    if (fontsOk) await registerChartFonts();
    const context = createCanvas(200, 50).getContext('2d');
    context.font = `16px ${CSS_FONT_FAMILY}`;
    const width = context.measureText('Rapport 2025').width;
    if (!(width > 0)) throw new Error('le texte ne se dessine pas (largeur nulle)');
    checks.push({ id: 'canvas', label: 'Module canvas (dessin des graphiques)', ok: true, required: true, detail: 'chargé, dessine du texte' });
  } catch (error) {
    checks.push({ id: 'canvas', label: 'Module canvas (dessin des graphiques)', ok: false, required: true, detail: describeFailure(error),
      commands: CANVAS_INSTALL });
  }
  return checks;
}
