// Every figure of the catalogue on the hand-made folder fixtures/catalogue (report year 2024),
// with the values worked out by hand from its CSV files (see the comments beside each block).
import { beforeAll, describe, expect, it } from 'vitest';
import type { FigureSet } from '../../src/figures/index.js';
import { breakdownOf, figuresOf, valueOf } from './figure-helpers.js';

let set: FigureSet;
beforeAll(async () => {
  set = await figuresOf('catalogue', { year: 2024 });
});

describe('maraudes.csv', () => {
  // 2024: 10/01 Gare du Nord (nombre 2), 12/01 « gare du nord », 05/02 Porte Dorée (créneau vide),
  // 07/03 Bois de Vincennes. 2023: Gare du Nord (nuit), Porte Dorée (jour).
  it('maraudes.sessions sums `nombre` (default 1), by type, creneau, site and mois', () => {
    expect(valueOf(set, 'maraudes.sessions', 2024)).toBe(5);
    expect(breakdownOf(set, 'maraudes.sessions', 2024, 'type')).toEqual({ Santé: 4, Sociale: 1 });
    expect(breakdownOf(set, 'maraudes.sessions', 2024, 'creneau')).toEqual({ jour: 1, nuit: 3, non_renseigne: 1 });
    // Free text grouped ignoring case, first spelling kept.
    expect(breakdownOf(set, 'maraudes.sessions', 2024, 'site')).toEqual({ 'Bois de Vincennes': 1, 'Gare du Nord': 3, 'Porte Dorée': 1 });
    expect(breakdownOf(set, 'maraudes.sessions', 2024, 'mois')).toEqual({ '2024-01': 3, '2024-02': 1, '2024-03': 1 });
    expect(valueOf(set, 'maraudes.sessions', 2023)).toBe(2);
    expect(breakdownOf(set, 'maraudes.sessions', 2023, 'creneau')).toEqual({ jour: 1, nuit: 1 });
    expect(breakdownOf(set, 'maraudes.sessions', 2023, 'mois')).toEqual({ '2023-01': 0, '2023-02': 0, '2023-03': 1, '2023-04': 1 });
  });

  it('maraudes.sites counts distinct sites', () => {
    expect(valueOf(set, 'maraudes.sites', 2024)).toBe(3);
    expect(valueOf(set, 'maraudes.sites', 2023)).toBe(2);
  });

  it('every counter column becomes maraudes.<header>, by type and mois, labelled with its header', () => {
    // Préservatifs 2024: 30 + 5 + 0 + 12; personnes rencontrées: 12 + 4 + 2 (+ empty).
    expect(valueOf(set, 'maraudes.preservatifs', 2024)).toBe(47);
    expect(breakdownOf(set, 'maraudes.preservatifs', 2024, 'type')).toEqual({ Santé: 42, Sociale: 5 });
    expect(breakdownOf(set, 'maraudes.preservatifs', 2024, 'mois')).toEqual({ '2024-01': 35, '2024-02': 0, '2024-03': 12 });
    expect(valueOf(set, 'maraudes.personnes_rencontrees', 2024)).toBe(18);
    // The counter is empty in March, but the months still run as far as the sessions do.
    expect(breakdownOf(set, 'maraudes.personnes_rencontrees', 2024, 'mois')).toEqual({ '2024-01': 16, '2024-02': 2, '2024-03': 0 });
    expect(valueOf(set, 'maraudes.preservatifs', 2023)).toBe(14);
    expect(valueOf(set, 'maraudes.personnes_rencontrees', 2023)).toBe(8);
    const figure = set.figures.find((f) => f.indicateur === 'maraudes.personnes_rencontrees');
    expect(figure?.libelle).toBe('Personnes rencontrées');
    expect(figure?.unite).toBe('personnes rencontrées');
    expect(set.figures.some((f) => f.indicateur === 'maraudes.commentaire')).toBe(false);
  });
});

