// One example row per contract file, for `rapport init`. Headers come from the contract (the
// zod row schemas), so a column added there appears here; the values are keyed by column and a
// missing one is caught by tests/cli/init.test.ts, never silently left empty by accident.
import { createRowSchemas, DATASET_FILES, DATASET_IDS, listFields, type DatasetId } from '../ingest/contract.js';

/**
 * Free counter columns of maraudes.csv (the contract takes any other header as a counter). The
 * header is the figure's label in the report, so it is written as a person would.
 */
const MARAUDE_COUNTERS: Readonly<Record<string, string>> = { 'Personnes rencontrées': '12', Contacts: '18', Préservatifs: '150' };

/**
 * The example value of each contract column, as a French spreadsheet writes it: dates as
 * jj/mm/aaaa, decimal comma, labels with accents. `{annee}` is the report year.
 */
const EXAMPLE_VALUES: Readonly<Record<DatasetId, Readonly<Record<string, string>>>> = {
  maraudes: { date: '15/03/{annee}', site: 'Gare centrale', type: 'Sociale', creneau: 'Nuit', nombre: '1' },
  trod: {
    date: '15/03/{annee}',
    depistage: 'VIH',
    resultat: 'Négatif',
    lieu: 'Gare centrale',
    personne: 'P-0001',
    genre: 'Femme',
    tranche_age: '25-34 ans',
    premier_depistage: 'Oui',
    orientation: '',
    nombre: '1',
  },
  domiciliations: {
    personne: 'P-0001',
    date: '02/02/{annee}',
    demande: 'Première demande',
    decision: 'Accord',
    motif_refus: '',
    date_fin: '01/02/{annee+1}',
    date_radiation: '',
    motif_radiation: '',
    ayants_droit: '0',
    genre: 'Femme',
    tranche_age: '25-34 ans',
    origine: 'Afrique subsaharienne',
  },
  aides: {
    date: '10/04/{annee}',
    nature: 'Chèques de service',
    montant: '45,50',
    personne: 'P-0001',
    categorie: 'Aide à la vie quotidienne',
    forme: 'Chèque de service',
    financeur: 'Ville',
    genre: 'Femme',
    tranche_age: '25-34 ans',
    nombre: '1',
  },
  indicateurs: {
    indicateur: 'accueil.personnes_accueillies',
    annee: '{annee}',
    valeur: '120',
    dimension: '',
    modalite: '',
    libelle: "Personnes accueillies à l'accueil de jour",
    unite: 'personnes',
  },
};

/** Separator of French Excel's « CSV (séparateur : point-virgule) ». */
export const EXAMPLE_SEPARATOR = ';';

export interface ExampleCsv {
  dataset: DatasetId;
  /** File name expected by the contract (e.g. aides_financieres.csv). */
  file: string;
  header: string[];
  row: string[];
}

/** The columns of one contract file, in contract order (counters last for maraudes). */
export function listContractColumns(dataset: DatasetId): string[] {
  const schemas = createRowSchemas();
  const columns = listFields(schemas[dataset]).map(({ name }) => name);
  return dataset === 'maraudes' ? [...columns, ...Object.keys(MARAUDE_COUNTERS)] : columns;
}

function exampleValue(dataset: DatasetId, column: string, year: number): string {
  const value = EXAMPLE_VALUES[dataset][column] ?? (dataset === 'maraudes' ? MARAUDE_COUNTERS[column] : undefined);
  // A contract column without an example is our bug: the file would teach a wrong layout.
  if (value === undefined) throw new Error(`no example value for ${dataset}.${column}`);
  return value.replaceAll('{annee}', String(year)).replaceAll('{annee+1}', String(year + 1));
}

/** Header and one example row of every contract file, for the report year `year`. */
export function buildExampleCsvs(year: number): ExampleCsv[] {
  return DATASET_IDS.map((dataset) => {
    const header = listContractColumns(dataset);
    return { dataset, file: DATASET_FILES[dataset], header, row: header.map((column) => exampleValue(dataset, column, year)) };
  });
}

/**
 * The file text: UTF-8 with a byte-order mark (Excel then reads the accents right), `;`,
 * CRLF line ends. The example values are ours and hold no separator or quote, so no quoting
 * is needed; a value that did would be our bug.
 */
export function formatExampleCsv(csv: ExampleCsv): string {
  for (const cell of [...csv.header, ...csv.row]) {
    if (/[;"\r\n]/.test(cell)) throw new Error(`example cell needs quoting: ${cell}`);
  }
  return `\ufeff${csv.header.join(EXAMPLE_SEPARATOR)}\r\n${csv.row.join(EXAMPLE_SEPARATOR)}\r\n`;
}
