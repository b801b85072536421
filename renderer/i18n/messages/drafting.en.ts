// Runs in: renderer. English strings for drafting: headline length, writing modes, preview and proof.
export const draftingEn = {
  'headline.length.zi': '{count} of {guide} 字',
  'headline.length.characters': '{count} of {guide} characters',
  'headline.length.overZi': '{over} 字 over the guide',
  'headline.length.overCharacters': '{over} characters over the guide',
  'settings.headlineGuide': 'Headline length guide',
  'settings.headlineGuide.zi': 'Chinese headlines (字)',
  'settings.headlineGuide.characters': 'Other headlines (characters)',
  'settings.headlineGuide.hint': 'The headline shows its length against this guide; a longer one says by how much.',
};