describe('trod.csv', () => {
  // 2024: VIH négatif ×3 (A1), VHC positif orienté (A1), VIH positif non orienté (B2),
  // VHB invalide (no code), syphilis négatif ×2 (C3). 2023: VIH négatif (A1), VIH positif orienté (D4).
  it('trod.tests, with nombre > 1, by every dimension', () => {
    expect(valueOf(set, 'trod.tests', 2024)).toBe(8);
    expect(breakdownOf(set, 'trod.tests', 2024, 'depistage')).toEqual({ VIH: 4, VHC: 1, VHB: 1, syphilis: 2 });
    expect(breakdownOf(set, 'trod.tests', 2024, 'resultat')).toEqual({ negatif: 5, positif: 2, invalide: 1 });
    expect(breakdownOf(set, 'trod.tests', 2024, 'lieu')).toEqual({ Camion: 4, Local: 4 });
    expect(breakdownOf(set, 'trod.tests', 2024, 'genre')).toEqual({ Femme: 4, 'Femme trans': 1, Homme: 3 });
    expect(breakdownOf(set, 'trod.tests', 2024, 'tranche_age')).toEqual({ '18-25 ans': 4, '26-35 ans': 2, non_renseigne: 2 });
    expect(breakdownOf(set, 'trod.tests', 2024, 'mois')).toEqual({ '2024-01': 4, '2024-02': 2, '2024-03': 2 });
    expect(valueOf(set, 'trod.tests', 2024, 'tranche_age›genre=18-25 ans›Femme')).toBe(4);
    expect(valueOf(set, 'trod.tests', 2024, 'tranche_age›genre=non_renseigne›Homme')).toBe(2);
    expect(valueOf(set, 'trod.tests', 2024, 'tranche_age›genre=18-25 ans›Homme')).toBe(0);
    expect(valueOf(set, 'trod.tests', 2023)).toBe(2);
  });

  it('positives, invalid results and oriented positives by depistage, every test type listed', () => {
    expect(valueOf(set, 'trod.positifs', 2024)).toBe(2);
    expect(breakdownOf(set, 'trod.positifs', 2024, 'depistage')).toEqual({ VIH: 1, VHC: 1, VHB: 0, syphilis: 0 });
    expect(valueOf(set, 'trod.invalides', 2024)).toBe(1);
    expect(breakdownOf(set, 'trod.invalides', 2024, 'depistage')).toEqual({ VIH: 0, VHC: 0, VHB: 1, syphilis: 0 });
    expect(valueOf(set, 'trod.positifs_orientes', 2024)).toBe(1);
    expect(breakdownOf(set, 'trod.positifs_orientes', 2024, 'depistage')).toEqual({ VIH: 0, VHC: 1, VHB: 0, syphilis: 0 });
    expect(valueOf(set, 'trod.positifs', 2023)).toBe(1);
    expect(valueOf(set, 'trod.positifs_orientes', 2023)).toBe(1);
  });

  it('trod.taux_positivite: positives over tests with a valid result, in percent', () => {
    // 2 / (8 − 1) = 28,57 %; VIH 1/4; VHC 1/1; syphilis 0/2; VHB has no valid result: no rate.
    expect(valueOf(set, 'trod.taux_positivite', 2024)).toBe(28.6);
    expect(breakdownOf(set, 'trod.taux_positivite', 2024, 'depistage')).toEqual({ VIH: 25, VHC: 100, syphilis: 0 });
    expect(valueOf(set, 'trod.taux_positivite', 2023)).toBe(50);
    expect(set.figures.find((f) => f.indicateur === 'trod.taux_positivite')?.unite).toBe('%');
  });

  it('trod.personnes counts distinct codes', () => {
    expect(valueOf(set, 'trod.personnes', 2024)).toBe(3); // A1, B2, C3
    expect(valueOf(set, 'trod.personnes', 2023)).toBe(2); // A1, D4
  });
});

