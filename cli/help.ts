/** French help texts: `grilles-e4 --help` and `grilles-e4 <commande> --help`. */

export const GENERAL_HELP = `grilles-e4 — grilles d'évaluation de l'épreuve E4 du BTS NDRC

Utilisation : grilles-e4 <commande> [options]

Commandes :
  grilles   Crée un onglet de grille par candidat à partir de la liste de la classe
  controle  Contrôle que chaque grille est complète et cohérente (onglet « Contrôle »)
  lire      Exporte toutes les grilles en JSON ou CSV
  stats     Produit le tableau de statistiques pour le SIEC (classeur séparé)
  pdf       Écrit un PDF par candidat et un pour la classe (avec LibreOffice)
  demo      Fait tout cela sur une classe d'exemple, dans le dossier demo/

Exemples :
  grilles-e4 grilles classe.xlsx --forme ccf
  grilles-e4 controle classe-grilles.xlsx
  grilles-e4 pdf classe-grilles.xlsx --fiches-seules
  grilles-e4 stats classe-grilles.xlsx -o statistiques-E4.xlsx --etablissement "Lycée Jean Moulin" --uai 0750000A

Aide d'une commande : grilles-e4 <commande> --help      Version : grilles-e4 --version
Un fichier existant n'est jamais remplacé (sauf un tableau de statistiques écrit par Grilles E4) ; --remplacer
autorise à remplacer un fichier que vous voulez jeter. --debug ajoute le détail technique d'une erreur.
`;

