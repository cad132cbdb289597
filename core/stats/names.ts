/** Sheet names of the statistics workbook, as users see them. */
export const STATS_SHEETS = {
  synthese: 'Synthèse',
  repartition: 'Répartition',
  competences: 'Compétences',
  commissions: 'Commissions',
  notes: 'Notes',
} as const;

/** Title mention of a table that is not final. */
export const PROVISIONAL = 'PROVISOIRE';
