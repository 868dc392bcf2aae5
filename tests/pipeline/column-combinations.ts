// A small generator of contract files for the column-combination builds: every dataset with
// only its required columns, or with one optional column more, over two years (2023 and 2024),
// deterministic. Headers are the contract's column names; counts are returned with the CSV so
// the tests check the PDF against the data, not against the code under test.

export const YEARS = [2023, 2024] as const;
const ROWS_PER_YEAR = 30;

type Column = (row: number, year: number) => string;

const pick = <T>(values: readonly T[], index: number): T => values[index % values.length] as T;
const date = (row: number, year: number) => `${String((row % 27) + 1).padStart(2, '0')}/${String((row % 12) + 1).padStart(2, '0')}/${year}`;
const person = (row: number) => `P-${String(1000 + (row % 23)).padStart(4, '0')}`;
const gender = (row: number) => pick(['Femme', 'Homme', 'Femme trans'], row);
const ageBand = (row: number) => pick(['18-24 ans', '25-34 ans', '35-44 ans'], row);
const count = (row: number) => String(row % 2 === 0 ? 1 : 2);

interface DatasetShape {
  file: string;
  required: Record<string, Column>;
  optional: Record<string, Column>;
}

export const SHAPES: Readonly<Record<'maraudes' | 'trod' | 'domiciliations' | 'aides', DatasetShape>> = {
  maraudes: {
    file: 'maraudes.csv',
    required: { date, site: (row) => pick(['Gare du Nord', 'Quai de Seine', 'Parc Est'], row) },
    optional: {
      type: (row) => pick(['Sociale', 'Santé'], row),
      creneau: (row) => pick(['Jour', 'Nuit'], row),
      nombre: count,
      // A counter column (any header that is not a contract column).
      Contacts: (row, year) => String(10 + ((row * 7 + year) % 31)),
    },
  },
  trod: {
    file: 'trod.csv',
    required: { date, depistage: (row) => pick(['VIH', 'VHC', 'VHB', 'Syphilis'], row), resultat: (row) => (row % 9 === 4 ? 'Positif' : 'Négatif') },
    optional: {
      lieu: (row) => pick(['Local', 'Camion'], row),
      personne: person,
      genre: gender,
      tranche_age: ageBand,
      premier_depistage: (row) => (row % 3 === 0 ? 'Oui' : 'Non'),
      orientation: (row) => (row % 9 === 4 ? 'Oui' : ''),
      nombre: count,
    },
  },
  domiciliations: {
    file: 'domiciliations.csv',
    required: { personne: (row) => `P-${2000 + row}`, date, demande: (row) => (row % 3 === 0 ? 'Renouvellement' : 'Première demande') },
    optional: {
      decision: (row) => (row % 7 === 3 ? 'Refus' : 'Accord'),
      motif_refus: (row) => (row % 7 === 3 ? 'Hors secteur' : ''),
      date_fin: (row, year) => `${String((row % 27) + 1).padStart(2, '0')}/${String((row % 12) + 1).padStart(2, '0')}/${year + 1}`,
      date_radiation: (row, year) => (row % 10 === 5 ? `28/12/${year}` : ''),
      motif_radiation: (row) => (row % 10 === 5 ? 'Déménagement' : ''),
      ayants_droit: (row) => String(row % 3),
      genre: gender,
      tranche_age: ageBand,
      origine: (row) => pick(['Afrique subsaharienne', 'Europe', 'Amérique du Sud'], row),
    },
  },
  aides: {
    file: 'aides_financieres.csv',
    required: { date, nature: (row) => pick(['Chèques de service', 'Transport', "Nuitée d'hôtel"], row), montant: (row) => `${20 + (row % 4) * 15},00` },
    optional: {
      personne: person,
      categorie: (row) => pick(['Vie quotidienne', 'Vie quotidienne', 'Hébergement'], row),
      forme: (row) => pick(['Chèque de service', 'Espèces'], row),
      financeur: (row) => pick(['Fondation A', 'Ville'], row),
      genre: gender,
      tranche_age: ageBand,
      nombre: count,
    },
  },
};

export type DatasetName = keyof typeof SHAPES;

export interface GeneratedFile {
  dataset: DatasetName;
  /** Folder name: `maraudes-requises`, `trod-genre`… */
  name: string;
  file: string;
  csv: string;
  /** Events of the year 2024 (rows × `nombre` when the column is there). */
  eventsLastYear: number;
}

/** One file of `dataset` with its required columns and the optional ones named. */
export function generateFile(dataset: DatasetName, optional: readonly string[], years: readonly number[] = YEARS): GeneratedFile {
  const shape = SHAPES[dataset];
  const columns: [string, Column][] = [...Object.entries(shape.required), ...optional.map((name): [string, Column] => [name, shape.optional[name] as Column])];
  const lines = [columns.map(([name]) => name).join(';')];
  let eventsLastYear = 0;
  for (const year of years) {
    for (let row = 0; row < ROWS_PER_YEAR; row += 1) {
      lines.push(columns.map(([, value]) => value(row, year)).join(';'));
      if (year === years[years.length - 1]) eventsLastYear += optional.includes('nombre') ? Number(count(row)) : 1;
    }
  }
  return { dataset, name: `${dataset}-${optional.length === 0 ? 'requises' : optional.join('-')}`, file: shape.file, csv: `${lines.join('\n')}\n`, eventsLastYear };
}

/** Every dataset with its required columns only, then with each optional column alone. */
export function listCombinations(): GeneratedFile[] {
  return (Object.keys(SHAPES) as DatasetName[]).flatMap((dataset) => [
    generateFile(dataset, []),
    ...Object.keys(SHAPES[dataset].optional).map((column) => generateFile(dataset, [column])),
  ]);
}