export const COMMAND_HELP: Record<string, string> = {
  grilles: `grilles-e4 grilles LISTE [--forme ccf|ponctuel] [--session 2026] [--feuille "Classe"] [-o sortie.xlsx] [--remplacer] [--par-commission]

Lit la liste de la classe (.xlsx ou .csv) et écrit un classeur avec, en plus des feuilles d'origine,
un onglet par candidat (grille d'aide à l'évaluation et fiche d'évaluation) et l'onglet « Suivi E4 ».

  --forme     ccf (par défaut) ou ponctuel
  --session   année de la session (par défaut : celle de l'année scolaire en cours)
  --feuille   feuille qui contient la liste (par défaut : la première qui a un en-tête reconnu)
  -o          fichier à écrire (par défaut : LISTE-grilles.xlsx ; la liste n'est jamais modifiée) ;
              un fichier existant n'est pas remplacé, un classeur de grilles jamais
  --remplacer remplace un fichier existant que vous voulez jeter (jamais un classeur de grilles)

Relancée sur un classeur qui a déjà des onglets, la commande ajoute les nouveaux candidats et met à jour
les identités, sans toucher à ce qui a été saisi. Le fichier est alors mis à jour sur place.
Un N° candidat corrigé dans la liste (zéro initial rétabli, faute de frappe) garde l'onglet déjà rempli
quand un seul onglet a les mêmes NOM, Prénom et date de naissance : « numéro corrigé » est affiché.
Centre d'examen : avec --par-commission, un classeur de grilles par commission (colonne « Commission »,
« Jury » ou « N° commission » de la liste), nommé d'après elle (commission-C01-grilles.xlsx), qui ne contient
que ses candidats et son propre « Suivi E4 ». La forme est alors ponctuel par défaut.
  -o          dossier où écrire les classeurs (par défaut : LISTE-commissions, à côté de la liste)
Un candidat sans commission est signalé et n'a pas d'onglet (code 1). Relancée sur la même liste, la commande
ajoute les nouveaux candidats au classeur de leur commission, sans toucher à ce qui a été saisi.

Codes de sortie : 0 fait ; 1 fait avec des avertissements ; 2 rien n'a été écrit.

Exemples : grilles-e4 grilles classe.xlsx --forme ponctuel --session 2026
           grilles-e4 grilles centre.xlsx --par-commission -o commissions/
`,
  controle: `grilles-e4 controle CLASSEUR [--json] [-o sortie.xlsx] [--remplacer]

Contrôle chaque onglet de candidat : niveaux, activité, note, dates, fiche, appréciations, membres de la
commission, et la cohérence avec la liste. Écrit l'onglet « Contrôle » (un lien vers chaque cellule en cause)
et la colonne « Dernier contrôle » de « Suivi E4 ».

  --json   affiche le résultat en JSON
  -o       écrit dans un autre fichier (par défaut : le classeur lui-même)

Codes de sortie : 0 tout est complet ; 1 des erreurs à corriger (ou « Contrôle » non écrit) ; 2 rien n'a été écrit.
Exemple : grilles-e4 controle classe-grilles.xlsx
`,
  lire: `grilles-e4 lire CLASSEUR… --json|--csv [-o fichier.json|fichier.csv] [--remplacer] [--ignorer-illisibles]

Exporte toutes les grilles (une ligne ou un objet par candidat). Le CSV est en UTF-8, séparateur « ; »,
virgule décimale ; un texte qui commence par = + - @ est neutralisé.

Avec plusieurs classeurs (ou un dossier, ou un motif comme "classes/*.xlsx"), une seule liste : la
colonne « Classeur » (clé « classeur » en JSON) dit de quel fichier vient chaque candidat. Un fichier
sans grille E4 est signalé et ignoré (code 1) ; un fichier illisible arrête tout (code 2) sauf avec
--ignorer-illisibles.

Exemples : grilles-e4 lire classe-grilles.xlsx --csv -o grilles.csv
           grilles-e4 lire ndrc2a-grilles.xlsx ndrc2b-grilles.xlsx --csv -o etablissement.csv
`,
  stats: `grilles-e4 stats CLASSEUR… [-o statistiques-E4.xlsx] [--etablissement "Lycée …"] [--uai 0750000A] [--academie "…"] [--nominatif] [--ignorer-illisibles]

Écrit un classeur séparé, prêt à envoyer : « Synthèse », « Répartition », « Compétences », « Commissions »
(s'il y en a plusieurs) et, seulement avec --nominatif, « Notes ». Sans --nominatif, aucun nom ni numéro.
L'établissement et l'UAI sont retenus dans l'onglet « Paramètres E4 » du classeur de la classe.

Plusieurs classeurs de grilles (deux classes, les commissions d'un centre…) : donnez-les tous, ou un
dossier, ou un motif comme "classes/*.xlsx". Un seul tableau est écrit sur tous les candidats, avec la
feuille « Classeurs » (une ligne par fichier : division, forme, session, inscrits, présents notés, ABS,
NV, non encore notés, moyenne). Les classeurs ne sont pas modifiés.
  - sessions ou formes différentes : refusé, rien n'est écrit (code 2) ;
  - un même N° candidat dans deux classeurs : erreur qui nomme les deux fichiers et les deux onglets,
    compté une seule fois, tableau PROVISOIRE (code 1) ;
  - un fichier sans grille E4 : signalé et ignoré (code 1) ;
  - un fichier illisible : rien n'est écrit (code 2), sauf avec --ignorer-illisibles.

  -o                    fichier à écrire (par défaut : statistiques-E4-SESSION-ÉTABLISSEMENT.xlsx, à côté
                        du classeur, ou dans le dossier courant s'il y en a plusieurs) ; jamais un classeur lu ;
                        un tableau écrit par Grilles E4 est remplacé, tout autre fichier existant
                        seulement avec --remplacer
  --nominatif           ajoute la feuille « Notes » (N° candidat, NOM, Prénom, note) ; à n'utiliser que si elle est demandée
  --ignorer-illisibles  réunit les autres classeurs quand un fichier ne peut pas être lu

Codes de sortie : 0 tableau définitif ; 1 écrit mais PROVISOIRE, avec un avertissement ou des fichiers ignorés ; 2 rien n'a été écrit.
Exemples : grilles-e4 stats classe-grilles.xlsx -o statistiques-E4.xlsx --etablissement "Lycée Jean Moulin"
           grilles-e4 stats ndrc2a-grilles.xlsx ndrc2b-grilles.xlsx -o statistiques-E4.xlsx
           grilles-e4 stats commissions/ -o statistiques-centre.xlsx
`,
  pdf: `grilles-e4 pdf CLASSEUR [--fiches-seules] [-o dossier] [--remplacer]

Imprime les onglets des candidats avec LibreOffice : un PDF par candidat (« N° candidat-NOM-Prénom.pdf »,
page 1 la grille, page 2 la fiche d'évaluation) et classe.pdf pour toute la classe. Les formules sont
recalculées à l'impression ; le classeur n'est pas modifié.

  --fiches-seules  seulement la page 2 de chaque onglet, la fiche d'évaluation, qui peut être remise au
                   candidat qui la demande (la grille, page 1, est réservée à la commission) ; le fichier
                   de la classe s'appelle alors fiches.pdf
  -o               dossier où écrire les PDF (par défaut : CLASSEUR-pdf, à côté du classeur) ; un PDF
                   du même nom déjà dans un dossier choisi n'est remplacé qu'avec --remplacer

Il faut LibreOffice (Debian/Ubuntu : sudo apt-get install libreoffice-calc-nogui ; Windows et macOS :
https://fr.libreoffice.org/download/) et les outils poppler-utils (pdfseparate, pdfunite). Variables :
GRILLES_E4_SOFFICE (programme soffice à utiliser), GRILLES_E4_POPPLER (dossier de pdfunite).
Sans LibreOffice, imprimez depuis Excel : chaque onglet tient sur 2 pages A4.

Codes de sortie : 0 fait ; 1 fait, avec des éléments du classeur absents des PDF ; 2 rien n'a été écrit.
Exemple : grilles-e4 pdf classe-grilles.xlsx --fiches-seules -o fiches
`,
  demo: `grilles-e4 demo

Crée le dossier demo/ et y fait les trois étapes sur la classe d'exemple fournie.
`,
};
