import { pngResponse, socialCardPng } from '@/lib/publishing/social-card';

/** The magazine's social card: the image of the home, the sections, tags and authors. */
export async function GET() {
  return pngResponse(await socialCardPng('Le webmagazine', 'Le webmagazine des entrepreneurs qui développent leur activité par leurs réseaux'));
}
