import type { Epreuve } from './types';

/**
 * BTS NDRC, épreuve E4 « Relation client et négociation-vente ». Wording from annexes V-4 to V-8 of the
 * circulaire nationale d'organisation (session 2025) and the référentiel (arrêté du 19 février 2018).
 * The advisory bands are NOT official (2020 teachers' deck, an example only): they are advice.
 */
export const E4: Epreuve = {
  id: 'E4',
  diploma: 'BTS Négociation et Digitalisation de la Relation Client',
  title: 'E4 – Relation client et négociation-vente',
  unit: 'U4',
  coefficient: 5,
  noteMax: 20,
  levels: [
    { code: 'TI', label: 'Très insuffisant', rank: 0 },
    { code: 'I', label: 'Insuffisant', rank: 1 },
    { code: 'S', label: 'Satisfaisant', rank: 2 },
    { code: 'TS', label: 'Très satisfaisant', rank: 3 },
  ],
  legend: 'TI : Très Insuffisant / I : Insuffisant / S : Satisfaisant / TS : Très satisfaisant',
  blocs: [
    {
      id: 'cibler',
      title: 'Cibler et prospecter la clientèle',
      criteria: [
        {
          id: 'cibler.1',
          number: 1,
          wording: 'Analyser un portefeuille client',
          indicators:
            "Pertinence de l'analyse du portefeuille clients, qualification pertinente des prospects",
        },
        {
          id: 'cibler.2',
          number: 2,
          wording: 'Identifier des cibles de clientèle',
          indicators: 'Cohérence entre ciblage et démarche de prospection',
          indicatorsByForm: { ponctuel: 'Cohérence entre le ciblage et la démarche de prospection' },
        },
        {
          id: 'cibler.3',
          number: 3,
          wording: 'Mettre en œuvre et évaluer une démarche de prospection',
          indicators: 'Efficacité des choix opérés',
        },
        {
          id: 'cibler.4',
          number: 4,
          wording: 'Développer des réseaux professionnels',
          indicators: 'Activation pertinente des réseaux professionnels',
        },
      ],
    },
    {
      id: 'negocier',
      title: 'Négocier et accompagner la relation-client',
      activity: 'negociation',
      criteria: [
        {
          id: 'negocier.1',
          number: 1,
          wording: 'Négocier et vendre une solution adaptée au client',
          indicators:
            'Maîtrise de la relation interpersonnelle, efficacité de la négociation commerciale, pertinence de la solution proposée',
        },
        {
          id: 'negocier.2',
          number: 2,
          wording: 'Créer et maintenir une relation client durable',
          indicators:
            "Personnalisation de la relation client, qualité du diagnostic et de l'accompagnement client, respect des engagements, évolutivité et enrichissement de la relation client",
        },
      ],
    },
    {
      id: 'evenement',
      title: 'Organiser et animer un évènement commercial',
      activity: 'evenement',
      criteria: [
        {
          id: 'evenement.1',
          number: 1,
          wording: 'Organiser un évènement commercial',
          indicators:
            "Pertinence du choix de l'événement commercial, efficacité de l'organisation au regard des contraintes logistiques, financières, commerciales",
        },
        {
          id: 'evenement.2',
          number: 2,
          wording: 'Animer un évènement commercial',
          indicators: "Qualité et efficacité de l'animation",
        },
        {
          id: 'evenement.3',
          number: 3,
          wording: 'Exploiter un évènement commercial',
          indicators:
            "Précision du bilan quantitatif et qualitatif de l'événement commercial, rigueur dans le suivi des contacts et des opportunités d'affaires",
        },
      ],
    },
    {
      id: 'exploiter',
      title: "Exploiter et mutualiser l'information commerciale",
      criteria: [
        {
          id: 'exploiter.1',
          number: 1,
          wording: "Remonter, valoriser et partager l'information commerciale",
          indicators:
            "Pertinence et qualité des informations collectées, sélection et hiérarchisation de l'information diffusée",
        },
        {
          id: 'exploiter.2',
          number: 2,
          wording: "Collaborer à l'interne en vue de développer l'expertise commerciale",
          indicators: 'Qualité des analyses commerciales et des propositions',
        },
      ],
    },
  ],
  activities: [
    {
      code: 'negociation',
      label: 'Négociation Vente et Accompagnement de la Relation Client',
      formerLabels: ['Négociation-vente (NV)'],
      shortLabel: 'NV',
      statsLabel: 'Négociation-vente',
      listLabel: 'Négociation',
      blocId: 'negocier',
    },
    {
      code: 'evenement',
      label: "Organisation et Animation d'un Évènement commercial",
      formerLabels: ['Évènement commercial (EC)'],
      shortLabel: 'EC',
      statsLabel: 'Évènement commercial',
      listLabel: 'Évènement',
      blocId: 'evenement',
    },
  ],
  statuses: [
    { code: 'present', label: 'Présent', shortLabel: '' },
    { code: 'absent', label: 'Absent (ABS)', shortLabel: 'ABS' },
    { code: 'non_valide', label: 'Non valide (NV)', shortLabel: 'NV' },
  ],
  nvMotifs: [
    "Absence de dépôt de dossier à la date fixée par l'autorité académique",
    "Dépôt du dossier au-delà de la date fixée par l'autorité académique",
    "Durée de stage ou d'expérience professionnelle inférieure à celle requise par la réglementation de l'examen",
    "Absence d'attestation de stage ou de certificat de travail",
    'Documents constituant le dossier non visés ou non signés par les personnes habilitées à cet effet',
  ],
  forms: [
    {
      id: 'ccf',
      label: 'CCF',
      gridAnnex: 'Annexe V-4',
      ficheAnnex: 'Annexe V-5',
      gridTitle: "Grille d'aide à l'évaluation – Évaluation en CCF - Coefficient 5",
      ficheTitle: "Fiche d'évaluation – Évaluation en CCF",
      parts: [
        {
          id: 'A',
          title:
            "Situation A – Ciblage et prospection de clientèle – Exploitation et mutualisation de l'information commerciale",
          blocs: ['cibler', 'exploiter'],
          hasDate: true,
          hasSimulation: false,
          memberLines: 2,
          minMembers: 1,
        },
        {
          id: 'B',
          title: 'Situation B – Durée {minutes} minutes – Simulation',
          blocs: ['activity'],
          hasDate: true,
          hasSimulation: true,
          memberLines: 2,
          minMembers: 1,
        },
      ],
      headerSimulation: false,
      headerCommission: false,
      headerDate: false,
      formMemberLines: 0,
      formMinMembers: 0,
      formMaxMembers: 0,
    },
    {
      id: 'ponctuel',
      label: 'Forme ponctuelle',
      gridAnnex: 'Annexe V-6',
      ficheAnnex: 'Annexe V-7',
      gridTitle: "Grille d'aide à l'évaluation – Forme ponctuelle – Durée {duration} - Coefficient 5",
      ficheTitle: "Fiche d'évaluation – Forme ponctuelle",
      parts: [
        {
          id: '1',
          title:
            '1. Exposé et entretien relatifs au ciblage et à la prospection de clientèle ({minutes} minutes au maximum)',
          blocs: ['cibler'],
          hasDate: false,
          hasSimulation: false,
          memberLines: 0,
          minMembers: 0,
        },
        {
          id: '2',
          title: '2. Simulation ({minutes} minutes au maximum)',
          blocs: ['activity'],
          hasDate: false,
          hasSimulation: false,
          memberLines: 0,
          minMembers: 0,
        },
        {
          id: '3',
          title:
            "3. Présentation et entretien relatifs à l'exploitation et la mutualisation de l'information commerciale ({minutes} minutes au maximum)",
          blocs: ['exploiter'],
          hasDate: false,
          hasSimulation: false,
          memberLines: 0,
          minMembers: 0,
        },
      ],
      headerSimulation: true,
      headerCommission: true,
      headerDate: true,
      formMemberLines: 2,
      formMinMembers: 2,
      formMaxMembers: 2,
    },
  ],
  sessions: [
    {
      fromYear: 2020,
      toYear: 2024,
      partMinutes: { ccf: { B: 20 }, ponctuel: { '1': 20, '2': 20, '3': 20 } },
      totalDuration: { ponctuel: '1 heure' },
    },
    {
      fromYear: 2025,
      partMinutes: { ccf: { B: 15 }, ponctuel: { '1': 10, '2': 15, '3': 15 } },
      totalDuration: { ponctuel: '40 minutes' },
    },
  ],
  advisory: {
    // Order matters: the first rule that holds wins. « moins de 8 » is tested before « entre 8 et 12 »
    // so that a grid of I only reads « moins de 8 », as the deck's « entre Insuffisantes et très
    // insuffisantes ».
    rules: [
      { label: '14 et plus', minAtLeast: 'S', noteMin: 14, noteMax: 20 },
      { label: 'moins de 8', maxAtMost: 'I', noteMin: 0, noteMax: 8, noteMaxExclusive: true },
      { label: 'entre 8 et 12', minAtLeast: 'I', maxAtMost: 'S', noteMin: 8, noteMax: 12 },
    ],
    fallback: "pas d'indication",
  },
  footers: {
    grid: "Ce document d'aide à l'évaluation est à usage exclusif de la commission d'interrogation, il ne doit pas être communiqué au candidat.",
    fiche:
      "Ce document d'évaluation peut être communiqué au candidat, à sa demande, après délibération du jury.",
  },
};