describe('domiciliations.csv', () => {
  // D1: first 01/03/2023 (valid to 29/02/2024), renewed on 29/02/2024, the day the first ends.
  // D2: 15/06/2023, radiated 15/10/2023. D3: refused 2024 (hors secteur). D4: renewal 05/05/2024
  // with no earlier decision. D5: 01/12/2022 → 30/11/2023. D6: 20/11/2024, radiated 02/01/2025.
  it('first requests and renewals: accorded decisions dated in the year', () => {
    expect([2022, 2023, 2024].map((y) => valueOf(set, 'domiciliations.premieres_demandes', y))).toEqual([1, 2, 1]);
    expect([2022, 2023, 2024].map((y) => valueOf(set, 'domiciliations.renouvellements', y))).toEqual([0, 0, 2]);
  });

  it('refusals by reason', () => {
    expect([2022, 2023, 2024].map((y) => valueOf(set, 'domiciliations.refus', y))).toEqual([0, 0, 1]);
    expect(breakdownOf(set, 'domiciliations.refus', 2024, 'motif_refus')).toEqual({ 'Hors secteur': 1 });
  });

  it('people domiciled: validity meeting the year, a domiciliation spanning two years counted in both', () => {
    // 2022: D5. 2023: D1, D2, D5. 2024: D1 (both decisions, counted once), D4, D6.
    expect([2022, 2023, 2024].map((y) => valueOf(set, 'domiciliations.personnes', y))).toEqual([1, 3, 3]);
    // Profile from the latest decision meeting the year; « afrique » grouped with « Afrique ».
    expect(breakdownOf(set, 'domiciliations.personnes', 2024, 'genre')).toEqual({ Femme: 2, 'Femme trans': 1 });
    expect(breakdownOf(set, 'domiciliations.personnes', 2024, 'tranche_age')).toEqual({ '18-25 ans': 1, '26-35 ans': 1, non_renseigne: 1 });
    expect(breakdownOf(set, 'domiciliations.personnes', 2024, 'origine')).toEqual({ Afrique: 2, Amérique: 1 });
    expect(breakdownOf(set, 'domiciliations.personnes', 2023, 'genre')).toEqual({ Femme: 1, Homme: 2 });
    expect(breakdownOf(set, 'domiciliations.personnes', 2023, 'origine')).toEqual({ Afrique: 1, Europe: 2 });
    expect(valueOf(set, 'domiciliations.personnes', 2023, 'tranche_age›genre=36-50 ans›Homme')).toBe(2);
    expect(valueOf(set, 'domiciliations.personnes', 2024, 'tranche_age›origine=non_renseigne›Amérique')).toBe(1);
  });

  it('in force on 31 December: radiation before the end of validity ends it', () => {
    // 2022: D5. 2023: D1 only (D2 radiated in October, D5 ended 30/11). 2024: D1, D4, D6
    // (D6 radiated on 02/01/2025: still domiciled on 31/12/2024).
    expect([2022, 2023, 2024].map((y) => valueOf(set, 'domiciliations.en_cours_fin_annee', y))).toEqual([1, 1, 3]);
  });

  it('radiations dated in the year, later ones left out', () => {
    expect([2022, 2023, 2024].map((y) => valueOf(set, 'domiciliations.radiations', y))).toEqual([0, 1, 0]);
    expect(set.years).not.toContain(2025);
  });

  it('dependants of the people domiciled (latest decision of each)', () => {
    // 2023: D1 1 + D2 0 + D5 (empty); 2024: D1 2 (renewal) + D4, D6 (empty).
    expect([2022, 2023, 2024].map((y) => valueOf(set, 'domiciliations.ayants_droit', y))).toEqual([0, 1, 2]);
  });
});

