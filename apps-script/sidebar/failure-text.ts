/**
 * What the sidebar says when a server call fails. Apps Script's own failures (time limit, timeouts,
 * lost connection, authorisation) reach google.script.run's failure handler in English; the panel
 * speaks French, so the known ones are said in French. The server's own messages are French already
 * and are kept, without the « Error: » prefix the runtime may add.
 */
const KNOWN: Array<{ pattern: RegExp; text: string }> = [
  {
    pattern: /a sheet with the name .* already exists/i,
    text: 'Un onglet de ce nom existe déjà (un onglet a sans doute été renommé pendant la création) : relancez « Créer les onglets », les onglets seront relus.',
  },
  {
    pattern: /exceeded maximum execution time/i,
    text: "Google a arrêté le traitement : il a dépassé la durée maximale d'une exécution Apps Script.",
  },
  {
    pattern: /timed out|timeout/i,
    text: "Google Sheets n'a pas répondu à temps.",
  },
  {
    pattern: /networkerror|connection failure|http 0\b/i,
    text: 'La connexion avec Google a été perdue.',
  },
  {
    pattern: /authori[sz]ation is required|do not have permission/i,
    text: 'Google demande une nouvelle autorisation : rouvrez le panneau (Extensions › Grilles E4 › Ouvrir).',
  },
  {
    pattern: /too many times|quota|rate limit/i,
    text: "Le quota d'Apps Script de ce compte est atteint pour aujourd'hui.",
  },
];

export function failureText(message: string): string {
  const bare = message.replace(/^\s*(Error|Exception|Erreur)\s*:\s*/i, '').trim();
  return KNOWN.find((k) => k.pattern.test(bare))?.text ?? bare;
}
