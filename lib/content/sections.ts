import { SECTIONS, type Section } from './types';

type SectionInfo = { title: string; singular: string; description: string; path: string };

/** What readers see of each section: its name, the name of one of its pieces, its blurb. */
export const SECTION_INFO: Record<Section, SectionInfo> = {
  interviews: {
    title: 'Interviews',
    singular: 'Interview',
    description: 'Des entrepreneurs et des experts racontent comment ils font vivre leurs réseaux.',
    path: '/interviews',
  },
  articles: {
    title: "Points de vue d'experts",
    singular: 'Point de vue',
    description: 'Méthodes et conseils pratiques pour développer sa démarche réseau, pas à pas.',
    path: '/articles',
  },
};

/** The section named by a URL segment, or null for any other segment. */
export function sectionFromParam(value: string): Section | null {
  return (SECTIONS as readonly string[]).includes(value) ? (value as Section) : null;
}
