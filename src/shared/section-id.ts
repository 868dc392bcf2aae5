// Section ids name output files (`rapport-activite-2024-<id>.pdf`): letters, digits, `-` and `_`
// only, so an id can never be a path (`../../evil`) nor reach outside the output folder.
export const SECTION_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const SECTION_ID_EXPECTED = 'un identifiant en minuscules sans accent, chiffres, tirets et soulignés (ex. presentation), jamais un chemin';