describe('aides_financieres.csv', () => {
  // 2024: chèques ×3 120,50 € (P1), chèques 30 € (P3), nuitée 65,20 € (P4), transport 7,30 €
  // (no code, no funder), « =1+2 » 5 € (P3). 2023: chèques 50 € (P2). 2022: transport 10 € (P1).
  it('aides.nombre and aides.montant by nature, categorie, forme, financeur and mois', () => {
    expect(valueOf(set, 'aides.nombre', 2024)).toBe(7);
    expect(valueOf(set, 'aides.montant', 2024)).toBe(228);
    expect(breakdownOf(set, 'aides.nombre', 2024, 'nature')).toEqual({ '=1+2': 1, 'Chèques de service': 4, "Nuitée d'hôtel": 1, Transport: 1 });
    expect(breakdownOf(set, 'aides.montant', 2024, 'nature')).toEqual({ '=1+2': 5, 'Chèques de service': 150.5, "Nuitée d'hôtel": 65.2, Transport: 7.3 });
    expect(breakdownOf(set, 'aides.nombre', 2024, 'categorie')).toEqual({ Hébergement: 1, 'Vie quotidienne': 6 });
    expect(breakdownOf(set, 'aides.montant', 2024, 'categorie')).toEqual({ Hébergement: 65.2, 'Vie quotidienne': 162.8 });
    expect(breakdownOf(set, 'aides.nombre', 2024, 'forme')).toEqual({ cheque_service: 4, especes: 1, paiement_electronique: 0, virement: 1, autre: 1 });
    expect(breakdownOf(set, 'aides.montant', 2024, 'financeur')).toEqual({ Fondation: 150.5, Ville: 70.2, non_renseigne: 7.3 });
    expect(breakdownOf(set, 'aides.montant', 2024, 'mois')).toEqual({ '2024-01': 120.5, '2024-02': 95.2, '2024-03': 12.3 });
    expect([2022, 2023].map((y) => valueOf(set, 'aides.montant', y))).toEqual([10, 50]);
  });

  it('beneficiaries, and new ones: an aid in N−2 makes a person not new in N', () => {
    expect([2022, 2023, 2024].map((y) => valueOf(set, 'aides.beneficiaires', y))).toEqual([1, 1, 3]);
    expect([2022, 2023, 2024].map((y) => valueOf(set, 'aides.nouveaux_beneficiaires', y))).toEqual([1, 1, 2]);
  });

  it('aides.montant_moyen: amount per aid, to the cent', () => {
    expect(valueOf(set, 'aides.montant_moyen', 2024)).toBe(32.57); // 228 / 7
    expect(valueOf(set, 'aides.montant_moyen', 2023)).toBe(50);
  });

  it('natures grouped under their category for typology tables', () => {
    expect(set.hierarchies).toEqual([
      {
        indicateurs: ['aides.nombre', 'aides.montant'],
        dimension: 'nature',
        parentDimension: 'categorie',
        parentOf: { Transport: 'Vie quotidienne', 'Chèques de service': 'Vie quotidienne', "Nuitée d'hôtel": 'Hébergement', '=1+2': 'Vie quotidienne' },
      },
    ]);
  });
});

describe('indicateurs.csv and the whole set', () => {
  it('every indicateurs row up to year N becomes a figure as given', () => {
    expect([2022, 2023, 2024].map((y) => valueOf(set, 'accueil.visites', y))).toEqual([2500, 3000, 3281]);
    expect(breakdownOf(set, 'accueil.visites', 2024, 'motif')).toEqual({ Santé: 2000, Social: 1281 });
    expect(valueOf(set, 'accueil.visites', 2025)).toBeUndefined();
    const figure = set.figures.find((f) => f.indicateur === 'accueil.visites');
    expect(figure).toMatchObject({ unite: 'visites', libelle: "Passages à l'accueil de jour", source: { kind: 'indicateurs', file: 'indicateurs.csv', line: 2 } });
  });

  it('gives every figure a French label and a unit, and breakdown parts add up to their totals', () => {
    for (const figure of set.figures) {
      expect(figure.libelle, figure.indicateur).not.toBe('');
      expect(figure.unite, figure.indicateur).not.toBe('');
    }
    const ratios = new Set(['trod.taux_positivite', 'aides.montant_moyen']);
    for (const figure of set.figures) {
      if (figure.dimension !== '' || ratios.has(figure.indicateur)) continue;
      const dimensions = new Set(set.figures.filter((f) => f.indicateur === figure.indicateur && f.annee === figure.annee && f.dimension !== '').map((f) => f.dimension));
      for (const dimension of dimensions) {
        const sum = set.figures
          .filter((f) => f.indicateur === figure.indicateur && f.annee === figure.annee && f.dimension === dimension)
          .reduce((acc, f) => acc + f.valeur, 0);
        expect(Math.round(sum * 100) / 100, `${figure.indicateur} ${figure.annee} ${dimension}`).toBe(figure.valeur);
      }
    }
  });

  it('covers N and every earlier year present, nothing later', () => {
    expect(set.year).toBe(2024);
    expect(set.years).toEqual([2022, 2023, 2024]);
  });
});
